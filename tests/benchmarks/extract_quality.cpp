// SPDX-License-Identifier: MIT
//
// Scores Lede's HTML article extraction against the shared corpus.
//
//   extract_quality [SHARED_OR_CORPUS_DIR]
//
// The corpus is found at argv[1] (either the shared directory or its corpus/ subdirectory), else at
// $LEDE_SHARED/corpus, else at ../shared/corpus relative to the source tree.
//
// Body extraction (extraction-aeb and extraction-modern, each scored on its own), exactly as corpus/README.md
// describes: both texts are tokenized into \w+ tokens (Unicode letters, digits and '_', case kept, as Python's re \w),
// all runs of 4 consecutive tokens (shingles) are taken as multisets; per page TP = shared shingles (min of counts), FP
// = extra predicted, FN = missing, all three divided by their sum. Precision (TP/(TP+FP)) and recall (TP/(TP+FN)) are
// each averaged over pages; F1 = 2PR/(P+R) of the two averages. A page where neither text has a shingle counts as
// perfect; otherwise a page with nothing to score for one measure (no predicted shingle for precision, no true
// shingle for recall) is skipped for that measure only, and the other measure is scored normally (so an empty
// prediction for a non-empty truth still costs full recall).
//
// Metadata (extraction-readability): for title, byline, published, site name and language, the share of pages
// whose extracted value equals expected-metadata.json's after trimming (and collapsing inner whitespace). A
// page where the expected value is null or absent and the extracted one is empty counts as a match. The expected
// byline is compared without a leading "By", "Written by", "Von", "Par" or "Por", and without a date written after
// the names ("Jane Doe March 25, 2015 3:46 PM"): Lede gives the names alone. Nothing else of it is changed.
// publishedTime is compared after normalising both sides with Lede::normalizeDateTime(), i.e. as ISO 8601
// with fractional seconds dropped and "Z" written "+00:00"; a value that does not parse is compared as given.
// The expected values are Readability's own output, which reads no <time> element and no itemprop outside <meta>:
// where it names no date or byline and Lede finds one, the exact share counts a miss. So for byline and published
// two more figures: .named, the exact share over the pages whose expected value names one, and .extra, the
// number of pages where Lede gives a value and the expected one is empty (read them in LEDE_META_VERBOSE).
//
// LEDE_QUALITY_PAGES=FILE writes every body page's figures and warnings to FILE; LEDE_QUALITY_TEXTS=DIR writes
// the text extracted from each to DIR/<suite>-<id>.txt, to read beside the ground truth.
#include "html/htmlextractor.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "gunzip.h"

using namespace Qt::StringLiterals;

namespace {

QString findCorpus(int argc, char **argv)
{
    QStringList tries;
    if (argc > 1) {
        const QString a = QString::fromLocal8Bit(argv[1]);
        tries << a + u"/corpus"_s << a;
    }
    const QString env = qEnvironmentVariable("LEDE_SHARED");
    if (!env.isEmpty())
        tries << env + u"/corpus"_s;
    tries << QFileInfo(QString::fromUtf8(__FILE__)).absolutePath() + u"/../../../shared/corpus"_s;
    for (const QString &t : tries) {
        if (QFileInfo::exists(t + u"/extraction-aeb/ground-truth.json"_s))
            return QDir(t).canonicalPath();
    }
    return {};
}

bool isWordChar(char32_t c)
{
    if (c == U'_')
        return true;
    if (c < 0x80)
        return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= U'0' && c <= U'9');
    return QChar::isLetterOrNumber(c);
}

QStringList tokenize(const QString &text)
{
    QStringList tokens;
    QString cur;
    const auto *p = text.constData();
    const auto *end = p + text.size();
    while (p < end) {
        char32_t c = p->unicode();
        int len = 1;
        if (p->isHighSurrogate() && p + 1 < end && p[1].isLowSurrogate()) {
            c = QChar::surrogateToUcs4(p[0], p[1]);
            len = 2;
        }
        if (isWordChar(c)) {
            cur.append(p, len);
        } else if (!cur.isEmpty()) {
            tokens << cur;
            cur.clear();
        }
        p += len;
    }
    if (!cur.isEmpty())
        tokens << cur;
    return tokens;
}

QHash<QString, int> shingles(const QString &text)
{
    const QStringList t = tokenize(text);
    QHash<QString, int> out;
    for (qsizetype i = 0; i + 4 <= t.size(); ++i)
        out[t[i] + u'\x1f' + t[i + 1] + u'\x1f' + t[i + 2] + u'\x1f' + t[i + 3]] += 1;
    return out;
}

struct PageScore
{
    QString id;
    double precision = 0, recall = 0;
    bool hasPrecision = false, hasRecall = false;
    double f1() const
    {
        const double p = hasPrecision ? precision : 0, r = hasRecall ? recall : 0;
        return p + r > 0 ? 2 * p * r / (p + r) : 0;
    }
};

PageScore scorePage(const QString &truth, const QString &predicted)
{
    const QHash<QString, int> t = shingles(truth), p = shingles(predicted);
    double tp = 0, fp = 0, fn = 0;
    for (auto it = p.cbegin(); it != p.cend(); ++it) {
        const int tc = t.value(it.key());
        tp += std::min(tc, it.value());
        fp += std::max(0, it.value() - tc);
    }
    for (auto it = t.cbegin(); it != t.cend(); ++it)
        fn += std::max(0, it.value() - p.value(it.key()));
    PageScore s;
    const double sum = tp + fp + fn;
    if (sum == 0) {
        s.precision = s.recall = 1;
        s.hasPrecision = s.hasRecall = true;
        return s;
    }
    tp /= sum;
    fp /= sum;
    fn /= sum;
    if (tp + fp > 0) {
        s.precision = tp / (tp + fp);
        s.hasPrecision = true;
    }
    if (tp + fn > 0) {
        s.recall = tp / (tp + fn);
        s.hasRecall = true;
    }
    return s;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

QString norm(const QString &s)
{
    return s.simplified();
}

/// The expected byline without a leading "By", "Written by" and the like, and without a date after the names: Lede
/// gives the names alone, which is right, so "By Jane Doe" or "Jane Doe May 3, 2015" expected and "Jane Doe"
/// extracted match. Nothing else of the expected value is changed.
QString withoutBylinePrefix(const QString &byline)
{
    static const QRegularExpression prefix(
        u"^\\s*(written by|words by|by|von|par|por)\\s+"_s, QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression trailingDate(
        u"\\s+(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2},?\\s+\\d{4}"
        "|\\d{1,2}\\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?,?\\s+\\d{4})\\b.*$"_s,
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    return QString(byline).remove(prefix).remove(trailingDate);
}

/// Scores one body-extraction suite (html/<id>.html.gz and ground-truth.json); prints SUITE.pages, .precision,
/// .recall, .f1 and .empty (pages with a body in the truth and no text extracted) on `out`, the lowest-scoring
/// pages on `err`, and every page's figures on `perPage` when given. False when a page cannot be read.
bool scoreSuite(const char *suite, const QString &dir, QTextStream &out, QTextStream &err, QTextStream *perPage)
{
    const QJsonObject truth = QJsonDocument::fromJson(readFile(dir + u"/ground-truth.json"_s)).object();
    std::vector<PageScore> pages;
    double sumP = 0, sumR = 0;
    int nP = 0, nR = 0;
    QStringList empty;
    const QStringList ids = truth.keys();
    for (const QString &id : ids) {
        const QJsonObject entry = truth.value(id).toObject();
        const QByteArray html = gunzip(readFile(dir + u"/html/"_s + id + u".html.gz"_s));
        if (html.isEmpty()) {
            err << "extract_quality: cannot read page " << id << " of " << suite << "\n";
            return false;
        }
        Lede::HtmlExtractOptions options;
        options.sourceUrl = entry.value(u"url"_s).toString();
        const Lede::ExtractedPage page = Lede::extractHtmlBytes(html, options);
        const QString body = entry.value(u"articleBody"_s).toString();
        PageScore s = scorePage(body, page.text);
        s.id = id;
        if (page.text.isEmpty() && !body.trimmed().isEmpty())
            empty << id;
        if (s.hasPrecision) {
            sumP += s.precision;
            ++nP;
        }
        if (s.hasRecall) {
            sumR += s.recall;
            ++nR;
        }
        if (const QString texts = qEnvironmentVariable("LEDE_QUALITY_TEXTS"); !texts.isEmpty()) {
            QFile f(texts + u'/' + QLatin1StringView(suite) + u'-' + id + u".txt"_s);
            if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
                f.write(page.text.toUtf8());
        }
        if (perPage)
            *perPage << suite << " " << id << " " << QString::number(s.f1(), 'f', 4) << " "
                     << QString::number(s.precision, 'f', 4) << " " << QString::number(s.recall, 'f', 4) << " "
                     << page.warnings.join(u"; "_s) << "\n";
        pages.push_back(s);
    }
    const double P = nP ? sumP / nP : 0, R = nR ? sumR / nR : 0;
    const double F = P + R > 0 ? 2 * P * R / (P + R) : 0;
    out << suite << ".pages: " << pages.size() << "\n";
    out << suite << ".precision: " << QString::number(P, 'f', 4) << "\n";
    out << suite << ".recall: " << QString::number(R, 'f', 4) << "\n";
    out << suite << ".f1: " << QString::number(F, 'f', 4) << "\n";
    out << suite << ".empty: " << empty.size() << (empty.isEmpty() ? QString() : u" ("_s + empty.join(u' ') + u')')
        << "\n";
    out.flush();
    std::sort(pages.begin(), pages.end(), [](const PageScore &a, const PageScore &b) { return a.f1() < b.f1(); });
    err << suite << " worst pages (f1 precision recall id):\n";
    for (size_t i = 0; i < pages.size() && i < 10; ++i)
        err << "  " << QString::number(pages[i].f1(), 'f', 3) << " " << QString::number(pages[i].precision, 'f', 3)
            << " " << QString::number(pages[i].recall, 'f', 3) << " " << pages[i].id << "\n";
    err.flush();
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QString corpus = findCorpus(argc, argv);
    if (corpus.isEmpty()) {
        err << "extract_quality: corpus not found; pass the shared directory as the first argument\n";
        return 2;
    }

    // --- body extraction on extraction-aeb and extraction-modern ---
    QFile perPage(qEnvironmentVariable("LEDE_QUALITY_PAGES"));
    QTextStream perPageOut;
    if (!perPage.fileName().isEmpty() && perPage.open(QIODevice::WriteOnly | QIODevice::Truncate))
        perPageOut.setDevice(&perPage);
    for (const auto &[suite, folder] : {std::pair{"aeb", "extraction-aeb"}, std::pair{"modern", "extraction-modern"}}) {
        const QString dir = corpus + u'/' + QLatin1StringView(folder);
        if (!QFileInfo::exists(dir + u"/ground-truth.json"_s)) {
            err << "extract_quality: " << folder << " not found; skipped\n";
            continue;
        }
        if (!scoreSuite(suite, dir, out, err, perPage.isOpen() ? &perPageOut : nullptr))
            return 2;
    }

    // --- metadata on extraction-readability ---
    const QString rd = corpus + u"/extraction-readability"_s;
    const QStringList dirs = QDir(rd).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    int n = 0, title = 0, byline = 0, published = 0, site = 0, lang = 0;
    // per field: pages whose expected value names one, those of them matched, and pages with a value only from Lede
    struct Named
    {
        int named = 0, matched = 0, extra = 0;
    } bylineNamed, publishedNamed;
    auto countNamed = [](Named &c, const QString &got, const QJsonValue &want, int ok) {
        const bool wanted = want.isString() && !norm(want.toString()).isEmpty();
        c.named += wanted ? 1 : 0;
        c.matched += wanted ? ok : 0;
        c.extra += !wanted && !norm(got).isEmpty() ? 1 : 0;
    };
    const bool verbose = qEnvironmentVariableIsSet("LEDE_META_VERBOSE");
    for (const QString &d : dirs) {
        const QByteArray html = readFile(rd + u'/' + d + u"/source.html"_s);
        const QJsonObject expected
            = QJsonDocument::fromJson(readFile(rd + u'/' + d + u"/expected-metadata.json"_s)).object();
        if (html.isEmpty() || expected.isEmpty())
            continue;
        ++n;
        const Lede::ExtractedPage page = Lede::extractHtmlBytes(html);
        auto check = [&](const char *field, const QString &got, const QJsonValue &want) {
            const QString w = want.isString() ? norm(want.toString()) : QString();
            const bool ok = norm(got) == w;
            if (!ok && verbose)
                err << "  meta " << d << " " << field << ": got \"" << norm(got) << "\" want \"" << w << "\"\n";
            return ok ? 1 : 0;
        };
        title += check("title", page.title, expected.value(u"title"_s));
        QJsonValue bylineWant = expected.value(u"byline"_s);
        if (bylineWant.isString())
            bylineWant = withoutBylinePrefix(bylineWant.toString());
        const int bylineOk = check("byline", page.byline, bylineWant);
        byline += bylineOk;
        countNamed(bylineNamed, page.byline, bylineWant, bylineOk);
        site += check("siteName", page.siteName, expected.value(u"siteName"_s));
        lang += check("lang", page.language, expected.value(u"lang"_s));
        QJsonValue pubWant = expected.value(u"publishedTime"_s);
        if (pubWant.isString()) {
            const QString normalized = Lede::normalizeDateTime(pubWant.toString());
            if (!normalized.isEmpty())
                pubWant = normalized;
        }
        const int publishedOk = check("published", page.published, pubWant);
        published += publishedOk;
        countNamed(publishedNamed, page.published, pubWant, publishedOk);
    }
    auto share = [&](int k) { return QString::number(n ? double(k) / n : 0.0, 'f', 4); };
    out << "meta.pages: " << n << "\n";
    out << "meta.title.exact: " << share(title) << "\n";
    out << "meta.byline.exact: " << share(byline) << "\n";
    out << "meta.published.exact: " << share(published) << "\n";
    out << "meta.site_name.exact: " << share(site) << "\n";
    out << "meta.language.exact: " << share(lang) << "\n";
    for (const auto &[field, c] : {std::pair{"byline", bylineNamed}, std::pair{"published", publishedNamed}}) {
        out << "meta." << field << ".named: " << QString::number(c.named ? double(c.matched) / c.named : 0.0, 'f', 4)
            << " (" << c.matched << " of " << c.named << ")\n";
        out << "meta." << field << ".extra: " << c.extra << "\n";
    }
    return 0;
}
