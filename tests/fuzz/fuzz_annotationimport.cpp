// SPDX-License-Identifier: MIT
// Importing W3C Web Annotation JSON-LD into a library of two articles (one found by its URL, one by
// its content hash). Each input's annotations are removed afterwards so the library stays small;
// the library must still pass SQLite's integrity check at the end of every input with no
// transaction left open.

#include "export/webannotation.h"
#include "fuzzcommon.h"
#include "store/library.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <cstdlib>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

struct Fixture
{
    // Qt SQL finds its SQLite driver through the application.
    int argc = 1;
    char name[32] = "fuzz_annotationimport";
    char *argv[2] = {name, nullptr};
    std::unique_ptr<QCoreApplication> app
        = QCoreApplication::instance() ? nullptr : std::make_unique<QCoreApplication>(argc, argv);
    QTemporaryDir dir;
    Lede::Library library;
};

Fixture &fixture()
{
    static const std::unique_ptr<Fixture> f = [] {
        auto made = std::make_unique<Fixture>();
        if (!made->dir.isValid() || !made->library.open(made->dir.filePath(u"fuzz.lede"_s)))
            std::abort();
        Lede::Article first;
        first.title = u"Export rules"_s;
        first.url = u"https://example.org/export-rules"_s;
        first.text = u"Nvidia said on Tuesday that sales of its H20 accelerator to China now need a licence.\n\n"
                     "Analysts in Taipei said buyers had stocked up for months before the rule."_s;
        Lede::Article second;
        second.title = u"Fabs"_s;
        second.text = u"TSMC will build a second fab in Kumamoto.\n\nSMIC and Huawei answered with a plan of "
                      "their own, 中芯国际 said."_s;
        if (!made->library.addArticle(first) || !made->library.addArticle(second))
            std::abort();
        return made;
    }();
    return *f;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    LedeFuzz::quietQt();
    fixture();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Lede::Library &library = fixture().library;
    QString error;
    const std::optional<Lede::AnnotationImportSummary> summary
        = Lede::importAnnotationsJsonLd(library, LedeFuzz::bytes(data, size), &error);
    if (!summary && error.isEmpty())
        std::abort(); // a document that cannot be read says why
    if (summary && (summary->added < 0 || summary->orphaned > summary->added))
        std::abort();
    // What was added is a whole annotation on a real article: its passage lies inside the text.
    for (const Lede::Annotation &a : library.allAnnotations()) {
        const std::optional<Lede::Article> article = library.article(a.articleId);
        if (!article || (!a.orphan && (a.start < 0 || a.end > article->text.size() || a.start >= a.end)))
            std::abort();
    }
    QSqlQuery q(library.database());
    if (!q.exec(u"DELETE FROM annotations"_s))
        std::abort(); // a transaction left open, or a broken library
    return 0;
}
