// SPDX-License-Identifier: MIT
#pragma once

#include "text/article.h"

namespace Lede {

/// What reading one file produced: its articles (a feed gives several), or an error a person can
/// act on ("binary file, not text", "file is empty").
struct ParseResult
{
    SourceFormat format = SourceFormat::Unknown;
    QList<Article> articles;
    QString error; // empty on success
    bool ok() const { return error.isEmpty(); }
};

/// Largest file Lede reads; bigger ones are reported, not read.
inline constexpr qint64 MaxSourceBytes = 64 * 1024 * 1024;

/// Tells the format from the content first (front matter, markup, feed roots, JSON Feed version)
/// and the file name's extension second.
SourceFormat detectFormat(const QByteArray &data, QStringView fileName);

/// Parses a document held in memory. `fileName` is used for format hints and recorded as each
/// article's sourcePath.
ParseResult parseDocument(const QByteArray &data, const QString &fileName);

/// Reads and parses a file.
ParseResult parseFile(const QString &path);

} // namespace Lede
