// SPDX-License-Identifier: MIT
#include "annotationmodel.h"

#include "roles.h"

#include <QColor>

namespace Lede {

using namespace Qt::StringLiterals;

AnnotationModel::AnnotationModel(QObject *parent) : QAbstractListModel(parent)
{ }

QColor AnnotationModel::colorFor(const QString &name)
{
    if (name == u"green")
        return QColor(0xc8, 0xf0, 0xc0);
    if (name == u"blue")
        return QColor(0xc4, 0xdc, 0xff);
    if (name == u"pink")
        return QColor(0xff, 0xcc, 0xe0);
    if (name == u"orange")
        return QColor(0xff, 0xd8, 0xa8);
    return QColor(0xff, 0xf0, 0x8a); // yellow
}

void AnnotationModel::setAnnotations(const QList<Annotation> &annotations)
{
    beginResetModel();
    m_annotations = annotations;
    endResetModel();
}

void AnnotationModel::add(const Annotation &a)
{
    int row = 0;
    while (row < m_annotations.size()
        && (m_annotations.at(row).start < a.start
            || (m_annotations.at(row).start == a.start && m_annotations.at(row).id < a.id)))
        ++row;
    beginInsertRows({}, row, row);
    m_annotations.insert(row, a);
    endInsertRows();
}

void AnnotationModel::update(const Annotation &a)
{
    const int row = rowOf(a.id);
    if (row < 0)
        return;
    m_annotations[row] = a;
    Q_EMIT dataChanged(index(row), index(row));
}

void AnnotationModel::remove(qint64 id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_annotations.removeAt(row);
    endRemoveRows();
}

int AnnotationModel::rowOf(qint64 id) const
{
    for (int i = 0; i < m_annotations.size(); ++i) {
        if (m_annotations.at(i).id == id)
            return i;
    }
    return -1;
}

int AnnotationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_annotations.size());
}

QVariant AnnotationModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Annotation &a = m_annotations.at(index.row());
    switch (role) {
    case Qt::DisplayRole: {
        QString quote = a.quote.simplified();
        if (quote.size() > 140)
            quote = quote.left(137) + u"…"_s;
        return a.note.isEmpty() ? u"“%1”"_s.arg(quote) : u"“%1”\n%2"_s.arg(quote, a.note);
    }
    case Qt::ToolTipRole:
        return a.note.isEmpty() ? a.quote : a.quote + u"\n\n"_s + a.note;
    case Qt::DecorationRole:
        return colorFor(a.color);
    case AnnotationIdRole:
        return a.id;
    case AnnotationStartRole:
        return a.start;
    case AnnotationEndRole:
        return a.end;
    case AnnotationColorRole:
        return a.color;
    case AnnotationNoteRole:
        return a.note;
    case SortRole:
        return a.start;
    }
    return {};
}

} // namespace Lede
