// SPDX-License-Identifier: MIT
#include "sqlfunctions.h"

#include <sqlite3.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace Lede {

namespace {

// The state of one tally(): small non-negative integers (entity keys, row ids) count in a vector
// indexed by the value; other integers and text in hash tables.
struct Tally
{
    static constexpr sqlite3_int64 denseLimit = 1 << 20;
    std::vector<sqlite3_int64> dense;
    std::unordered_map<sqlite3_int64, sqlite3_int64> integers;
    std::unordered_map<std::string, sqlite3_int64> texts;
    sqlite3_int64 nulls = 0;

    void count(sqlite3_int64 n)
    {
        if (n >= 0 && n < denseLimit) {
            if (std::size_t(n) >= dense.size())
                dense.resize(std::max(std::size_t(n) + 1, dense.size() * 2), 0);
            ++dense[std::size_t(n)];
        } else {
            ++integers[n];
        }
    }
};

Tally *tallyOf(sqlite3_context *context, bool create)
{
    auto **slot = static_cast<Tally **>(sqlite3_aggregate_context(context, create ? sizeof(Tally *) : 0));
    if (!slot)
        return nullptr;
    if (!*slot && create)
        *slot = new (std::nothrow) Tally;
    return *slot;
}

void tallyStep(sqlite3_context *context, int, sqlite3_value **argv)
{
    Tally *t = tallyOf(context, true);
    if (!t) {
        sqlite3_result_error_nomem(context);
        return;
    }
    sqlite3_value *v = argv[0];
    switch (sqlite3_value_type(v)) {
    case SQLITE_INTEGER: {
        const sqlite3_int64 n = sqlite3_value_int64(v);
        t->count(n);
        break;
    }
    case SQLITE_TEXT: {
        const auto *text = reinterpret_cast<const char *>(sqlite3_value_text(v));
        ++t->texts[std::string(text, std::size_t(sqlite3_value_bytes(v)))];
        break;
    }
    case SQLITE_NULL:
        ++t->nulls;
        break;
    default:
        sqlite3_result_error(context, "tally() counts integers, text and NULL only", -1);
    }
}

// tally_keys(list): each integer of a list such as ",3,17,250," counted as tally() counts it.
void tallyKeysStep(sqlite3_context *context, int, sqlite3_value **argv)
{
    Tally *t = tallyOf(context, true);
    if (!t) {
        sqlite3_result_error_nomem(context);
        return;
    }
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL)
        return;
    const auto *p = reinterpret_cast<const char *>(sqlite3_value_text(argv[0]));
    const char *end = p + sqlite3_value_bytes(argv[0]);
    while (p < end) {
        if (*p == ',') {
            ++p;
            continue;
        }
        sqlite3_int64 n = 0;
        const auto [next, error] = std::from_chars(p, end, n);
        if (error != std::errc() || (next < end && *next != ',')) {
            sqlite3_result_error(context, "tally_keys() reads lists of integers such as ',3,17,'", -1);
            return;
        }
        p = next;
        t->count(n);
    }
}

void appendNumber(std::string &out, sqlite3_int64 n)
{
    char buffer[24];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, n).ptr;
    out.append(buffer, end);
}

// A JSON string for UTF-8 text (SQLite hands text over as UTF-8).
void appendString(std::string &out, std::string_view text)
{
    out += '"';
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20) {
            static constexpr char hex[] = "0123456789abcdef";
            out += "\\u00";
            out += hex[u >> 4];
            out += hex[u & 0xf];
        } else {
            out += c;
        }
    }
    out += '"';
}

void pair(std::string &out, const auto &appendValue, sqlite3_int64 count)
{
    out += out.size() > 1 ? ",[" : "[";
    appendValue(out);
    out += ',';
    appendNumber(out, count);
    out += ']';
}

void tallyFinal(sqlite3_context *context)
{
    Tally *t = tallyOf(context, false);
    std::string out = "[";
    if (t) {
        out.reserve(16 * (t->integers.size() + t->texts.size()) + 8 * t->dense.size() + 16);
        for (std::size_t i = 0; i < t->dense.size(); ++i) {
            if (t->dense[i] > 0)
                pair(
                    out, [i](std::string &o) { appendNumber(o, sqlite3_int64(i)); }, t->dense[i]);
        }
        for (const auto &[value, count] : t->integers)
            pair(
                out, [value](std::string &o) { appendNumber(o, value); }, count);
        for (const auto &[value, count] : t->texts)
            pair(
                out, [&value](std::string &o) { appendString(o, value); }, count);
        if (t->nulls > 0)
            pair(
                out, [](std::string &o) { o += "null"; }, t->nulls);
        delete t;
        *static_cast<Tally **>(sqlite3_aggregate_context(context, 0)) = nullptr;
    }
    out += ']';
    sqlite3_result_text64(context, out.data(), out.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
}

// The state of one ids_descending(): each row's key (its bytes in one buffer) and id.
struct Ordering
{
    struct Row
    {
        std::uint64_t head[2]; // the first 16 bytes, big-endian, zero-padded: most comparisons end here
        std::size_t offset;
        std::size_t length; // npos for NULL
        sqlite3_int64 id;
    };
    std::string keys;
    std::vector<Row> rows;
};

Ordering *orderingOf(sqlite3_context *context, bool create)
{
    auto **slot = static_cast<Ordering **>(sqlite3_aggregate_context(context, create ? sizeof(Ordering *) : 0));
    if (!slot)
        return nullptr;
    if (!*slot && create)
        *slot = new (std::nothrow) Ordering;
    return *slot;
}

void orderStep(sqlite3_context *context, int, sqlite3_value **argv)
{
    Ordering *o = orderingOf(context, true);
    if (!o) {
        sqlite3_result_error_nomem(context);
        return;
    }
    if (sqlite3_value_type(argv[1]) != SQLITE_INTEGER) {
        sqlite3_result_error(context, "ids_descending() orders integer ids only", -1);
        return;
    }
    const sqlite3_int64 id = sqlite3_value_int64(argv[1]);
    switch (sqlite3_value_type(argv[0])) {
    case SQLITE_TEXT: {
        const auto *text = reinterpret_cast<const char *>(sqlite3_value_text(argv[0]));
        const auto length = std::size_t(sqlite3_value_bytes(argv[0]));
        Ordering::Row row{{0, 0}, o->keys.size(), length, id};
        for (std::size_t i = 0; i < 16; ++i)
            row.head[i / 8] = (row.head[i / 8] << 8) | (i < length ? static_cast<unsigned char>(text[i]) : 0u);
        o->rows.push_back(row);
        o->keys.append(text, length);
        break;
    }
    case SQLITE_NULL:
        o->rows.push_back({{0, 0}, 0, std::string::npos, id});
        break;
    default:
        sqlite3_result_error(context, "ids_descending() orders by text or NULL keys only", -1);
    }
}

void orderFinal(sqlite3_context *context)
{
    Ordering *o = orderingOf(context, false);
    if (!o) {
        sqlite3_result_zeroblob(context, 0);
        return;
    }
    const std::string &keys = o->keys;
    // SQLite's order for text under the BINARY collation (memcmp, then the shorter first), NULL
    // before any text; here all reversed, ties by id, also descending.
    std::sort(o->rows.begin(), o->rows.end(), [&keys](const Ordering::Row &a, const Ordering::Row &b) {
        const bool aNull = a.length == std::string::npos, bNull = b.length == std::string::npos;
        if (aNull != bNull)
            return bNull; // NULL last
        if (!aNull) {
            if (a.head[0] != b.head[0])
                return a.head[0] > b.head[0];
            if (a.head[1] != b.head[1])
                return a.head[1] > b.head[1];
            const int c = std::memcmp(keys.data() + a.offset, keys.data() + b.offset, std::min(a.length, b.length));
            if (c != 0)
                return c > 0;
            if (a.length != b.length)
                return a.length > b.length;
        }
        return a.id > b.id;
    });
    std::string out(o->rows.size() * 8, '\0');
    char *p = out.data();
    for (const Ordering::Row &row : o->rows) {
        auto v = static_cast<std::uint64_t>(row.id);
        for (int i = 0; i < 8; ++i, v >>= 8)
            *p++ = static_cast<char>(v & 0xff);
    }
    delete o;
    *static_cast<Ordering **>(sqlite3_aggregate_context(context, 0)) = nullptr;
    sqlite3_result_blob64(context, out.data(), out.size(), SQLITE_TRANSIENT);
}

// id_set(id): the ids as one value for in_ids(). A bitmap ('B', then a bit per id from 0) while
// the ids are dense enough, as the article ids of a library are; else the ids sorted ('S', then
// 64-bit little-endian integers).
struct IdSet
{
    std::vector<sqlite3_int64> ids;
    sqlite3_int64 max = -1;
};

void idSetStep(sqlite3_context *context, int, sqlite3_value **argv)
{
    auto **slot = static_cast<IdSet **>(sqlite3_aggregate_context(context, sizeof(IdSet *)));
    if (slot && !*slot)
        *slot = new (std::nothrow) IdSet;
    if (!slot || !*slot) {
        sqlite3_result_error_nomem(context);
        return;
    }
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL)
        return; // never in the set, as with IN
    if (sqlite3_value_type(argv[0]) != SQLITE_INTEGER || sqlite3_value_int64(argv[0]) < 0) {
        sqlite3_result_error(context, "id_set() holds non-negative integer ids only", -1);
        return;
    }
    const sqlite3_int64 id = sqlite3_value_int64(argv[0]);
    (*slot)->ids.push_back(id);
    (*slot)->max = std::max((*slot)->max, id);
}

void idSetFinal(sqlite3_context *context)
{
    auto **slot = static_cast<IdSet **>(sqlite3_aggregate_context(context, 0));
    IdSet *set = slot ? *slot : nullptr;
    std::string out;
    if (!set || set->max < 0) {
        out = "B";
    } else if (std::uint64_t(set->max) / 64 <= set->ids.size()) {
        out.assign(1 + std::size_t(set->max) / 8 + 1, '\0');
        out[0] = 'B';
        for (const sqlite3_int64 id : set->ids)
            out[1 + std::size_t(id) / 8]
                = char(static_cast<unsigned char>(out[1 + std::size_t(id) / 8]) | (1u << (id % 8)));
    } else {
        std::sort(set->ids.begin(), set->ids.end());
        set->ids.erase(std::unique(set->ids.begin(), set->ids.end()), set->ids.end());
        out.assign(1 + set->ids.size() * 8, '\0');
        out[0] = 'S';
        char *p = out.data() + 1;
        for (const sqlite3_int64 id : set->ids) {
            auto v = static_cast<std::uint64_t>(id);
            for (int i = 0; i < 8; ++i, v >>= 8)
                *p++ = static_cast<char>(v & 0xff);
        }
    }
    delete set;
    if (slot)
        *slot = nullptr;
    sqlite3_result_blob64(context, out.data(), out.size(), SQLITE_TRANSIENT);
}

std::uint64_t wordAt(const unsigned char *p)
{
    std::uint64_t v = 0;
    for (int i = 7; i >= 0; --i)
        v = (v << 8) | p[i];
    return v;
}

// in_ids(id, set): 1 when the id is in a set from id_set(), else 0 (NULL for a NULL id).
void inIds(sqlite3_context *context, int, sqlite3_value **argv)
{
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL)
        return;
    const auto *set = static_cast<const unsigned char *>(sqlite3_value_blob(argv[1]));
    const auto size = std::size_t(sqlite3_value_bytes(argv[1]));
    if (!set || size == 0 || (set[0] != 'B' && set[0] != 'S') || sqlite3_value_type(argv[0]) != SQLITE_INTEGER) {
        sqlite3_result_error(context, "in_ids() takes an integer id and a set from id_set()", -1);
        return;
    }
    const sqlite3_int64 id = sqlite3_value_int64(argv[0]);
    bool in = false;
    if (id >= 0 && set[0] == 'B') {
        const std::uint64_t byte = 1 + std::uint64_t(id) / 8;
        in = byte < size && (set[byte] >> (id % 8)) & 1;
    } else if (set[0] == 'S') {
        std::size_t lo = 0, hi = (size - 1) / 8;
        while (lo < hi) {
            const std::size_t mid = (lo + hi) / 2;
            const auto v = static_cast<sqlite3_int64>(wordAt(set + 1 + mid * 8));
            if (v < id)
                lo = mid + 1;
            else
                hi = mid;
        }
        in = lo < (size - 1) / 8 && static_cast<sqlite3_int64>(wordAt(set + 1 + lo * 8)) == id;
    }
    sqlite3_result_int(context, in ? 1 : 0);
}

} // namespace

bool addSqlFunctions(sqlite3 *db)
{
    constexpr int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC;
    return db
        && sqlite3_create_function_v2(db, "tally", 1, flags, nullptr, nullptr, tallyStep, tallyFinal, nullptr)
        == SQLITE_OK
        && sqlite3_create_function_v2(db, "tally_keys", 1, flags, nullptr, nullptr, tallyKeysStep, tallyFinal, nullptr)
        == SQLITE_OK
        && sqlite3_create_function_v2(db, "id_set", 1, flags, nullptr, nullptr, idSetStep, idSetFinal, nullptr)
        == SQLITE_OK
        && sqlite3_create_function_v2(db, "in_ids", 2, flags, nullptr, inIds, nullptr, nullptr, nullptr) == SQLITE_OK
        && sqlite3_create_function_v2(db, "ids_descending", 2, flags, nullptr, nullptr, orderStep, orderFinal, nullptr)
        == SQLITE_OK;
}

} // namespace Lede
