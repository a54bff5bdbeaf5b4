// SPDX-License-Identifier: MIT
#include "entitysidebar.h"
#include "kb/knowledgebase.h"
#include "models/annotationmodel.h"
#include "models/articlelistmodel.h"
#include "models/entitymodel.h"
#include "models/roles.h"
#include "query/search.h"
#include "store/library.h"

#include <QAbstractItemModelTester>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QTreeView>
#include <QtTest>

using namespace Qt::StringLiterals;
using Tester = QAbstractItemModelTester;

namespace {

// Words no other article has: texts made of them are never near-duplicates of each other.
QString ownText(int article)
{
    QStringList words;
    for (int i = 0; i < 60; ++i) {
        QString w;
        for (int n = article * 100 + i;; n /= 23) {
            w += QChar(u'a' + n % 23);
            if (n < 23)
                break;
        }
        words.append(w + u"q"_s + QString::number(i));
    }
    return words.join(u' ');
}

QString storyText()
{
    return u"The Commerce Department told Nvidia on Tuesday that sales of its H20 accelerator to customers "
           "in China now need a licence, a rule the company said would cost it five and a half billion "
           "dollars in the quarter. Analysts in Taipei and Shanghai said buyers had stocked up for months "
           "before the decision, and that Huawei would try to fill the gap with its own Ascend chips made "
           "by SMIC at seven nanometres."_s;
}

Lede::Article article(const QString &title, const QString &outlet, QDate published, const QString &text,
    Lede::SourceFormat format = Lede::SourceFormat::PlainText, const QString &byline = {})
{
    Lede::Article a;
    a.sourcePath = u"/tmp/%1.txt"_s.arg(title.isEmpty() ? u"untitled"_s : title);
    a.format = format;
    a.title = title;
    a.outlet = outlet;
    a.byline = byline;
    if (published.isValid())
        a.published = QDateTime(published, QTime(8, 0), QTimeZone::utc());
    a.text = text;
    a.blocks = {{Lede::TextBlock::Paragraph, 0}};
    return a;
}

// The keys of the library's list, or of `only`, in `order`, as the controller reads them off the
// GUI thread.
std::shared_ptr<const Lede::ArticleRows> rowsOf(
    const Lede::Library &lib, Lede::ArticleOrder order, const std::optional<QList<qint64>> &only = {})
{
    std::optional<Lede::ArticleKeys> keys = lib.articleKeys(order, only);
    return keys ? Lede::ArticleListModel::arrange(std::move(*keys), order) : nullptr;
}

qint64 idAt(const QAbstractItemModel &model, int row, const QModelIndex &parent = {})
{
    return model.index(row, 0, parent).data(Lede::ArticleIdRole).toLongLong();
}

std::shared_ptr<const Lede::KnowledgeBase> kb()
{
    auto k = std::make_shared<Lede::KnowledgeBase>();
    QStringList errors;
    k->parse(u"[company/nvidia]\nname = Nvidia\n[company/asml]\nname = ASML\n[chip/nvidia-h20]\nname = H20\nmaker = "
             u"company/nvidia\n"
             "[region/cn]\nname = China\n[region/southeast-asia]\nname = Southeast Asia\n[region/my]\nname = Malaysia\n"
             "part_of = region/southeast-asia\n[region/johor]\nname = Johor\npart_of = region/my\n"
             "[organisation/bis]\nname = BIS\n",
        u"test"_s, &errors);
    k->finish(&errors);
    return k;
}

QHash<QString, QSet<qint64>> direct()
{
    return {{u"company/nvidia"_s, {1}}, {u"chip/nvidia-h20"_s, {1}}, {u"region/cn"_s, {1, 3}}, {u"company/asml"_s, {2}},
        {u"region/johor"_s, {3}}, {u"region/southeast-asia"_s, {2}}, {u"organisation/bis"_s, {1}}};
}

} // namespace

class TestModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // The list holds the keys of its rows in the order SQL gives (title, outlet, date; either way,
    // whatever the case), and reads the rows' data a page at a time as they are asked for.
    void articleListOrderAndPages()
    {
        QTemporaryDir dir;
        Lede::Library lib;
        QVERIFY(lib.open(dir.filePath(u"lib.lede"_s)));
        QList<Lede::Article> batch;
        batch.append(article(u"Nvidia in China"_s, u"Desk"_s, QDate(2025, 1, 2), ownText(0)));
        batch.append(article(u"ASML in the Netherlands"_s, u"wire"_s, QDate(2024, 6, 30), ownText(1)));
        batch.append(article(u"johor data centres"_s, u"Desk"_s, QDate(2025, 7, 18), ownText(2)));
        constexpr int more = 300;
        for (int i = 0; i < more; ++i)
            batch.append(article(u"Zz report %1"_s.arg(i, 3, 10, QChar(u'0')), u"Zeitung"_s,
                QDate(2020, 1, 1).addDays(i), ownText(10 + i)));
        const auto added = lib.addArticles(batch);
        QVERIFY2(added && added->size() == batch.size(), qPrintable(lib.lastError()));
        const qint64 nvidia = added->at(0).id, asml = added->at(1).id, johor = added->at(2).id;

        Lede::ArticleListModel list;
        Tester tester(&list, Tester::FailureReportingMode::QtTest);
        list.setLibrary(&lib);
        QCOMPARE(list.order(), Lede::ArticleOrder{}); // newest first
        list.setRows(rowsOf(lib, list.order()));
        QCOMPARE(list.rowCount(), 3 + more);
        QCOMPARE(list.articleCount(), 3 + more);
        QCOMPARE(list.storyCount(), 3 + more);
        QCOMPARE(idAt(list, 0), johor); // newest first
        QCOMPARE(idAt(list, 1), nvidia);
        QCOMPARE(idAt(list, 2), asml);
        // Nothing read until a row's data is asked for, then the page of rows around it.
        Lede::ArticleListModel paged;
        paged.setLibrary(&lib);
        paged.setRows(rowsOf(lib, paged.order()));
        QCOMPARE(paged.pagesRead(), 0);
        QCOMPARE(paged.index(0, Lede::ArticleListModel::TitleColumn).data().toString(), u"johor data centres"_s);
        QCOMPARE(paged.pagesRead(), 1);
        QCOMPARE(paged.index(2, Lede::ArticleListModel::OutletColumn).data().toString(), u"wire"_s);
        QCOMPARE(paged.index(Lede::ArticleListModel::pageSize - 1, 0).data(Lede::SortRole).toString().left(9),
            u"zz report"_s);
        QCOMPARE(paged.pagesRead(), 1); // the same page
        QCOMPARE(paged.index(Lede::ArticleListModel::pageSize, 0).data().toString().left(9), u"Zz report"_s);
        QCOMPARE(paged.pagesRead(), 2);
        QCOMPARE(paged.index(3 + more - 1, 0).data().toString(), u"Zz report 000"_s);
        QCOMPARE(paged.pagesRead(), 3);
        QCOMPARE(paged.index(1, 0).data().toString(), u"Nvidia in China"_s);
        QCOMPARE(paged.pagesRead(), 3); // still in the cache
        // New keys: the rows' data is read again (it may have changed), as it is shown.
        paged.setRows(rowsOf(lib, paged.order()));
        QCOMPARE(paged.index(1, 0).data().toString(), u"Nvidia in China"_s);
        QCOMPARE(paged.pagesRead(), 4);

        // sort() asks for another order; the keys are read again in it.
        QSignalSpy asked(&list, &Lede::ArticleListModel::orderChanged);
        list.sort(Lede::ArticleListModel::DateColumn, Qt::DescendingOrder);
        QCOMPARE(asked.size(), 0); // the order it has
        list.sort(Lede::ArticleListModel::TitleColumn, Qt::AscendingOrder);
        QCOMPARE(asked.size(), 1);
        QCOMPARE(idAt(list, 0), johor); // not reordered here
        list.setRows(rowsOf(lib, list.order()));
        // Whatever the case: "ASML" < "johor" < "Nvidia" < "Zz…".
        QCOMPARE(idAt(list, 0), asml);
        QCOMPARE(idAt(list, 1), johor);
        QCOMPARE(idAt(list, 2), nvidia);
        QCOMPARE(list.index(3, 0).data().toString(), u"Zz report 000"_s);
        list.sort(Lede::ArticleListModel::OutletColumn, Qt::DescendingOrder);
        list.setRows(rowsOf(lib, list.order()));
        QCOMPARE(list.index(0, Lede::ArticleListModel::OutletColumn).data().toString(), u"Zeitung"_s);
        QCOMPARE(idAt(list, more), asml); // "wire" after "Zeitung", before "Desk"
        list.sort(Lede::ArticleListModel::DateColumn, Qt::AscendingOrder);
        list.setRows(rowsOf(lib, list.order()));
        QCOMPARE(list.index(0, 0).data().toString(), u"Zz report 000"_s);
        QCOMPARE(idAt(list, 3 + more - 1), johor);
        QCOMPARE(list.headerData(Lede::ArticleListModel::OutletColumn, Qt::Horizontal).toString(), u"Outlet"_s);
    }

    // A story is one row headed by its best copy (the saved page with headline, outlet and date,
    // not the text dump of it imported first), its other copies beneath it; a search lists the
    // stories it found, each under its best copy, with the copies it found.
    void storiesAndSearch()
    {
        QTemporaryDir dir;
        Lede::Library lib;
        QVERIFY(lib.open(dir.filePath(u"lib.lede"_s)));
        const auto dump = lib.addArticle(article(QString(), QString(), {}, storyText()));
        const auto other
            = lib.addArticle(article(u"ASML in the Netherlands"_s, u"Wire"_s, QDate(2024, 6, 30), ownText(1)));
        const auto markdown = lib.addArticle(article(u"Nvidia in China"_s, u"Desk"_s, QDate(2025, 3, 1),
            storyText() + u" Reuters contributed reporting."_s, Lede::SourceFormat::Markdown, u"Ann Lee"_s));
        QVERIFY(dump && other && markdown);
        QVERIFY(markdown->grouped);
        QCOMPARE(markdown->storyId, dump->id);

        Lede::ArticleListModel list;
        Tester tester(&list, Tester::FailureReportingMode::QtTest);
        list.setLibrary(&lib);
        list.setRows(rowsOf(lib, list.order()));
        QCOMPARE(list.rowCount(), 2);
        QCOMPARE(list.articleCount(), 3);
        QCOMPARE(list.storyCount(), 2);
        QModelIndex lead = list.indexOfArticle(markdown->id);
        QCOMPARE(lead.row(), 0); // 2025 before 2024: the story's date is its best copy's
        QVERIFY(!lead.parent().isValid());
        QCOMPARE(list.rowCount(lead), 1);
        QCOMPARE(list.indexOfArticle(dump->id).parent(), lead);
        QCOMPARE(lead.siblingAtColumn(Lede::ArticleListModel::OutletColumn).data().toString(), u"Desk +1"_s);
        QVERIFY(lead.data(Qt::FontRole).value<QFont>().bold());
        QCOMPARE(list.index(0, 0, lead).data().toString(), u"untitled.txt"_s); // no title: the file
        QCOMPARE(list.listedStories(), (QList<qint64>{markdown->id, other->id}));

        // A saved page with as much to cite, and a byline, leads the story when it comes.
        QPersistentModelIndex shown(list.indexOfArticle(other->id));
        QVERIFY(shown.isValid());
        const auto page = lib.addArticle(article(u"Nvidia in China"_s, u"Desk"_s, QDate(2025, 3, 1),
            u"Updated. "_s + storyText(), Lede::SourceFormat::Html, u"Ann Lee"_s));
        QVERIFY(page && page->grouped);
        const auto newer = lib.addArticle(article(u"Later"_s, u"Wire"_s, QDate(2026, 1, 1), ownText(2)));
        QVERIFY(newer);
        list.setRows(rowsOf(lib, list.order()));
        QCOMPARE(list.rowCount(), 3);
        QCOMPARE(idAt(list, 0), newer->id);
        lead = list.indexOfArticle(page->id);
        QCOMPARE(lead.row(), 1);
        QCOMPARE(list.rowCount(lead), 2);
        QCOMPARE(idAt(list, 0, lead), dump->id); // the others in the order they came
        QCOMPARE(idAt(list, 1, lead), markdown->id);
        QCOMPARE(lead.siblingAtColumn(Lede::ArticleListModel::OutletColumn).data().toString(), u"Desk +2"_s);
        // The row shown before follows its article to its new place.
        QVERIFY(shown.isValid());
        QCOMPARE(shown.row(), 2);
        QCOMPARE(shown.data(Lede::ArticleIdRole).toLongLong(), other->id);

        // A search that found only a copy lists its story under the best copy, with that copy.
        const auto kbase = kb();
        const auto found = lib.search(Lede::Query::prepare(u"reuters"_s, {}, *kbase));
        QVERIFY2(found, qPrintable(lib.lastError()));
        QCOMPARE(found->ids, QList<qint64>{markdown->id});
        list.setRows(rowsOf(lib, list.order(), found->ids));
        QCOMPARE(list.rowCount(), 1);
        QCOMPARE(list.storyCount(), 3); // of the library
        QCOMPARE(idAt(list, 0), page->id);
        QCOMPARE(list.rowCount(list.index(0, 0)), 1);
        QCOMPARE(idAt(list, 0, list.index(0, 0)), markdown->id);
        QVERIFY(!shown.isValid()); // not found: its row went
        QVERIFY(!list.indexOfArticle(dump->id).isValid());
        // Nothing found: no rows; the whole library again.
        list.setRows(rowsOf(lib, list.order(), QList<qint64>{}));
        QCOMPARE(list.rowCount(), 0);
        QCOMPARE(list.articleCount(), 5);
        list.setRows(rowsOf(lib, list.order()));
        QCOMPARE(list.rowCount(), 3);
        list.clear();
        QCOMPARE(list.rowCount(), 0);
    }

    // The best copy as copyQuality() ranks it: what a citation needs, then a byline, then a page.
    void copyQuality()
    {
        const Lede::ArticleSummary dump{
            10, QString(), QString(), QString(), QString(), Lede::SourceFormat::PlainText, u"dump.txt"_s, {}, 10, 1};
        const Lede::ArticleSummary page{11, u"Nvidia in China"_s, u"Desk"_s, u"Ann Lee"_s, u"2025-03-01"_s,
            Lede::SourceFormat::Html, u"page.html"_s, {}, 10, 2};
        Lede::ArticleSummary markdown = page;
        markdown.id = 12;
        markdown.format = Lede::SourceFormat::Markdown;
        QVERIFY(Lede::ArticleListModel::betterCopy(page, dump));
        QVERIFY(Lede::ArticleListModel::betterCopy(page, markdown));
        QVERIFY(!Lede::ArticleListModel::betterCopy(dump, markdown));
        markdown.format = Lede::SourceFormat::Html;
        QVERIFY(Lede::ArticleListModel::betterCopy(page, markdown)); // equals: the first imported
    }

    void entityModel()
    {
        Lede::EntityModel model;
        Tester tester(&model, Tester::FailureReportingMode::QtTest);
        const auto k = kb();
        model.setEntities(k, Lede::countEntityArticles(*k, direct()));
        QCOMPARE(model.rowCount(), 5); // Companies, Chips, Regions, Organisations, Suggested
        const QModelIndex companies = model.index(0, 0);
        QCOMPARE(companies.data().toString(), u"Companies"_s);
        QCOMPARE(model.rowCount(companies), 2);
        const QModelIndex regions = model.index(2, 0);
        QCOMPARE(model.rowCount(regions), 3);
        const QModelIndex organisations = model.index(3, 0);
        QCOMPARE(organisations.data().toString(), u"Organisations"_s);
        QCOMPARE(organisations.data(Lede::EntityKindRole).toInt(), int(Lede::EntityKind::Organisation));
        QCOMPARE(model.rowCount(organisations), 1);
        QCOMPARE(model.index(0, 0, organisations).data(Lede::EntityIdRole).toString(), u"organisation/bis"_s);
        QCOMPARE(
            model.index(0, 0, organisations).data(Lede::EntityKindRole).toInt(), int(Lede::EntityKind::Organisation));
        // Most-mentioned first; Southeast Asia counts its own article and Johor's.
        QCOMPARE(model.index(0, 0, regions).data(Lede::EntityIdRole).toString(), u"region/cn"_s);
        const QModelIndex sea = model.indexOfEntity(u"region/southeast-asia"_s);
        QCOMPARE(sea.siblingAtColumn(Lede::EntityModel::CountColumn).data().toInt(), 2);
        QCOMPARE(model.indexOfEntity(u"chip/nvidia-h20"_s).data(Qt::ToolTipRole).toString(), u"H20\nMade by Nvidia"_s);
        QVERIFY(!model.indexOfEntity(u"region/my"_s).isValid()); // not named directly
        model.setEntities(k, {});
        QCOMPARE(model.rowCount(companies), 0);
        const QModelIndex suggested = model.index(4, 0);
        QCOMPARE(suggested.data().toString(), u"Suggested"_s);
        model.setSuggestions({{u"Acme Photonics"_s, Lede::EntityKind::Company}, {u"MI308X"_s, Lede::EntityKind::Chip}});
        QCOMPARE(model.rowCount(suggested), 2);
        QVERIFY(model.index(1, 0, suggested).data(Lede::IsSuggestionRole).toBool());
        QCOMPARE(model.index(1, 0, suggested).data(Lede::EntityKindRole).toInt(), int(Lede::EntityKind::Chip));
        model.setSuggestions({});
        QCOMPARE(model.rowCount(suggested), 0);
    }

    void annotationModel()
    {
        Lede::AnnotationModel model;
        Tester tester(&model, Tester::FailureReportingMode::QtTest);
        Lede::Annotation a;
        a.id = 7;
        a.start = 10;
        a.end = 20;
        a.quote = u"a passage"_s;
        a.color = u"blue"_s;
        model.add(a);
        Lede::Annotation b = a;
        b.id = 8;
        b.start = 2;
        b.end = 5;
        b.note = u"check"_s;
        model.add(b);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0).data(Lede::AnnotationIdRole).toLongLong(), 8); // text order
        QCOMPARE(model.index(0).data().toString(), u"“a passage”\ncheck"_s);
        b.note = u"checked"_s;
        model.update(b);
        QCOMPARE(model.index(0).data(Lede::AnnotationNoteRole).toString(), u"checked"_s);
        model.remove(7);
        QCOMPARE(model.rowCount(), 1);
        model.remove(99);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0).data(Qt::DecorationRole).value<QColor>(), Lede::AnnotationModel::colorFor(u"blue"_s));
    }

    // The sidebar's search proxy keeps the groups and narrows what is inside them.
    void sidebarSearch()
    {
        Lede::EntityModel model;
        Lede::EntitySidebar sidebar(&model);
        auto *proxy = sidebar.view()->model();
        Tester tester(proxy, Tester::FailureReportingMode::QtTest);
        const auto k = kb();
        model.setEntities(k, Lede::countEntityArticles(*k, direct()));
        auto *field = sidebar.findChild<QLineEdit *>(u"entitySearch"_s);
        QVERIFY(field);
        field->setText(u"chin"_s);
        QCOMPARE(proxy->rowCount(), 5);
        QCOMPARE(proxy->rowCount(proxy->index(0, 0)), 0);
        QCOMPARE(proxy->rowCount(proxy->index(2, 0)), 1);
        field->clear();
        QCOMPARE(proxy->rowCount(proxy->index(2, 0)), 3);
    }
};

QTEST_MAIN(TestModels)
#include "tst_models.moc"
