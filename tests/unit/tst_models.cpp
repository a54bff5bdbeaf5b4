// SPDX-License-Identifier: MIT
#include "entitysidebar.h"
#include "kb/knowledgebase.h"
#include "models/annotationmodel.h"
#include "models/articlefilterproxy.h"
#include "models/articlelistmodel.h"
#include "models/entitymodel.h"
#include "models/roles.h"

#include <QAbstractItemModelTester>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QtTest>

using namespace Qt::StringLiterals;
using Tester = QAbstractItemModelTester;

namespace {

QList<Lede::ArticleSummary> threeArticles()
{
    QList<Lede::ArticleSummary> list;
    list.append(
        {1, u"Nvidia in China"_s, u"Desk"_s, u"A"_s, u"2025-01-02"_s, Lede::SourceFormat::PlainText, u"a.txt"_s, {}});
    list.append({2, u"ASML in the Netherlands"_s, u"Wire"_s, u"B"_s, u"2024-06-30"_s, Lede::SourceFormat::Markdown,
        u"b.md"_s, {}});
    list.append({3, u"Johor data centres"_s, u"Desk"_s, u"C"_s, u"2025-07-18T07:45:00+08:00"_s,
        Lede::SourceFormat::Html, u"c.html"_s, {}});
    return list;
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
    void articleListAndFilter()
    {
        Lede::ArticleListModel list;
        Tester listTester(&list, Tester::FailureReportingMode::QtTest);
        Lede::ArticleFilterProxy filter;
        Tester filterTester(&filter, Tester::FailureReportingMode::QtTest);
        filter.setSourceModel(&list);
        list.setArticles(threeArticles());
        QCOMPARE(filter.rowCount(), 3);

        // Sorting by date uses the raw ISO value, newest first.
        filter.sort(Lede::ArticleListModel::DateColumn, Qt::DescendingOrder);
        QCOMPARE(filter.index(0, 0).data(Lede::ArticleIdRole).toLongLong(), 3);
        QCOMPARE(filter.index(2, 0).data(Lede::ArticleIdRole).toLongLong(), 2);
        // By title and outlet, whatever the case ("ASML" < "Johor" < "Nvidia"; "desk" ties keep
        // their order).
        filter.sort(Lede::ArticleListModel::TitleColumn, Qt::AscendingOrder);
        QCOMPARE(filter.index(0, 0).data(Lede::ArticleIdRole).toLongLong(), 2);
        QCOMPARE(filter.index(1, 0).data(Lede::ArticleIdRole).toLongLong(), 3);
        QCOMPARE(filter.index(2, 0).data(Lede::ArticleIdRole).toLongLong(), 1);
        filter.sort(Lede::ArticleListModel::OutletColumn, Qt::DescendingOrder);
        QCOMPARE(filter.index(0, 0).data(Lede::ArticleIdRole).toLongLong(), 2);
        filter.sort(Lede::ArticleListModel::DateColumn, Qt::DescendingOrder);

        const auto expanded = Lede::expandEntityArticles(*kb(), direct());
        filter.setEntityArticles(expanded);
        filter.setRequiredEntities({u"region/cn"_s});
        QCOMPARE(filter.rowCount(), 2);
        filter.setRequiredEntities({u"region/cn"_s, u"company/nvidia"_s}); // AND
        QCOMPARE(filter.rowCount(), 1);
        QCOMPARE(filter.index(0, 0).data(Lede::ArticleIdRole).toLongLong(), 1);
        filter.setRequiredEntities({u"company/asml"_s, u"company/nvidia"_s});
        QCOMPARE(filter.rowCount(), 0);
        // Southeast Asia takes in Johor (in Malaysia) as well as its own mention.
        filter.setRequiredEntities({u"region/southeast-asia"_s});
        QCOMPARE(filter.rowCount(), 2);
        filter.setRequiredEntities({});
        QCOMPARE(filter.rowCount(), 3);

        list.setArticles(threeArticles().mid(0, 1));
        QCOMPARE(filter.rowCount(), 1);

        // Copies of one story: one row, the other copies beneath it; filtering keeps the story
        // when only a copy matches.
        auto stories = threeArticles();
        stories.append({4, u"Nvidia in China (reprint)"_s, u"Reprints"_s, u"D"_s, u"2025-01-03"_s,
            Lede::SourceFormat::Markdown, u"d.md"_s, {}, 1, 2});
        stories[0].storySize = 2;
        stories[0].storyId = 1;
        list.setArticles(stories);
        QCOMPARE(list.rowCount(), 3);
        const QModelIndex lead = list.indexOfArticle(1);
        QCOMPARE(list.rowCount(lead), 1);
        QCOMPARE(list.indexOfArticle(4).parent(), lead);
        QCOMPARE(lead.siblingAtColumn(Lede::ArticleListModel::OutletColumn).data().toString(), u"Desk +1"_s);
        filter.setEntityArticles({{u"company/reprints-only"_s, {4}}});
        filter.setRequiredEntities({u"company/reprints-only"_s});
        QCOMPARE(filter.rowCount(), 1);
        QCOMPARE(filter.index(0, 0).data(Lede::ArticleIdRole).toLongLong(), 1);
        QCOMPARE(filter.rowCount(filter.index(0, 0)), 1);
        QCOMPARE(list.headerData(Lede::ArticleListModel::OutletColumn, Qt::Horizontal).toString(), u"Outlet"_s);
    }

    // A story is headed by its best copy: the saved page with headline, outlet and date, not the
    // text dump of it imported first; in a full load and as copies arrive one by one.
    void storyLedByItsBestCopy()
    {
        const Lede::ArticleSummary dump{
            10, QString(), QString(), QString(), QString(), Lede::SourceFormat::PlainText, u"dump.txt"_s, {}, 10, 1};
        const Lede::ArticleSummary page{11, u"Nvidia in China"_s, u"Desk"_s, u"Ann Lee"_s, u"2025-03-01"_s,
            Lede::SourceFormat::Html, u"page.html"_s, {}, 10, 2};
        const Lede::ArticleSummary markdown{12, u"Nvidia in China"_s, u"Desk"_s, u"Ann Lee"_s, u"2025-03-01"_s,
            Lede::SourceFormat::Markdown, u"page.md"_s, {}, 10, 3};
        Lede::ArticleListModel list;
        Tester tester(&list, Tester::FailureReportingMode::QtTest);
        list.setArticles({dump, page, markdown});
        QCOMPARE(list.rowCount(), 1);
        QCOMPARE(list.index(0, 0).data(Lede::ArticleIdRole).toLongLong(), 11);
        QCOMPARE(list.rowCount(list.index(0, 0)), 2);
        QCOMPARE(list.indexOfArticle(10).parent(), list.index(0, 0));

        Lede::ArticleListModel growing;
        Tester growingTester(&growing, Tester::FailureReportingMode::QtTest);
        growing.addArticles({dump});
        QCOMPARE(growing.index(0, 0).data(Lede::ArticleIdRole).toLongLong(), 10);
        growing.addArticles({markdown});
        QCOMPARE(growing.index(0, 0).data(Lede::ArticleIdRole).toLongLong(), 12);
        growing.addArticles({page});
        QCOMPARE(growing.index(0, 0).data(Lede::ArticleIdRole).toLongLong(), 11);
        QCOMPARE(growing.rowCount(growing.index(0, 0)), 2);
        QCOMPARE(growing.indexOfArticle(10).parent(), growing.index(0, 0));
        QCOMPARE(growing.indexOfArticle(12).parent(), growing.index(0, 0));
        QCOMPARE(growing.index(0, 0).siblingAtColumn(Lede::ArticleListModel::TitleColumn).data().toString(),
            u"Nvidia in China"_s);
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
