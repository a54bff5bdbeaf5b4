// SPDX-License-Identifier: MIT
#include "annotationlistmodel.h"

#include "annotationmodel.h"
#include "roles.h"

#include <QColor>
#include <QFont>
#include <QPalette>

#include <algorithm>

namespace Lede {

using namespace Qt::StringLiterals;

namespace {

bool entryBefore(const AnnotationEntry &a, const AnnotationEntry &b)
{
    const Annotation &x = a.annotation;
    const Annotation &y = b.annotation;
    if (x.articleId != y.articleId)
        return x.articleId < y.articleId;
    if (x.orphan != y.orphan)
        return !x.orphan; // orphans after the placed ones of their article
    if (x.start != y.start)
        return x.start < y.start;
    return x.id < y.id;
}

} // namespace

AnnotationListModel::AnnotationListModel(QObject *parent) : QAbstractListModel(parent)
{ }

void AnnotationListModel::setKnowledgeBase(std::shared_ptr<const KnowledgeBase> kb)
{
    m_kb = std::move(kb);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1));
}

void AnnotationListModel::setColorMeanings(const QHash<QString, QString> &meanings)
{
    m_meanings = meanings;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1));
}

void AnnotationListModel::setEntries(QList<AnnotationEntry> entries)
{
    m_entries = std::move(entries);
    sortEntries();
    refilter();
}

void AnnotationListModel::replaceArticle(qint64 articleId, const QList<AnnotationEntry> &entries)
{
    m_entries.removeIf([articleId](const AnnotationEntry &e) { return e.annotation.articleId == articleId; });
    m_entries.append(entries);
    sortEntries();
    refilter();
}

void AnnotationListModel::clear()
{
    m_entries.clear();
    refilter();
}

void AnnotationListModel::sortEntries()
{
    std::stable_sort(m_entries.begin(), m_entries.end(), entryBefore);
}

void AnnotationListModel::setCurrentArticle(qint64 articleId)
{
    if (articleId == m_currentArticle)
        return;
    m_currentArticle = articleId;
    if (!m_wholeLibrary)
        refilter();
}

void AnnotationListModel::setWholeLibrary(bool whole)
{
    if (whole == m_wholeLibrary)
        return;
    m_wholeLibrary = whole;
    refilter();
}

void AnnotationListModel::setColorFilter(const QString &color)
{
    if (color != m_color) {
        m_color = color;
        refilter();
    }
}

void AnnotationListModel::setTagFilter(const QString &tag)
{
    if (tag != m_tag) {
        m_tag = tag;
        refilter();
    }
}

void AnnotationListModel::setEntityFilter(const QString &entityId)
{
    if (entityId != m_entity) {
        m_entity = entityId;
        m_entityWithin = m_kb && !entityId.isEmpty() ? m_kb->descendantsAndSelf(entityId) : QSet<QString>{};
        refilter();
    }
}

void AnnotationListModel::setTextFilter(const QString &text)
{
    const QString t = text.simplified();
    if (t != m_text) {
        m_text = t;
        refilter();
    }
}

bool AnnotationListModel::inScope(const AnnotationEntry &e) const
{
    return m_wholeLibrary || e.annotation.articleId == m_currentArticle;
}

bool AnnotationListModel::accepts(const AnnotationEntry &e) const
{
    const Annotation &a = e.annotation;
    if (!inScope(e))
        return false;
    if (!m_color.isEmpty() && a.color != m_color)
        return false;
    if (!m_tag.isEmpty() && !a.tags.contains(m_tag, Qt::CaseInsensitive))
        return false;
    if (!m_entity.isEmpty()) {
        // An entity stands for what lies inside it too: a filter on a country keeps its cities.
        const bool linked = std::any_of(e.entityIds.cbegin(), e.entityIds.cend(),
            [this](const QString &id) { return id == m_entity || m_entityWithin.contains(id); });
        if (!linked)
            return false;
    }
    if (!m_text.isEmpty()) {
        const auto has = [this](const QString &s) { return s.contains(m_text, Qt::CaseInsensitive); };
        bool found = has(a.quote) || has(a.note) || has(e.articleTitle) || has(m_meanings.value(a.color));
        for (qsizetype i = 0; !found && i < a.tags.size(); ++i)
            found = has(a.tags.at(i));
        for (qsizetype i = 0; !found && i < e.entityIds.size(); ++i)
            found = has(entityName(e.entityIds.at(i)));
        if (!found)
            return false;
    }
    return true;
}

void AnnotationListModel::refilter()
{
    beginResetModel();
    m_rows.clear();
    for (int i = 0; i < m_entries.size(); ++i) {
        if (accepts(m_entries.at(i)))
            m_rows.append(i);
    }
    endResetModel();
    Q_EMIT filterChanged();
}

QStringList AnnotationListModel::tagsInScope() const
{
    QStringList tags;
    for (const AnnotationEntry &e : m_entries) {
        if (!inScope(e))
            continue;
        for (const QString &t : e.annotation.tags) {
            if (!tags.contains(t, Qt::CaseInsensitive))
                tags.append(t);
        }
    }
    std::sort(tags.begin(), tags.end(), [](const QString &a, const QString &b) { return a.localeAwareCompare(b) < 0; });
    return tags;
}

QStringList AnnotationListModel::entitiesInScope() const
{
    QStringList ids;
    for (const AnnotationEntry &e : m_entries) {
        if (!inScope(e))
            continue;
        for (const QString &id : e.entityIds) {
            if (!ids.contains(id))
                ids.append(id);
        }
    }
    std::sort(ids.begin(), ids.end(),
        [this](const QString &a, const QString &b) { return entityName(a).localeAwareCompare(entityName(b)) < 0; });
    return ids;
}

QString AnnotationListModel::entityName(const QString &entityId) const
{
    const Entity *e = m_kb ? m_kb->entity(entityId) : nullptr;
    return e ? e->name : entityId;
}

int AnnotationListModel::orphanCount() const
{
    return int(
        std::count_if(m_rows.cbegin(), m_rows.cend(), [this](int i) { return m_entries.at(i).annotation.orphan; }));
}

int AnnotationListModel::rowOf(qint64 annotationId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_entries.at(m_rows.at(row)).annotation.id == annotationId)
            return row;
    }
    return -1;
}

int AnnotationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant AnnotationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AnnotationEntry &e = entryAt(index.row());
    const Annotation &a = e.annotation;
    switch (role) {
    case Qt::DisplayRole: {
        QStringList lines;
        // Across the library the headline heads each article's first annotation, not every one.
        const bool firstOfArticle = index.row() == 0 || entryAt(index.row() - 1).annotation.articleId != a.articleId;
        if (m_wholeLibrary && firstOfArticle)
            lines.append(u"▍"_s + (e.articleTitle.isEmpty() ? tr("Untitled article") : e.articleTitle));
        if (a.orphan)
            lines.append(tr("Orphan: no longer found in the article’s text"));
        QString quote = a.quote.simplified();
        if (quote.size() > 140)
            quote = quote.left(137) + u"…"_s;
        lines.append(u"“%1”"_s.arg(quote));
        if (!a.note.isEmpty())
            lines.append(a.note.size() > 200 ? a.note.left(197) + u"…"_s : a.note);
        QStringList extra;
        for (const QString &t : a.tags)
            extra.append(u"#"_s + t);
        for (const QString &id : e.entityIds)
            extra.append(entityName(id));
        if (!extra.isEmpty())
            lines.append(extra.join(u"  ·  "_s));
        return lines.join(u'\n');
    }
    case Qt::ToolTipRole: {
        QString tip = a.quote;
        const QString meaning = m_meanings.value(a.color);
        if (!meaning.isEmpty())
            tip = meaning + u": "_s + tip;
        if (!a.note.isEmpty())
            tip += u"\n\n"_s + a.note;
        if (a.orphan)
            tip += u"\n\n"_s
                + tr("The article’s text changed and this passage could not be found again. It is kept with its "
                     "note; it was at characters %1–%2.")
                      .arg(a.start)
                      .arg(a.end);
        return tip;
    }
    case Qt::DecorationRole:
        return AnnotationModel::colorFor(a.color);
    case Qt::FontRole:
        if (a.orphan) {
            QFont f;
            f.setItalic(true);
            return f;
        }
        return {};
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
    case AnnotationArticleRole:
    case ArticleIdRole:
        return a.articleId;
    case AnnotationTagsRole:
        return a.tags;
    case AnnotationEntitiesRole:
        return e.entityIds;
    case AnnotationOrphanRole:
        return a.orphan;
    case AnnotationQuoteRole:
        return a.quote;
    case SortRole:
        return a.start;
    }
    return {};
}

} // namespace Lede
