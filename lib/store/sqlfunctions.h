// SPDX-License-Identifier: MIT
#pragma once

struct sqlite3;

namespace Lede {

/// Adds Lede's own SQL functions to a connection (every connection a Database opens has them):
///
/// tally(value), an aggregate: each distinct value and how many rows had it, as a JSON array of
/// [value, count] pairs in no particular order ('[]' over no rows). Values are integers, text or
/// NULL (anything else is an error); two values are the same when GROUP BY would say so. It counts
/// into a hash table in one pass where GROUP BY sorts every row first: over tens of thousands of
/// rows several times faster. SqliteDialect::countBy() reads it back as rows with json_each().
///
/// tally_keys(list), an aggregate: tally() of every integer in lists such as ",3,17,250," (each
/// article's entity keys in article_facets), in the same form.
///
/// ids_descending(key, id), an aggregate: the ids in the order ORDER BY key DESC, id DESC gives
/// (text keys as the BINARY collation orders them, NULL last), packed as a BLOB of 64-bit
/// little-endian integers. One sort in memory and one value to hand over, where ORDER BY goes
/// through SQLite's sorter and hands every id over as a row of its own.
bool addSqlFunctions(sqlite3 *db);

} // namespace Lede
