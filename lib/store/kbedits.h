// SPDX-License-Identifier: MIT
#pragma once

#include "kb/kbedit.h"

#include <QList>

#include <optional>

namespace Lede {

class Database;

/// The kb_edits table: what the journalist taught the linker, applied in id order. Writes expect
/// the caller's transaction; failures are reported to the Database and come back as false or nothing.
class KbEditStore
{
public:
    explicit KbEditStore(const Database &db) : m_db(db) { }

    /// Saves the edit; it comes back with its id and time.
    std::optional<KbEdit> add(const KbEdit &edit);
    bool remove(qint64 id);
    /// Moves a rejected mention to where its words are after the article's text changed.
    bool moveMention(qint64 id, qsizetype start, qsizetype end);
    /// Every edit this Lede knows how to apply, oldest first.
    std::optional<QList<KbEdit>> all() const;

private:
    const Database &m_db;
};

} // namespace Lede
