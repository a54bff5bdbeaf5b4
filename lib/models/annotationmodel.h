// SPDX-License-Identifier: MIT
#pragma once

#include "store/annotation.h"

#include <QAbstractListModel>

namespace Lede {

/// The annotations of the article in the reader, in text order: the passage, its colour and note.
class AnnotationModel : public QAbstractListModel
{
    Q_OBJECT
public:
    explicit AnnotationModel(QObject *parent = nullptr);

    void setAnnotations(const QList<Annotation> &annotations);
    const QList<Annotation> &annotations() const { return m_annotations; }
    void add(const Annotation &annotation);
    void update(const Annotation &annotation);
    void remove(qint64 id);
    int rowOf(qint64 id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    /// The colour a highlight name stands for.
    static QColor colorFor(const QString &name);

private:
    QList<Annotation> m_annotations;
};

} // namespace Lede
