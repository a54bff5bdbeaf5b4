// SPDX-License-Identifier: MIT
#pragma once

#include <QStringView>

#include <array>

namespace Lede {

/// Tells the paragraphs of an article's canonical text that are page furniture, not the article,
/// so that the names in them are not linked: share and follow lines ("Share on Reddit", "Follow us
/// on LinkedIn", 分享到), lines that are a link to a site or a social post ("example.com TLDR",
/// "Reddit Post"), lines of bare tickers ("NVDA AMD INTC", "(NASDAQ: NVDA) +2.1%"), contact blocks
/// (a "Media contact" or "Contact details" line and the short lines after it; a short line with a
/// telephone number, an e-mail address or a web address), notices ("Disclaimer:", "Note to
/// investors:", "Source:", 来源：) and the paragraphs under a notice's heading ("Forward-Looking
/// Statements", "Safe Harbor Statement", 免责声明), and a list of other articles' headlines that
/// ends the text (a label such as "Trending Articles:" or 相关阅读：, then title-case lines with no
/// full stop).
///
/// It judges by the shape of a paragraph (short, link-like, made of tickers, a run of headlines) and
/// by vocabulary every site uses for these things, never by one site's wording. A long paragraph is
/// furniture only under a notice's heading: an "About <company>" paragraph of a press release stays
/// text.
///
/// Paragraphs are the runs of text between blank lines ("\n\n"). Each is judged once; asking about
/// positions in increasing order reads the text once.
class BoilerplateJudge
{
public:
    explicit BoilerplateJudge(QStringView text) : m_text(text) { }

    /// True when the paragraph that holds `pos` is furniture.
    bool isBoilerplate(qsizetype pos);

    /// The paragraph [start, end) judged by itself and after the paragraphs before it; exposed
    /// for tests.
    static bool judge(QStringView text, qsizetype start, qsizetype end);

    /// What the judge read of the paragraphs before the one it judges, kept for the next ones, which
    /// read the same paragraphs: each answer depends on that paragraph alone.
    struct Earlier
    {
        qsizetype start = -1; // the paragraph [start, end), as previousParagraph() gives it
        qsizetype end = -1;
        qint8 notice = -1; // underNoticeHeading()'s step over it: -1 not read yet, else a Step
        qint8 contact = -1; // the contact block's step over it
    };
    struct EarlierParagraphs
    {
        std::array<Earlier, 16> slots{};
        int next = 0; // the slot a paragraph not kept yet takes

        Earlier &find(qsizetype start, qsizetype end);
    };

private:
    static bool judge(QStringView text, qsizetype start, qsizetype end, EarlierParagraphs *earlier);

    // Where the last paragraphs of the text start (those an author's note may close), found once.
    qsizetype tailStart();

    QStringView m_text;
    qsizetype m_start = -1;
    qsizetype m_end = -1;
    bool m_verdict = false;
    qsizetype m_tailStart = -1;
    EarlierParagraphs m_earlier;
};

} // namespace Lede
