// SPDX-License-Identifier: MIT
#pragma once

#include "kb/knowledgebase.h"
#include "store/library.h"
#include "text/article.h"

#include <QUrl>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTabWidget;
class QTextBrowser;

namespace KSyntaxHighlighting {
class Repository;
class SyntaxHighlighter;
} // namespace KSyntaxHighlighting

namespace Lede {

/// The reader: the article's headline, byline, date and outlet above its canonical text, with
/// each entity mention tinted in its kind's colour and each annotation highlighted. The text
/// document holds exactly the canonical text, so a document position is a text offset. A second
/// tab shows the stored source file, syntax-highlighted.
class ReaderView : public QWidget
{
    Q_OBJECT
public:
    explicit ReaderView(QWidget *parent = nullptr);
    ~ReaderView() override;

    void setKnowledgeBase(std::shared_ptr<const KnowledgeBase> kb) { m_kb = std::move(kb); }
    void showArticle(qint64 id, const Article &article, const QList<Annotation> &annotations);
    void clear();
    void setAnnotations(const QList<Annotation> &annotations);
    qint64 articleId() const { return m_articleId; }
    const Article &article() const { return m_article; }

    /// The selected passage as [start, end) offsets into the canonical text; empty when none.
    std::pair<qsizetype, qsizetype> selection() const;
    void selectRange(qsizetype start, qsizetype end);
    QTextBrowser *textView() const { return m_text; }
    /// Shows the saved file of the article on screen (read and decoded elsewhere, off this thread).
    void setSourceText(qint64 articleId, const QString &text);
    /// Shows the Source tab (the saved file) or the Article tab.
    void showSourceTab(bool source);

    /// Type size in steps of 10 % from the default; remembered between sessions.
    void zoomBy(int steps);
    void resetZoom();
    int zoomSteps() const { return m_zoomSteps; }
    /// Mentions tinted by kind (the default), or plain text for reading; they stay clickable.
    void setMentionsShown(bool shown);
    bool mentionsShown() const { return m_mentionsShown; }

    /// Find in the article: opens the find bar with the selection (if short) as the text.
    void startFind();
    /// The next (or previous) hit of the find bar's text; false when there is none.
    bool findNext(bool backwards = false);
    /// Hits of `text` in the article (case-insensitive), as [start, end) offsets.
    QList<std::pair<qsizetype, qsizetype>> findAll(const QString &text) const;
    QWidget *findBar() const { return m_findBar; }
    /// Where the search's words are in the article ([start, end) offsets into the canonical text):
    /// marked, and stepped through by findNext() while the find bar is closed.
    void setSearchHits(const QList<std::pair<qsizetype, qsizetype>> &hits);
    QList<std::pair<qsizetype, qsizetype>> searchHits() const { return m_searchHits; }

Q_SIGNALS:
    /// A mention was clicked: the entity it names.
    void entityActivated(const QString &entityId);
    void selectionChanged(bool hasSelection);
    /// The Source tab is shown for an article whose source is not loaded yet.
    void sourceRequested(qint64 articleId);
    /// The Source tab was shown (true) or left (false).
    void sourceTabShown(bool shown);
    /// A link (the article's address above the text) was clicked. Nothing is opened here: the
    /// window shows the full address and asks first.
    void linkActivated(const QUrl &url);
    /// The pointer is over a link (its full address), or left it (an empty URL).
    void linkHovered(const QUrl &url);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void setDocumentText(const QString &text);
    void applyZoom();
    void fitLineLength();
    void updateFindHits();
    QString mentionTip(const EntityMention &m) const;
    void applyFormats();
    void requestSource();
    qint64 m_sourceOf = 0; // the article whose source the Source tab holds
    std::shared_ptr<const KnowledgeBase> m_kb;
    qint64 m_articleId = 0;
    Article m_article;
    QList<Annotation> m_annotations;
    QLabel *m_title;
    QLabel *m_meta;
    QTabWidget *m_tabs;
    QTextBrowser *m_text;
    QPlainTextEdit *m_source;
    KSyntaxHighlighting::SyntaxHighlighter *m_highlighter;
    QWidget *m_findBar;
    QLineEdit *m_findField;
    QLabel *m_findCount;
    QList<std::pair<qsizetype, qsizetype>> m_hits;
    QList<std::pair<qsizetype, qsizetype>> m_searchHits;
    int m_zoomSteps = 0;
    qreal m_basePointSize = 0;
    bool m_mentionsShown = true;
};

} // namespace Lede
