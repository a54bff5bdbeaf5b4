// SPDX-License-Identifier: MIT
#include "annotationpane.h"

#include "annotationdialog.h"
#include "controller/annotationcontroller.h"
#include "controller/controller.h"
#include "models/annotationlistmodel.h"
#include "models/annotationmodel.h"
#include "models/roles.h"

#include <QAction>
#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QVBoxLayout>

namespace Lede {

using namespace Qt::StringLiterals;

AnnotationPane::AnnotationPane(Controller *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_scope(new QComboBox(this))
    , m_color(new QComboBox(this))
    , m_tag(new QComboBox(this))
    , m_entity(new QComboBox(this))
    , m_text(new QLineEdit(this))
    , m_view(new QListView(this))
    , m_count(new QLabel(this))
    , m_edit(new QAction(tr("&Edit Annotation…"), this))
    , m_remove(new QAction(tr("&Remove Annotation"), this))
{
    setObjectName(u"annotationPane"_s);
    AnnotationListModel *model = controller->annotationList();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 6, 0);
    layout->setSpacing(4);
    auto *title = new QLabel(tr("<b>Annotations</b>"), this);
    m_scope->setObjectName(u"annotationScope"_s);
    m_scope->addItem(tr("This article"));
    m_scope->addItem(tr("Whole library"));
    m_scope->setToolTip(tr("Show the annotations of the article in the reader, or of every article"));
    auto *head = new QHBoxLayout;
    head->addWidget(title);
    head->addStretch(1);
    head->addWidget(m_scope);
    layout->addLayout(head);

    m_text->setObjectName(u"annotationSearch"_s);
    m_text->setPlaceholderText(tr("Filter: words in quote, note, tag…"));
    m_text->setClearButtonEnabled(true);
    m_color->setObjectName(u"annotationColorFilter"_s);
    m_color->setToolTip(tr("Only the annotations of one colour"));
    m_tag->setObjectName(u"annotationTagFilter"_s);
    m_tag->setToolTip(tr("Only the annotations with a tag"));
    m_entity->setObjectName(u"annotationEntityFilter"_s);
    m_entity->setToolTip(tr("Only the annotations linked to an entity (named in the passage or added)"));
    for (QComboBox *box : {m_color, m_tag, m_entity}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(4);
    }
    auto *filters = new QGridLayout;
    filters->setContentsMargins(0, 0, 0, 0);
    filters->setHorizontalSpacing(4);
    filters->addWidget(m_text, 0, 0, 1, 2);
    filters->addWidget(m_color, 1, 0);
    filters->addWidget(m_tag, 1, 1);
    filters->addWidget(m_entity, 2, 0, 1, 2);
    layout->addLayout(filters);

    m_view->setObjectName(u"annotationView"_s);
    m_view->setModel(model);
    m_view->setWordWrap(true);
    m_view->setSpacing(3);
    m_view->setIconSize(QSize(12, 12));
    m_view->setUniformItemSizes(false);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    layout->addWidget(m_view, 1);
    m_count->setObjectName(u"annotationCount"_s);
    m_count->setWordWrap(true);
    QPalette hintPalette = m_count->palette();
    hintPalette.setColor(QPalette::WindowText, palette().color(QPalette::PlaceholderText));
    m_count->setPalette(hintPalette);
    layout->addWidget(m_count);

    m_edit->setObjectName(u"editAnnotationAction"_s);
    m_remove->setObjectName(u"removeAnnotationAction"_s);
    m_remove->setShortcut(QKeySequence::Delete);
    m_remove->setShortcutContext(Qt::WidgetShortcut);
    m_view->addAction(m_edit);
    m_view->addAction(m_remove);
    connect(m_edit, &QAction::triggered, this, &AnnotationPane::editCurrent);
    connect(m_remove, &QAction::triggered, this, &AnnotationPane::removeCurrent);
    // A click (or Return) opens the annotation's article on its passage; a double-click edits it.
    const auto reveal = [this](const QModelIndex &index) {
        Q_EMIT annotationActivated(index.data(AnnotationArticleRole).toLongLong(),
            index.data(AnnotationIdRole).toLongLong(), index.data(AnnotationStartRole).toLongLong(),
            index.data(AnnotationEndRole).toLongLong(), index.data(AnnotationOrphanRole).toBool());
    };
    connect(m_view, &QListView::clicked, this, reveal);
    connect(m_view, &QListView::activated, this, reveal);
    connect(m_view, &QListView::doubleClicked, this, &AnnotationPane::editCurrent);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &AnnotationPane::updateActions);

    connect(
        m_scope, &QComboBox::currentIndexChanged, model, [model](int index) { model->setWholeLibrary(index == 1); });
    connect(m_text, &QLineEdit::textChanged, model, &AnnotationListModel::setTextFilter);
    connect(m_color, &QComboBox::currentIndexChanged, this, [this, model] {
        if (!m_updatingMenus)
            model->setColorFilter(m_color->currentData().toString());
    });
    connect(m_tag, &QComboBox::currentIndexChanged, this, [this, model] {
        if (!m_updatingMenus)
            model->setTagFilter(m_tag->currentData().toString());
    });
    connect(m_entity, &QComboBox::currentIndexChanged, this, [this, model] {
        if (!m_updatingMenus)
            model->setEntityFilter(m_entity->currentData().toString());
    });
    // The list is reset on every change: keep the annotation that was current.
    auto keepCurrent = std::make_shared<qint64>(0);
    connect(model, &QAbstractItemModel::modelAboutToBeReset, this,
        [this, keepCurrent] { *keepCurrent = currentAnnotation(); });
    connect(model, &QAbstractItemModel::modelReset, this, [this, model, keepCurrent] {
        const int row = *keepCurrent ? model->rowOf(*keepCurrent) : -1;
        if (row >= 0)
            m_view->setCurrentIndex(model->index(row));
        updateActions();
    });
    connect(model, &AnnotationListModel::filterChanged, this, [this] {
        updateFilterMenus();
        updateCount();
    });
    connect(controller, &Controller::paletteChanged, this, &AnnotationPane::updateColors);
    updateColors();
    updateFilterMenus();
    updateCount();
    updateActions();
}

qint64 AnnotationPane::currentAnnotation() const
{
    const QModelIndex index = m_view->currentIndex();
    return index.isValid() ? index.data(AnnotationIdRole).toLongLong() : 0;
}

void AnnotationPane::updateColors()
{
    const QString chosen = m_controller->annotationList()->colorFilter();
    m_updatingMenus = true;
    m_color->clear();
    m_color->addItem(tr("All colours"), QString());
    for (const AnnotationColor &c : m_controller->annotationPalette()) {
        QPixmap swatch(12, 12);
        swatch.fill(AnnotationModel::colorFor(c.color));
        m_color->addItem(QIcon(swatch), m_controller->colorLabel(c.color), c.color);
    }
    m_color->setCurrentIndex(std::max(0, m_color->findData(chosen)));
    m_updatingMenus = false;
}

void AnnotationPane::updateFilterMenus()
{
    // The tags and entities of the annotations in scope; a chosen one stays while it filters.
    AnnotationListModel *model = m_controller->annotationList();
    m_updatingMenus = true;
    const QString tag = model->tagFilter();
    m_tag->clear();
    m_tag->addItem(tr("All tags"), QString());
    QStringList tags = model->tagsInScope();
    if (!tag.isEmpty() && !tags.contains(tag))
        tags.prepend(tag);
    for (const QString &t : std::as_const(tags))
        m_tag->addItem(u"#"_s + t, t);
    m_tag->setCurrentIndex(std::max(0, m_tag->findData(tag)));

    const QString entity = model->entityFilter();
    m_entity->clear();
    m_entity->addItem(tr("All entities"), QString());
    QStringList entities = model->entitiesInScope();
    if (!entity.isEmpty() && !entities.contains(entity))
        entities.prepend(entity);
    for (const QString &id : std::as_const(entities))
        m_entity->addItem(model->entityName(id), id);
    m_entity->setCurrentIndex(std::max(0, m_entity->findData(entity)));
    m_updatingMenus = false;
}

void AnnotationPane::updateCount()
{
    AnnotationListModel *model = m_controller->annotationList();
    const int shown = model->rowCount();
    const int orphans = model->orphanCount();
    QString text;
    if (shown == 0) {
        text = model->wholeLibrary() || !model->colorFilter().isEmpty() || !model->tagFilter().isEmpty()
                || !model->entityFilter().isEmpty() || !model->textFilter().isEmpty()
            ? tr("No annotation matches.")
            : tr("Select a passage, then Ctrl+1…5 highlights it in a colour, Ctrl+M adds a note, Ctrl+T tags.");
    } else {
        text = shown == 1 ? tr("1 annotation") : tr("%1 annotations").arg(shown);
        if (orphans)
            text += u", "_s + tr("%1 orphaned: the text changed and the passage was not found again").arg(orphans);
    }
    m_count->setText(text);
}

void AnnotationPane::updateActions()
{
    const bool current = m_view->currentIndex().isValid();
    m_edit->setEnabled(current);
    m_remove->setEnabled(current);
}

void AnnotationPane::editCurrent()
{
    if (const qint64 id = currentAnnotation())
        AnnotationDialog::editAnnotation(m_controller, id, AnnotationDialog::FocusNote, this);
}

void AnnotationPane::removeCurrent()
{
    if (const qint64 id = currentAnnotation())
        m_controller->annotations()->remove(id);
}

void AnnotationPane::setWholeLibrary(bool whole)
{
    m_scope->setCurrentIndex(whole ? 1 : 0);
}

void AnnotationPane::setColorFilter(const QString &color)
{
    m_color->setCurrentIndex(std::max(0, m_color->findData(color)));
}

void AnnotationPane::setTagFilter(const QString &tag)
{
    m_controller->annotationList()->setTagFilter(tag);
}

void AnnotationPane::setEntityFilter(const QString &entityId)
{
    m_controller->annotationList()->setEntityFilter(entityId);
}

void AnnotationPane::setTextFilter(const QString &text)
{
    m_text->setText(text);
}

} // namespace Lede
