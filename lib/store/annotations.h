// SPDX-License-Identifier: MIT
#pragma once

#include "store/annotation.h"

#include <QList>

#include <optional>

namespace Lede {

class Database;

/// The annotations table. Writes expect the caller's transaction; failures are reported to the
/// Database and come back as false or nothing.
class AnnotationStore
{
public:
    explicit AnnotationStore(const Database &db) : m_db(db) { }

    /// Saves a new annotation; it comes back with its id and times (now, unless it has its own).
    std::optional<Annotation> add(const Annotation &annotation);
    /// Puts back a removed annotation as it was, with its id and times.
    bool restore(const Annotation &annotation);
    /// Changes the colour, note, tags and linked entities.
    bool update(const Annotation &annotation);
    /// Moves the annotation to its new place (passage, quote, context, orphan flag) after its text changed.
    bool place(const Annotation &annotation);
    bool remove(qint64 id);

    std::optional<Annotation> find(qint64 id) const;
    std::optional<QList<Annotation>> forArticle(qint64 articleId) const;
    std::optional<QList<Annotation>> all() const;

    /// The palette in menu order, each colour with the meaning the journalist gave it.
    std::optional<QList<AnnotationColor>> palette() const;
    bool setMeaning(const QString &color, const QString &meaning);

private:
    bool checkPassage(const Annotation &annotation) const;
    const Database &m_db;
};

} // namespace Lede
