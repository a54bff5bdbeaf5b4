// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace Lede {

/// A passage a journalist marked: UTF-16 offsets into the article's canonical text.
struct Annotation
{
    qint64 id = 0;
    qint64 articleId = 0;
    qsizetype start = 0;
    qsizetype end = 0;
    QString color; // a name from annotationColors()
    QString note;
    QString quote; // the passage's text when it was marked
    QDateTime created;
    QDateTime modified;
};

/// The colours a highlight can take, by name ("yellow", …), in menu order.
QStringList annotationColors();

} // namespace Lede
