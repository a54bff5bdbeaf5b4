// SPDX-License-Identifier: MIT
#include "frontmatter.h"

namespace Lede {

using namespace Qt::StringLiterals;

QString FrontMatter::first(std::initializer_list<QStringView> keys) const
{
    for (QStringView key : keys) {
        const auto it = values.constFind(key.toString());
        if (it != values.cend()) {
            for (const QString &v : *it) {
                if (!v.isEmpty())
                    return v;
            }
        }
    }
    return {};
}

QStringList FrontMatter::all(std::initializer_list<QStringView> keys) const
{
    QStringList out;
    for (QStringView key : keys) {
        for (const QString &v : values.value(key.toString())) {
            if (!v.isEmpty() && !out.contains(v))
                out.append(v);
        }
    }
    return out;
}

namespace {

QString unquote(QStringView v)
{
    v = v.trimmed();
    if (v.size() >= 2 && ((v.front() == u'"' && v.back() == u'"') || (v.front() == u'\'' && v.back() == u'\''))) {
        const bool doubleQuoted = v.front() == u'"';
        v = v.mid(1, v.size() - 2);
        QString out;
        out.reserve(v.size());
        for (qsizetype i = 0; i < v.size(); ++i) {
            if (doubleQuoted && v[i] == u'\\' && i + 1 < v.size()) {
                const QChar n = v[++i];
                out += n == u'n' ? QChar(u' ') : n == u't' ? QChar(u' ') : n;
            } else if (!doubleQuoted && v[i] == u'\'' && i + 1 < v.size() && v[i + 1] == u'\'') {
                out += u'\'';
                ++i;
            } else {
                out += v[i];
            }
        }
        return out;
    }
    // A plain YAML scalar ends at " #".
    const qsizetype comment = v.indexOf(u" #");
    if (comment >= 0)
        v = v.left(comment).trimmed();
    if (v == u"~" || v == u"null")
        return {};
    return v.toString();
}

QStringList flowList(QStringView v)
{
    QStringList out;
    v = v.trimmed();
    v = v.mid(1, v.size() - 2);
    QString current;
    QChar quote;
    for (QChar c : v) {
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
            current += c;
        } else if (c == u'"' || c == u'\'') {
            quote = c;
            current += c;
        } else if (c == u',') {
            out.append(unquote(current));
            current.clear();
        } else {
            current += c;
        }
    }
    if (!current.trimmed().isEmpty())
        out.append(unquote(current));
    out.removeAll(QString());
    return out;
}

qsizetype indentOf(QStringView line)
{
    qsizetype i = 0;
    while (i < line.size() && (line[i] == u' ' || line[i] == u'\t'))
        ++i;
    return i;
}

} // namespace

FrontMatter parseFrontMatter(QStringView text)
{
    FrontMatter fm;
    qsizetype pos = 0;
    if (text.startsWith(u'\uFEFF'))
        pos = 1;
    const QStringView rest = text.mid(pos);
    const bool yaml = rest.startsWith(u"---");
    const bool toml = rest.startsWith(u"+++");
    if (!yaml && !toml)
        return fm;
    const QStringView fence = yaml ? u"---" : u"+++";
    qsizetype lineEnd = text.indexOf(u'\n', pos);
    if (lineEnd < 0 || !text.mid(pos, lineEnd - pos).trimmed().endsWith(fence)
        || text.mid(pos, lineEnd - pos).trimmed().size() != 3)
        return fm;

    QStringList lines;
    qsizetype cursor = lineEnd + 1;
    bool closed = false;
    while (cursor <= text.size()) {
        qsizetype end = text.indexOf(u'\n', cursor);
        if (end < 0)
            end = text.size();
        QStringView line = text.mid(cursor, end - cursor);
        if (line.endsWith(u'\r'))
            line.chop(1);
        cursor = end + 1;
        if (line.trimmed() == fence || (yaml && line.trimmed() == u"...")) {
            closed = true;
            break;
        }
        lines.append(line.toString());
        if (lines.size() > 2000)
            break;
    }
    if (!closed)
        return fm;
    fm.present = true;
    fm.bodyStart = std::min(cursor, text.size());

    QString parent; // YAML: the key whose block follows
    qsizetype parentIndent = -1;
    QString table; // TOML: the current [table]
    for (const QString &raw : std::as_const(lines)) {
        const QStringView line(raw);
        const QStringView t = line.trimmed();
        if (t.isEmpty() || t.startsWith(u'#'))
            continue;
        if (toml) {
            if (t.startsWith(u'[') && t.endsWith(u']')) {
                table = t.mid(1, t.size() - 2).trimmed().toString().toLower() + u'.';
                continue;
            }
            const qsizetype eq = t.indexOf(u'=');
            if (eq <= 0)
                continue;
            const QString key = table + t.left(eq).trimmed().toString().toLower();
            const QStringView value = t.mid(eq + 1).trimmed();
            fm.values[key]
                = value.startsWith(u'[') && value.endsWith(u']') ? flowList(value) : QStringList{unquote(value)};
            continue;
        }
        const qsizetype indent = indentOf(line);
        if (t.startsWith(u"- ") || t == u"-") {
            if (!parent.isEmpty())
                fm.values[parent].append(unquote(t.mid(1)));
            continue;
        }
        const qsizetype colon = t.indexOf(u':');
        if (colon <= 0)
            continue;
        QString key = t.left(colon).trimmed().toString().toLower();
        if (key.size() >= 2 && (key.front() == u'"' || key.front() == u'\''))
            key = unquote(key);
        const QStringView value = t.mid(colon + 1).trimmed();
        const bool nested = indent > parentIndent && !parent.isEmpty();
        if (nested) {
            key = parent + u'.' + key;
        } else {
            parent.clear();
            parentIndent = indent;
        }
        if (value.isEmpty() || value == u"|" || value == u">" || value == u"|-" || value == u">-") {
            fm.values[key];
            if (!nested)
                parent = key;
            continue;
        }
        fm.values[key] = value.startsWith(u'[') && value.endsWith(u']') ? flowList(value) : QStringList{unquote(value)};
    }
    return fm;
}

} // namespace Lede
