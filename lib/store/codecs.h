// SPDX-License-Identifier: MIT
#pragma once

#include "text/textblock.h"

#include <QDateTime>
#include <QStringList>
#include <QVariant>

/// How values are written in the library's columns; shared by the parts of the store.
namespace Lede::Codec {

/// A list of strings as a compact JSON array, and back (anything unreadable gives an empty list).
QString toJson(const QStringList &list);
QStringList stringListFromJson(const QString &json);

/// Block kinds and levels as a JSON array of kind * 16 + level, and back.
QString blocksToJson(const TextBlocks &blocks);
TextBlocks blocksFromJson(const QString &json);

/// A string to bind to a text column: the columns hold '' for "none", never NULL.
QVariant text(const QString &s);

/// Timestamps the library sets itself (imported, created, modified): ISO 8601 with milliseconds.
QString timestamp(const QDateTime &time);
QDateTime timestampFromText(const QString &text);

} // namespace Lede::Codec
