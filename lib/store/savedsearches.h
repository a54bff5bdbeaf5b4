// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace Lede {

class Database;

/// A query the journalist saved under a name, kept in the library so it travels with it.
struct SavedSearch
{
    qint64 id = 0;
    QString name;
    QString query; // as typed in the search field
    QDateTime created;
    friend bool operator==(const SavedSearch &, const SavedSearch &) = default;
};

/// The saved_searches table. Names are unique, ignoring case: saving under a name in use replaces
/// that search's query. Writes expect the caller's transaction; failures are reported to the
/// Database and come back as false or nothing.
class SavedSearchStore
{
public:
    explicit SavedSearchStore(const Database &db) : m_db(db) { }

    /// Saves a query under a name (replacing the query of a search of that name); it comes back
    /// with its id.
    std::optional<SavedSearch> save(const QString &name, const QString &query);
    /// False when the name is taken by another saved search, or the write failed.
    bool rename(qint64 id, const QString &name);
    bool remove(qint64 id);
    /// Every saved search, by name.
    std::optional<QList<SavedSearch>> all() const;

private:
    const Database &m_db;
};

} // namespace Lede
