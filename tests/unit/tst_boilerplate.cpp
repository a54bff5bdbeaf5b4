// SPDX-License-Identifier: MIT
// Page furniture is not linked: share and follow lines, link lines, ticker lists, contact blocks and
// notices, told by their shape and general vocabulary; prose around them is linked as before.
#include "link/boilerplate.h"
#include "link/linker.h"

#include "linkertest.h"

#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

const char16_t *const records = uR"(
[company/nvidia]
name = Nvidia
alias = NVIDIA | 英伟达

[company/reddit]
name = Reddit

[company/facebook]
name = Facebook

[company/linkedin]
name = LinkedIn

[company/acme]
name = Acme
alias = 艾克米

[region/us]
name = United States

[region/la]
name = Los Angeles
)";

const Lede::Linker &linker()
{
    static const Lede::Linker l(LedeTest::knowledgeBaseFrom(records, u"boilerplate"_s));
    return l;
}

QStringList linked(const QString &text)
{
    QStringList out;
    for (const Lede::EntityMention &m : linker().link(text))
        out.append(m.surface);
    return out;
}

} // namespace

class TestBoilerplate : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void furnitureIsNotLinked_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        const QString story = u"Nvidia sold chips in the United States."_s;
        const QStringList storyNames{u"Nvidia"_s, u"United States"_s};
        QTest::newRow("share line") << story + u"\n\nShare on Reddit"_s << storyNames;
        QTest::newRow("share line with a separator") << story + u"\n\nShare this article: Facebook"_s << storyNames;
        QTest::newRow("follow line") << story + u"\n\nFollow us on Facebook, LinkedIn and Reddit"_s << storyNames;
        QTest::newRow("Chinese share line") << story + u"\n\n分享到 Facebook"_s << storyNames;
        QTest::newRow("link to a post elsewhere") << story + u"\n\nReddit Post"_s << storyNames;
        QTest::newRow("link naming a site") << story + u"\n\nacme.com TLDR"_s << storyNames;
        QTest::newRow("ticker list") << story + u"\n\nNASDAQ:NVDA +2.1% NYSE:ACME -0.4%"_s << storyNames;
        QTest::newRow("one ticker per line") << story + u"\n\nNVDA\n\nACME\n\nAMD"_s << storyNames;
        QTest::newRow("contact block") << story + u"\n\nMedia contact:\n\nAcme\n\nLos Angeles, CA\n\n+1 310-299-1717"_s
                                       << storyNames;
        QTest::newRow("contact details") << story + u"\n\nContact Details\n\nAcme\n\ninfo@acme.com"_s << storyNames;
        QTest::newRow("address line with a web address")
            << story + u"\n\nAcme Los Angeles, CA www.acme.com 310.299.1717"_s << storyNames;
        QTest::newRow("notice") << story + u"\n\nDisclaimer: Acme and Nvidia are named for information only."_s
                                << storyNames;
        QTest::newRow("paragraph under a safe-harbour heading") << story
                + u"\n\nSafe Harbor Statement\n\nThis release contains forward-looking statements. Risks are "
                  "described in Acme's filings with Reddit and Facebook, which are available on our website."_s
                                                                << storyNames;
        QTest::newRow("second paragraph under a forward-looking heading") << story
                + u"\n\nForward-Looking Statements:\n\nThis press release may contain forward-looking statements."
                  "\n\nActual results at Acme may differ, as its filings with Reddit describe."_s
                                                                          << storyNames;
        QTest::newRow("closing list of other articles' headlines") << story
                + u"\n\nTrending Articles:\n\nReddit Shares Jump After Strong Quarter From Acme\n\n"
                  "Facebook Bangs the Drum on LinkedIn Stock"_s << storyNames;
        QTest::newRow("closing list of Chinese headlines") << story
                + u"\n\n相关阅读：\n\nReddit股价大涨，Acme季度业绩强劲超预期\n\nFacebook推出新功能应对LinkedIn竞争压力"_s
                                                           << storyNames;
        QTest::newRow("a picture's credit") << story + u"\n\nAcme供图\n\n需求强劲。"_s << storyNames;
        QTest::newRow("an author's note closing the text")
            << story + u"\n\nJane Roe is a political consultant and a former director of a media network at Acme"_s
            << storyNames;
        QTest::newRow("an author's note run into the last paragraph")
            << story + u" Jane Roe is a columnist and a former editor at Acme"_s << storyNames;
        QTest::newRow("a Chinese author's note closing the text")
            << story + u"\n\n（作者系Acme研究员）"_s << storyNames;
        // Prose stays text, furniture words or not.
        QTest::newRow("a writer's note inside the story")
            << u"Jane Roe is a consultant at Acme.\n\nNvidia sold chips in the United States."_s
            << QStringList{u"Acme"_s, u"Nvidia"_s, u"United States"_s};
        QTest::newRow("a closing paragraph about a company")
            << story + u"\n\nAcme is a maker of servers in Los Angeles."_s
            << QStringList{u"Nvidia"_s, u"United States"_s, u"Acme"_s, u"Los Angeles"_s};
        QTest::newRow("a heading after the notice's paragraph is text")
            << u"Safe Harbor Statement\n\nThis release contains forward-looking statements.\n\nAbout Acme\n\n"
               "Acme builds servers."_s
            << QStringList{u"Acme"_s, u"Acme"_s};
        QTest::newRow("a list of names that is the story's content")
            << u"Acme listed its partners:\n\nNvidia\n\nReddit\n\nLinkedIn"_s
            << QStringList{u"Acme"_s, u"Nvidia"_s, u"Reddit"_s, u"LinkedIn"_s};
        QTest::newRow("headline-like lines that do not end the text")
            << u"Acme said:\n\nReddit Shares Jump After Strong Quarter From Acme\n\nFacebook Bangs the Drum on "
               "LinkedIn Stock\n\nNvidia sold chips to Acme in the United States, the company said on Monday."_s
            << QStringList{u"Acme"_s, u"Reddit"_s, u"Acme"_s, u"Facebook"_s, u"LinkedIn"_s, u"Nvidia"_s, u"Acme"_s,
                   u"United States"_s};
        QTest::newRow("prose about sharing")
            << u"Acme will share its Nvidia servers with Reddit, the company said on Monday in Los Angeles."_s
            << QStringList{u"Acme"_s, u"Nvidia"_s, u"Reddit"_s, u"Los Angeles"_s};
        QTest::newRow("an About paragraph")
            << u"About Acme\n\nAcme builds servers with Nvidia chips for customers across the United States, "
               "and sells them through partners in Los Angeles and elsewhere; see www.acme.com for more."_s
            << QStringList{u"Acme"_s, u"Acme"_s, u"Nvidia"_s, u"United States"_s, u"Los Angeles"_s};
        QTest::newRow("a headline in capitals")
            << u"NVIDIA\n\nAcme sold chips."_s << QStringList{u"NVIDIA"_s, u"Acme"_s};
        QTest::newRow("a short paragraph") << u"Acme rose.\n\nNvidia fell."_s << QStringList{u"Acme"_s, u"Nvidia"_s};
        QTest::newRow("a Chinese sentence that cites a web address")
            << u"本周（2.5-2.7）沪深300指数上涨1.98%，计算机板块上涨12.63%。https://example.cn "
               "板块个股涨幅前五名分别为：英伟达、艾克米。\n\n需求强劲。"_s
            << QStringList{u"英伟达"_s, u"艾克米"_s};
    }
    void furnitureIsNotLinked()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        QCOMPARE(linked(text), expected);
    }

    // The judge reads paragraphs between blank lines, each once, whatever order it is asked in.
    void judgeByPosition()
    {
        const QString text = u"Nvidia sold chips.\n\nFollow us on Reddit\n\nAcme rose."_s;
        Lede::BoilerplateJudge judge(text);
        QVERIFY(!judge.isBoilerplate(0));
        QVERIFY(judge.isBoilerplate(text.indexOf(u"Reddit")));
        QVERIFY(!judge.isBoilerplate(text.indexOf(u"Acme")));
        QVERIFY(judge.isBoilerplate(text.indexOf(u"Follow")));
        QVERIFY(!judge.isBoilerplate(5));
    }

    // The judge keeps what it read of earlier paragraphs for the next ones; its answers are those of
    // judging each paragraph afresh, in the order of the text and in the reverse order, over more
    // paragraphs than it keeps.
    void judgeKeepsEarlierParagraphs()
    {
        QStringList paragraphs;
        for (int i = 0; i < 12; ++i) {
            paragraphs << u"Acme sold %1 chips to Nvidia in March, the company said on Tuesday in a statement."_s.arg(i)
                       << u"Media contact:"_s << u"Jane Doe %1"_s.arg(i)
                       << u"+1 415 555 01%1"_s.arg(i, 2, 10, QChar(u'0')) << u"Acme Group"_s
                       << u"Forward-Looking Statements"_s
                       << u"This release holds statements about plan %1 of Acme."_s.arg(i) << u"Nvidia"_s
                       << u"Shares of Nvidia rose %1 percent on Wednesday after the results were published."_s.arg(i);
        }
        const QString text = paragraphs.join(u"\n\n"_s);
        QList<std::pair<qsizetype, qsizetype>> bounds;
        qsizetype at = 0;
        for (const QString &p : std::as_const(paragraphs)) {
            bounds.append({at, at + p.size()});
            at += p.size() + 2;
        }
        QList<bool> fresh;
        for (const auto &[start, end] : std::as_const(bounds))
            fresh.append(Lede::BoilerplateJudge::judge(text, start, end));
        QVERIFY(fresh.contains(true));
        QVERIFY(fresh.contains(false));
        Lede::BoilerplateJudge forward(text);
        for (qsizetype i = 0; i < bounds.size(); ++i)
            QCOMPARE(forward.isBoilerplate(bounds.at(i).first), fresh.at(i));
        Lede::BoilerplateJudge backward(text);
        for (qsizetype i = bounds.size() - 1; i >= 0; --i)
            QCOMPARE(backward.isBoilerplate(bounds.at(i).first), fresh.at(i));
    }
};

QTEST_GUILESS_MAIN(TestBoilerplate)
#include "tst_boilerplate.moc"
