// SPDX-License-Identifier: MIT
#pragma once

#include "store/library.h"

#include <QByteArray>
#include <QStringList>

namespace Lede {

/// Annotations as W3C Web Annotation JSON-LD: an AnnotationCollection whose items target their
/// article (its URL, or a urn with its content hash) through a TextQuoteSelector (exact, prefix,
/// suffix) and a TextPositionSelector (UTF-16 offsets), with bodies for the note (commenting,
/// text/markdown), the colour (classifying), each tag (tagging) and each entity (identifying when
/// mentioned inside the passage, linking when the journalist added it). The article's content hash
/// and an orphan flag travel in the "lede:" namespace, so importing the file back keeps everything.
QByteArray exportAnnotationsJsonLd(const Library &library, const QList<Annotation> &annotations);

/// What importing Web Annotation JSON-LD did.
struct AnnotationImportSummary
{
    int added = 0; // saved, placed on their quote
    int orphaned = 0; // saved, but their quote is not in the article's text (counted in added too)
    int present = 0; // already in the library: not added again
    int noArticle = 0; // their article (by content hash or URL) is not in the library
    QStringList problems; // items that could not be read, and why

    QString describe() const;
};

/// Adds the annotations of a Web Annotation JSON-LD document (a single annotation, an array, an
/// AnnotationCollection or an AnnotationPage) to the articles with the same text, found by their
/// content hash, else by their URL; each is placed by its quote (reanchor()), or kept as an orphan.
/// Each annotation is saved in its own transaction. Nothing when the document cannot be read at
/// all (then `error` says why).
std::optional<AnnotationImportSummary> importAnnotationsJsonLd(
    Library &library, const QByteArray &json, QString *error = nullptr);

} // namespace Lede
