// SPDX-License-Identifier: MIT
#include "codecs.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace Lede::Codec {

using namespace Qt::StringLiterals;

QString toJson(const QStringList &list)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

QStringList stringListFromJson(const QString &json)
{
    QStringList out;
    for (const auto &v : QJsonDocument::fromJson(json.toUtf8()).array())
        out.append(v.toString());
    return out;
}

QString blocksToJson(const TextBlocks &blocks)
{
    QJsonArray arr;
    for (const TextBlock &b : blocks)
        arr.append(int(b.kind) * 16 + b.level);
    return QString::fromUtf8(QJsonDocument(arr).toJson(QJsonDocument::Compact));
}

TextBlocks blocksFromJson(const QString &json)
{
    TextBlocks out;
    for (const auto &v : QJsonDocument::fromJson(json.toUtf8()).array()) {
        const int code = v.toInt();
        out.append(
            TextBlock{TextBlock::Kind(std::clamp(code / 16, 0, int(TextBlock::Preformatted))), quint8(code % 16)});
    }
    return out;
}

QVariant text(const QString &s)
{
    // Qt binds a null QString as SQL NULL.
    return QVariant(s.isNull() ? QString(u""_s) : s);
}

QString timestamp(const QDateTime &time)
{
    return time.toString(Qt::ISODateWithMs);
}

QDateTime timestampFromText(const QString &text)
{
    return QDateTime::fromString(text, Qt::ISODateWithMs);
}

} // namespace Lede::Codec
