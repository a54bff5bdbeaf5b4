// SPDX-License-Identifier: MIT
#pragma once

#include "store/library.h"

#include <QObject>

class QUndoStack;

namespace Lede {

class AnnotationModel;

/// Adds, edits and removes annotations: saved at once in the library, mirrored in the model of
/// the article on screen, and undoable. Errors from the library are reported through failed().
class AnnotationController : public QObject
{
    Q_OBJECT
public:
    AnnotationController(Library *library, AnnotationModel *model, QObject *parent = nullptr);

    QUndoStack *undoStack() const { return m_undo; }
    /// Shows the annotations of another article (or none for 0).
    void setArticle(qint64 articleId);
    qint64 articleId() const { return m_articleId; }

    void add(qint64 articleId, qsizetype start, qsizetype end, const QString &quote, const QString &color,
        const QString &note, const QStringList &tags = {}, const QStringList &entityIds = {});
    void edit(qint64 annotationId, const QString &color, const QString &note);
    /// Changes an annotation's colour, note, tags and linked entities to those of `after` (the
    /// passage stays); `what` names the step in the Edit menu ("Recolour", "Edit Tags"…).
    void change(const Annotation &after, const QString &what);
    /// Reads the annotations of the article on screen again (an import added some, another window
    /// changed them) and says so.
    void reload();
    void remove(qint64 annotationId);
    /// The annotation as shown, or as the library has it when its article is not on screen.
    std::optional<Annotation> annotation(qint64 id) const;

    // Steps the undo commands take; each changes the library and the model together.
    /// Saves a new annotation, which comes back with its id.
    std::optional<Annotation> store(const Annotation &annotation);
    /// Puts back a removed annotation with its id, so edits to it further up the stack still apply.
    bool restore(const Annotation &annotation);
    bool update(const Annotation &annotation);
    bool erase(const Annotation &annotation);
    bool erase(qint64 id);

Q_SIGNALS:
    void annotationsChanged(qint64 articleId);
    void failed(const QString &message);

private:
    Library *m_library;
    AnnotationModel *m_model;
    QUndoStack *m_undo;
    qint64 m_articleId = 0;
};

} // namespace Lede
