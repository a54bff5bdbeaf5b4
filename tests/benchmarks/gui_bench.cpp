// SPDX-License-Identifier: MIT
// Imports 2,000 articles through the real main window (offscreen) and measures how long the GUI
// thread goes without turning its event loop: the longest gap between two ticks of a 2 ms timer,
// less the 2 ms. The goal named for it is a longest stall under 50 ms; the ratio against that is
// printed beside the figures.
//
//   bench_gui SHARED_DIR
#include "corpustext.h"
#include "kb/knowledgebase.h"
#include "link/linker.h"
#include "mainwindow.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QElapsedTimer>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <random>

using namespace Qt::StringLiterals;

namespace {

constexpr int articleCount = 2000;
constexpr int tickMs = 2;
constexpr double stallGoalMs = 50.0;

[[noreturn]] void die(const QString &message)
{
    std::fprintf(stderr, "bench_gui: %s\n", qPrintable(message));
    std::exit(1);
}

// Records the gaps between timer ticks while it runs.
class StallMeter : public QObject
{
public:
    StallMeter()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(tickMs);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const double now = m_clock.nsecsElapsed() / 1e6;
            m_gaps.append(std::max(0.0, now - m_last - tickMs));
            if (now - m_last > 30 && qEnvironmentVariableIsSet("LEDE_BENCH_TRACE"))
                std::fprintf(stderr, "stall %.1f ms ending at %.1f ms\n", now - m_last, now);
            m_last = now;
        });
    }
    void start()
    {
        m_gaps.clear();
        m_clock.start();
        m_last = 0;
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    double max() const { return m_gaps.isEmpty() ? 0 : *std::max_element(m_gaps.cbegin(), m_gaps.cend()); }
    double percentile(double p) const
    {
        if (m_gaps.isEmpty())
            return 0;
        QList<double> sorted = m_gaps;
        std::sort(sorted.begin(), sorted.end());
        return sorted.at(std::min<qsizetype>(sorted.size() - 1, qsizetype(p * double(sorted.size()))));
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    double m_last = 0;
    QList<double> m_gaps;
};

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    if (argc < 2)
        die(u"usage: bench_gui SHARED_DIR"_s);
    QTemporaryDir dir;
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"LedeBench"_s);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.filePath(u"settings"_s));

    const QStringList paragraphs = LedeBench::realParagraphs(QString::fromLocal8Bit(argv[1]));
    if (paragraphs.isEmpty())
        die(u"no corpus text under "_s + QString::fromLocal8Bit(argv[1]));
    std::mt19937 rng(2026);
    QDir articles(dir.filePath(u"articles"_s));
    articles.mkpath(u"."_s);
    for (int i = 0; i < articleCount; ++i) {
        QFile f(articles.filePath(u"article-%1.txt"_s.arg(i, 5, 10, QChar(u'0'))));
        if (!f.open(QIODevice::WriteOnly))
            die(u"cannot write "_s + f.fileName());
        // The first paragraph makes each article distinct, whatever paragraphs were drawn.
        f.write((u"Dispatch %1 of the desk, filed for the benchmark.\n\n"_s.arg(i)
            + LedeBench::randomArticle(paragraphs, rng, 4, 12))
                    .toUtf8());
    }

    auto linker = std::make_shared<const Lede::Linker>(Lede::KnowledgeBase::loadBuiltin());
    Lede::MainWindow window(linker);
    window.resize(1440, 900);
    window.show();
    const QString libraryPath = dir.filePath(u"bench.lede"_s);
    if (!window.openLibrary(libraryPath))
        die(u"cannot open "_s + libraryPath);

    StallMeter meter;
    QElapsedTimer wall;
    Lede::ImportSummary summary;
    QObject::connect(&window, &Lede::MainWindow::importFinished, &app, [&](const Lede::ImportSummary &s) {
        summary = s;
        const double seconds = wall.nsecsElapsed() / 1e9;
        meter.stop();
        std::printf("gui.articles: %d\n", summary.added);
        std::printf("gui.import_s: %.2f\n", seconds);
        std::printf("gui.import_articles_per_s: %.1f\n", summary.added / seconds);
        std::printf("gui.max_stall_ms: %.1f\n", meter.max());
        std::printf("gui.p99_stall_ms: %.1f\n", meter.percentile(0.99));
        std::printf("gui.max_stall_ratio_vs_50ms_goal: %.2f\n", meter.max() / stallGoalMs);
        std::printf("gui.rows_shown: %d\n", window.articleModel()->rowCount());
        std::fflush(stdout);
        QTimer::singleShot(0, &app, [&] {
            // Reopening: the call itself (the list is then read off the GUI thread), for the record.
            QElapsedTimer open;
            open.start();
            window.openLibrary(libraryPath);
            std::printf("gui.reopen_ms: %.1f\n", open.nsecsElapsed() / 1e6);
            app.quit();
        });
    });
    QTimer::singleShot(200, &app, [&] {
        meter.start();
        wall.start();
        window.importPaths({articles.path()});
    });
    app.exec();
    if (summary.added != articleCount)
        die(u"imported %1 articles of %2"_s.arg(summary.added).arg(articleCount));
    return 0;
}
