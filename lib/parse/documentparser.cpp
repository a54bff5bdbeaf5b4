// SPDX-License-Identifier: MIT
#include "documentparser.h"

#include "feedparser.h"
#include "html/encoding.h"
#include "html/htmlextractor.h"
#include "markdownparser.h"
#include "plaintextparser.h"
#include "text/datetime.h"
#include "text/logging.h"
#include "textheuristics.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace Lede {

using namespace Qt::StringLiterals;

namespace {

bool looksBinary(const QByteArray &head)
{
    // UTF-16 text has NULs too; its BOM says so.
    if (head.startsWith("\xFF\xFE") || head.startsWith("\xFE\xFF"))
        return false;
    int controls = 0;
    for (char ch : head) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == 0)
            return true;
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1B)
            ++controls;
    }
    return controls * 20 > head.size();
}

QString lowerHead(const QByteArray &data)
{
    QByteArray head = data.left(4096);
    if (head.startsWith("\xEF\xBB\xBF"))
        head = head.mid(3);
    // JSON may escape its slashes ("https:\/\/jsonfeed.org"); the checks below do not care.
    return QString::fromLatin1(head).trimmed().toLower().remove(u'\\');
}

} // namespace

SourceFormat detectFormat(const QByteArray &data, QStringView fileName)
{
    const QString head = lowerHead(data);
    const QString ext = QFileInfo(fileName.toString()).suffix().toLower();
    if (head.startsWith(u"{") && head.contains(u"jsonfeed.org/version"))
        return SourceFormat::JsonFeed;
    if (head.startsWith(u"<?xml") || head.startsWith(u"<rss") || head.startsWith(u"<feed")
        || head.startsWith(u"<rdf")) {
        if (head.contains(u"<feed") && head.contains(u"www.w3.org/2005/atom"))
            return SourceFormat::Atom;
        if (head.contains(u"<rss") || head.contains(u"<rdf:rdf") || head.contains(u"purl.org/rss"))
            return SourceFormat::Rss;
        if (head.contains(u"<feed"))
            return SourceFormat::Atom;
        if (head.contains(u"<html"))
            return SourceFormat::Html;
    }
    if (head.startsWith(u"<!doctype html") || head.startsWith(u"<html") || head.contains(u"<html")
        || (head.startsWith(u"<")
            && (head.contains(u"<head") || head.contains(u"<body") || head.contains(u"<div") || head.contains(u"<p>")
                || head.contains(u"<article"))))
        return SourceFormat::Html;
    if (head.startsWith(u"---") || head.startsWith(u"+++")) {
        const QString firstLine = head.section(u'\n', 0, 0).trimmed();
        if (firstLine == u"---" || firstLine == u"+++")
            return SourceFormat::Markdown;
    }
    if (ext == u"md" || ext == u"markdown" || ext == u"mdown" || ext == u"mkd")
        return SourceFormat::Markdown;
    if (ext == u"html" || ext == u"htm" || ext == u"xhtml")
        return SourceFormat::Html;
    if (ext == u"rss")
        return SourceFormat::Rss;
    if (ext == u"atom")
        return SourceFormat::Atom;
    // Markdown structure in an unmarked text file: ATX headings, list bullets, links.
    static const QRegularExpression mdSigns(uR"((?m)^(?:#{1,6} \S|\* \S|\[[^\]]+\]\([^)]+\)))"_s);
    const QString text = QString::fromUtf8(data.left(8192));
    if (mdSigns.match(text).hasMatch() && text.contains(u"\n#"))
        return SourceFormat::Markdown;
    return SourceFormat::PlainText;
}

ParseResult parseDocument(const QByteArray &data, const QString &fileName)
{
    ParseResult result;
    if (data.trimmed().isEmpty()) {
        result.error
            = data.isEmpty() ? QObject::tr("the file is empty") : QObject::tr("the file holds only white space");
        return result;
    }
    if (data.size() > MaxSourceBytes) {
        result.error = QObject::tr("the file is too large (%1 MB; Lede reads files up to %2 MB)")
                           .arg(data.size() / (1024 * 1024))
                           .arg(MaxSourceBytes / (1024 * 1024));
        return result;
    }
    if (looksBinary(data.left(8192))) {
        result.error = QObject::tr("binary data, not a text, HTML, Markdown or feed file");
        return result;
    }
    result.format = detectFormat(data, fileName);
    if (result.format == SourceFormat::PlainText) {
        const QString head = lowerHead(data);
        if (head.startsWith(u'{') || (head.startsWith(u'[') && !head.startsWith(u"[["))) {
            result.error = QObject::tr("JSON data that is not a JSON Feed");
            return result;
        }
    }
    QString error;
    switch (result.format) {
    case SourceFormat::Html: {
        HtmlExtractOptions options;
        const ExtractedPage page = extractHtmlBytes(data, options);
        Article a;
        a.format = SourceFormat::Html;
        a.text = page.text;
        a.blocks = page.blocks;
        a.title = page.title;
        a.byline = page.byline;
        a.outlet = page.siteName;
        a.url = page.url;
        a.language = page.language;
        a.warnings = page.warnings;
        if (const ParsedDate d = parseDate(page.published); d.isValid()) {
            a.published = d.value;
            a.publishedHasTime = d.hasTime;
        }
        if (a.outlet.isEmpty() && !a.url.isEmpty())
            a.outlet = TextHeuristics::outletFromUrl(a.url);
        if (a.language.isEmpty())
            a.language = TextHeuristics::guessLanguage(a.text);
        result.articles.append(a);
        break;
    }
    case SourceFormat::Rss:
    case SourceFormat::Atom: {
        const DecodedText decoded = decodeXml(data);
        result.articles = parseXmlFeed(decoded.text, result.format, &error);
        break;
    }
    case SourceFormat::JsonFeed:
        result.articles = parseJsonFeed(data, &error);
        break;
    case SourceFormat::Markdown:
    case SourceFormat::PlainText:
    case SourceFormat::Unknown: {
        const DecodedText decoded = decodeText(data);
        Article a
            = result.format == SourceFormat::Markdown ? parseMarkdown(decoded.text) : parsePlainText(decoded.text);
        a.warnings += decoded.warnings;
        result.articles.append(a);
        break;
    }
    }
    if (!error.isEmpty()) {
        result.error = error;
        result.articles.clear();
    }
    for (Article &a : result.articles)
        a.sourcePath = fileName;
    if (result.ok() && result.articles.size() == 1 && result.articles.first().text.isEmpty()) {
        result.error = QObject::tr("no article text could be found");
        result.articles.clear();
    }
    return result;
}

ParseResult parseFile(const QString &path)
{
    ParseResult result;
    QFile file(path);
    const QFileInfo info(path);
    if (!info.exists()) {
        result.error = QObject::tr("no such file");
        return result;
    }
    if (info.isDir()) {
        result.error = QObject::tr("a folder, not a file");
        return result;
    }
    if (info.size() > MaxSourceBytes) {
        result.error = QObject::tr("the file is too large (%1 MB; Lede reads files up to %2 MB)")
                           .arg(info.size() / (1024 * 1024))
                           .arg(MaxSourceBytes / (1024 * 1024));
        return result;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = QObject::tr("cannot be read: %1").arg(file.errorString());
        return result;
    }
    const QByteArray data = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        result.error = QObject::tr("cannot be read: %1").arg(file.errorString());
        return result;
    }
    return parseDocument(data, info.absoluteFilePath());
}

} // namespace Lede
