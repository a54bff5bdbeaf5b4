// SPDX-License-Identifier: MIT
//
// Throughput of Lede's HTML article extraction on the shared corpus's AEB pages.
//
//   extract_speed [SHARED_OR_CORPUS_DIR] [MIN_SECONDS]
//
// All pages are decompressed and decoded to QString first; then whole passes of extractHtml() over every page
// are timed with QElapsedTimer until at least MIN_SECONDS (default 2) of work. Prints extract.pages_per_s and
// extract.ms_per_page.
#include "html/htmlextractor.h"

#include "html/encoding.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>

#include "gunzip.h"

using namespace Qt::StringLiterals;

namespace {

QString findCorpus(const QString &arg)
{
    QStringList tries;
    if (!arg.isEmpty())
        tries << arg + u"/corpus"_s << arg;
    const QString env = qEnvironmentVariable("LEDE_SHARED");
    if (!env.isEmpty())
        tries << env + u"/corpus"_s;
    tries << QFileInfo(QString::fromUtf8(__FILE__)).absolutePath() + u"/../../../shared/corpus"_s;
    for (const QString &t : tries) {
        if (QFileInfo::exists(t + u"/extraction-aeb/html"_s))
            return QDir(t).canonicalPath();
    }
    return {};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const QString corpus = findCorpus(argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString());
    const double minSeconds = argc > 2 ? QString::fromLocal8Bit(argv[2]).toDouble() : 2.0;
    if (corpus.isEmpty()) {
        QTextStream(stderr) << "extract_speed: corpus not found; pass the shared directory as the first argument\n";
        return 2;
    }
    const QDir html(corpus + u"/extraction-aeb/html"_s);
    QList<QString> pages;
    qint64 bytes = 0;
    for (const QString &name : html.entryList({u"*.html.gz"_s}, QDir::Files, QDir::Name)) {
        QFile f(html.filePath(name));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray raw = gunzip(f.readAll());
        bytes += raw.size();
        pages << Lede::decodeHtml(raw).text;
    }
    if (pages.isEmpty()) {
        QTextStream(stderr) << "extract_speed: no pages\n";
        return 2;
    }
    qint64 extracted = 0, chars = 0;
    QElapsedTimer timer;
    timer.start();
    do {
        for (const QString &page : pages) {
            chars += Lede::extractHtml(page).text.size();
            ++extracted;
        }
    } while (timer.nsecsElapsed() < qint64(minSeconds * 1e9));
    const double seconds = timer.nsecsElapsed() / 1e9;
    out << "extract.pages: " << pages.size() << " (" << bytes / 1024 << " KiB of HTML)\n";
    out << "extract.passes: " << extracted / pages.size() << "\n";
    out << "extract.pages_per_s: " << QString::number(extracted / seconds, 'f', 1) << "\n";
    out << "extract.ms_per_page: " << QString::number(1000.0 * seconds / extracted, 'f', 3) << "\n";
    out << "extract.mb_per_s: " << QString::number(bytes * (extracted / pages.size()) / seconds / 1e6, 'f', 1) << "\n";
    return chars > 0 ? 0 : 1;
}
