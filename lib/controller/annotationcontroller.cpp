// SPDX-License-Identifier: MIT
#include "controller/annotationcontroller.h"

#include "models/annotationmodel.h"

#include <QUndoCommand>
#include <QUndoStack>

namespace Lede {

namespace {

// The first redo saves the annotation and learns its id; later redos put it back with that id,
// so the commands above this one on the stack still find it.
class AddAnnotation : public QUndoCommand
{
public:
    AddAnnotation(AnnotationController *c, Annotation a)
        : QUndoCommand(QObject::tr("Highlight")), m_controller(c), m_annotation(std::move(a))
    { }
    void redo() override
    {
        if (m_annotation.id) {
            m_controller->restore(m_annotation);
        } else if (const auto stored = m_controller->store(m_annotation)) {
            m_annotation = *stored;
        } else {
            setObsolete(true);
        }
    }
    void undo() override { m_controller->erase(m_annotation); }

private:
    AnnotationController *m_controller;
    Annotation m_annotation;
};

class EditAnnotation : public QUndoCommand
{
public:
    EditAnnotation(AnnotationController *c, Annotation before, Annotation after, const QString &what)
        : QUndoCommand(what), m_controller(c), m_before(std::move(before)), m_after(std::move(after))
    { }
    void redo() override { m_controller->update(m_after); }
    void undo() override { m_controller->update(m_before); }

private:
    AnnotationController *m_controller;
    Annotation m_before, m_after;
};

// Undo puts the annotation back as it was, with its id.
class RemoveAnnotation : public QUndoCommand
{
public:
    RemoveAnnotation(AnnotationController *c, Annotation a)
        : QUndoCommand(QObject::tr("Remove Highlight")), m_controller(c), m_annotation(std::move(a))
    { }
    void redo() override { m_controller->erase(m_annotation); }
    void undo() override { m_controller->restore(m_annotation); }

private:
    AnnotationController *m_controller;
    Annotation m_annotation;
};

} // namespace

AnnotationController::AnnotationController(Library *library, AnnotationModel *model, QObject *parent)
    : QObject(parent), m_library(library), m_model(model), m_undo(new QUndoStack(this))
{ }

void AnnotationController::setArticle(qint64 articleId)
{
    m_articleId = articleId;
    m_model->setAnnotations(articleId ? m_library->annotations(articleId) : QList<Annotation>{});
}

void AnnotationController::add(qint64 articleId, qsizetype start, qsizetype end, const QString &quote,
    const QString &color, const QString &note, const QStringList &tags, const QStringList &entityIds)
{
    Annotation a;
    a.articleId = articleId;
    a.start = start;
    a.end = end;
    a.quote = quote;
    a.color = color;
    a.note = note;
    a.tags = tags;
    a.entityIds = entityIds;
    m_undo->push(new AddAnnotation(this, a));
}

void AnnotationController::edit(qint64 annotationId, const QString &color, const QString &note)
{
    const auto before = annotation(annotationId);
    if (!before)
        return;
    Annotation after = *before;
    after.color = color;
    after.note = note;
    change(after, before->color != color && before->note == note ? tr("Recolour") : tr("Edit Note"));
}

void AnnotationController::change(const Annotation &after, const QString &what)
{
    const auto before = annotation(after.id);
    if (!before)
        return;
    Annotation next = *before; // the passage and its context stay as the library has them
    next.color = after.color;
    next.note = after.note;
    next.tags = after.tags;
    next.entityIds = after.entityIds;
    if (next.color == before->color && next.note == before->note && next.tags == before->tags
        && next.entityIds == before->entityIds)
        return; // nothing to undo
    m_undo->push(new EditAnnotation(this, *before, next, what));
}

void AnnotationController::reload()
{
    setArticle(m_articleId);
    if (m_articleId)
        Q_EMIT annotationsChanged(m_articleId);
}

void AnnotationController::remove(qint64 annotationId)
{
    if (const auto a = annotation(annotationId))
        m_undo->push(new RemoveAnnotation(this, *a));
}

std::optional<Annotation> AnnotationController::annotation(qint64 id) const
{
    for (const Annotation &a : m_model->annotations()) {
        if (a.id == id)
            return a;
    }
    return m_library->annotation(id);
}

std::optional<Annotation> AnnotationController::store(const Annotation &annotation)
{
    const auto stored = m_library->addAnnotation(annotation);
    if (!stored) {
        Q_EMIT failed(m_library->lastError());
        return std::nullopt;
    }
    if (stored->articleId == m_articleId)
        m_model->add(*stored);
    Q_EMIT annotationsChanged(stored->articleId);
    return stored;
}

bool AnnotationController::update(const Annotation &annotation)
{
    if (!m_library->updateAnnotation(annotation)) {
        Q_EMIT failed(m_library->lastError());
        return false;
    }
    if (annotation.articleId == m_articleId)
        m_model->update(annotation);
    Q_EMIT annotationsChanged(annotation.articleId);
    return true;
}

bool AnnotationController::restore(const Annotation &annotation)
{
    if (!m_library->restoreAnnotation(annotation)) {
        Q_EMIT failed(m_library->lastError());
        return false;
    }
    if (annotation.articleId == m_articleId)
        m_model->add(annotation);
    Q_EMIT annotationsChanged(annotation.articleId);
    return true;
}

bool AnnotationController::erase(const Annotation &annotation)
{
    if (!m_library->removeAnnotation(annotation.id)) {
        Q_EMIT failed(m_library->lastError());
        return false;
    }
    m_model->remove(annotation.id);
    Q_EMIT annotationsChanged(annotation.articleId);
    return true;
}

bool AnnotationController::erase(qint64 id)
{
    const auto a = annotation(id);
    if (!a) {
        Q_EMIT failed(m_library->lastError());
        return false;
    }
    return erase(*a);
}

} // namespace Lede
