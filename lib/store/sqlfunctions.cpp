// SPDX-License-Identifier: MIT
#include "sqlfunctions.h"

#include <sqlite3.h>

#include <charconv>
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
        if (n >= 0 && n < Tally::denseLimit) {
            if (std::size_t(n) >= t->dense.size())
                t->dense.resize(std::max(std::size_t(n) + 1, t->dense.size() * 2), 0);
            ++t->dense[std::size_t(n)];
        } else {
            ++t->integers[n];
        }
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

} // namespace

bool addSqlFunctions(sqlite3 *db)
{
    return db
        && sqlite3_create_function_v2(
               db, "tally", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, nullptr, tallyStep, tallyFinal, nullptr)
        == SQLITE_OK;
}

} // namespace Lede
