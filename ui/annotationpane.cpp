// SPDX-License-Identifier: MIT
#include "annotationpane.h"

#include "annotationdialog.h"
#include "controller/annotationcontroller.h"
#include "controller/controller.h"
#include "models/annotationmodel.h"
#include "models/roles.h"

#include <QAction>
#include <QLabel>
#include <QListView>
#include <QVBoxLayout>

namespace Lede {

using namespace Qt::StringLiterals;

AnnotationPane::AnnotationPane(Controller *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_view(new QListView(this))
    , m_edit(new QAction(tr("&Edit Annotation…"), this))
    , m_remove(new QAction(tr("&Remove Annotation"), this))
{
    setObjectName(u"annotationPane"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 6, 0);
    layout->addWidget(new QLabel(tr("<b>Annotations</b>"), this));
    m_view->setObjectName(u"annotationView"_s);
    m_view->setModel(controller->annotationModel());
    m_view->setWordWrap(true);
    m_view->setSpacing(3);
    m_view->setIconSize(QSize(12, 12));
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    layout->addWidget(m_view, 1);
    auto *hint = new QLabel(tr("Select a passage and press Ctrl+H to highlight it, Ctrl+M to add a note."), this);
    hint->setWordWrap(true);
    hint->setObjectName(u"annotationHint"_s);
    QPalette hintPalette = hint->palette();
    hintPalette.setColor(QPalette::WindowText, palette().color(QPalette::PlaceholderText));
    hint->setPalette(hintPalette);
    layout->addWidget(hint);

    m_edit->setObjectName(u"editAnnotationAction"_s);
    m_remove->setObjectName(u"removeAnnotationAction"_s);
    m_remove->setShortcut(QKeySequence::Delete);
    m_remove->setShortcutContext(Qt::WidgetShortcut);
    m_view->addAction(m_edit);
    m_view->addAction(m_remove);
    connect(m_edit, &QAction::triggered, this, &AnnotationPane::editCurrent);
    connect(m_remove, &QAction::triggered, this, &AnnotationPane::removeCurrent);
    connect(m_view, &QListView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT passageActivated(
            index.data(AnnotationStartRole).toLongLong(), index.data(AnnotationEndRole).toLongLong());
    });
    connect(m_view, &QListView::doubleClicked, this, &AnnotationPane::editCurrent);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &AnnotationPane::updateActions);
    connect(controller->annotationModel(), &QAbstractItemModel::modelReset, this, &AnnotationPane::updateActions);
    updateActions();
}

void AnnotationPane::updateActions()
{
    const bool current = m_view->currentIndex().isValid();
    m_edit->setEnabled(current);
    m_remove->setEnabled(current);
}

void AnnotationPane::editCurrent()
{
    const QModelIndex index = m_view->currentIndex();
    if (!index.isValid())
        return;
    AnnotationController *annotations = m_controller->annotations();
    const auto a = annotations->annotation(index.data(AnnotationIdRole).toLongLong());
    if (!a)
        return;
    AnnotationDialog dialog(a->quote, a->color, a->note, this);
    if (dialog.exec() == QDialog::Accepted)
        annotations->edit(a->id, dialog.color(), dialog.note());
}

void AnnotationPane::removeCurrent()
{
    const QModelIndex index = m_view->currentIndex();
    if (index.isValid())
        m_controller->annotations()->remove(index.data(AnnotationIdRole).toLongLong());
}

} // namespace Lede
