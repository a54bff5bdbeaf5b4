// SPDX-License-Identifier: MIT
#pragma once

#include "store/articlesummary.h"

#include <QAbstractItemModel>
#include <QCache>
#include <QHash>

#include <memory>

namespace Lede {

class Library;

/// The article list's rows as the model shows them: the keys in order (ArticleKeys) and where each
/// article sits. Made off the GUI thread by ArticleListModel::arrange() from Library::articleKeys().
struct ArticleRows
{
    ArticleKeys keys;
    ArticleOrder order;
    QHash<qint64, std::pair<int, int>> placeOf; // article id → (story row, copy: 0 is the story's row)
};

/// The library's articles (or a search's): title, outlet, date, one row per story. Copies of a
/// story (a wire story and its reprints) are the children of its best copy (copyQuality()), so the
/// list shows the story once and each copy is still there. Two levels only.
///
/// The model holds only the keys of its rows, in order (setRows(): read off the GUI thread by one
/// SQL query in the order sort() asks for). A row's title, outlet and date are read when a view
/// first asks for them, a page of rows at a time, through the library set with setLibrary(), and
/// kept in a bounded cache. sort() does not reorder anything here: it records the order and emits
/// orderChanged(), and whoever owns the model reads the keys again in that order. Qt::DisplayRole
/// is for reading, SortRole the raw value the list is ordered by.
class ArticleListModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { TitleColumn, OutletColumn, DateColumn, ColumnCount };
    static constexpr int pageSize = 128; // rows read at once when a view shows one not read yet
    static constexpr int cachedRows = 4096; // rows' data kept

    explicit ArticleListModel(QObject *parent = nullptr);

    /// Where rows' data is read from (a connection of the GUI thread); null for none.
    void setLibrary(const Library *library);
    /// Where each key sits; cheap to call off the GUI thread, and what setRows() takes.
    static std::shared_ptr<const ArticleRows> arrange(ArticleKeys keys, const ArticleOrder &order);
    /// Replaces the rows without a reset when rows were shown before: views keep their current
    /// article and selection (persistent indexes follow each article to its new row). Rows' data
    /// is read again as it is shown.
    void setRows(std::shared_ptr<const ArticleRows> rows);
    void setKeys(ArticleKeys keys) { setRows(arrange(std::move(keys), m_order)); }
    void clear();
    /// Forgets the rows' data read so far (the articles changed in the library); views read it
    /// again.
    void dataChangedInLibrary();

    ArticleOrder order() const { return m_order; }
    /// Column and Qt order as a view's header shows them.
    static int columnOf(ArticleOrder::Column column);
    /// Records the order and emits orderChanged() when it changed (the keys are read again by the
    /// model's owner); the rows stay as they are until setRows().
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    /// Articles in the library, counting every copy; stories in the library; rowCount() counts the
    /// stories listed.
    qsizetype articleCount() const { return qsizetype(m_rows->keys.articles); }
    qsizetype storyCount() const { return qsizetype(m_rows->keys.stories); }
    /// Each listed story's lead, in order.
    const QList<qint64> &listedStories() const { return m_rows->keys.leads; }
    QModelIndex indexOfArticle(qint64 id, int column = TitleColumn) const;
    /// The article a valid index of this model shows (a story's row shows its best copy).
    qint64 articleAt(const QModelIndex &index) const;
    /// The row's data, read when it is not in the cache; nothing when it cannot be read.
    std::optional<ArticleSummary> summaryAt(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// How much a copy tells a reader who cites it; the best copy of a story leads it.
    static int copyQuality(const ArticleSummary &a) { return Lede::copyQuality(a); }
    static bool betterCopy(const ArticleSummary &a, const ArticleSummary &b);

    /// Pages read from the library so far (for tests and benchmarks).
    int pagesRead() const { return m_pagesRead; }

Q_SIGNALS:
    void orderChanged();

private:
    const ArticleSummary *cached(const QModelIndex &index) const;
    const QList<qint64> &copiesOf(int row) const;
    const Library *m_library = nullptr;
    std::shared_ptr<const ArticleRows> m_rows;
    ArticleOrder m_order;
    mutable QCache<qint64, ArticleSummary> m_cache;
    mutable int m_pagesRead = 0;
};

} // namespace Lede
