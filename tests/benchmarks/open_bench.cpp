// SPDX-License-Identifier: MIT
// Opens the generated library of 100,000 articles (the one bench_search generates and caches) in
// the real main window, offscreen, as a journalist would: from the start of the program until the
// window has been painted with the list's rows filled in (the view has rows, and a paint of the
// whole window has run after that, reading the rows it shows). Prints that time and the process's
// memory then, and the GUI thread's longest stall (the longest gap between two ticks of a 2 ms
// timer, less the 2 ms) while a query is typed a key at a time and the list fills, and while the
// list is scrolled from top to bottom.
//
//   bench_open [--cache DIR] [ARTICLES]
//
// DIR and ARTICLES as bench_search takes them; run bench_search first (packaging/bench search
// does), which generates the library.
#include "controller/controller.h"
#include "kb/knowledgebase.h"
#include "link/linker.h"
#include "mainwindow.h"
#include "searchfield.h"
#include "searchlibrary.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QKeyEvent>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeView>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

constexpr int tickMs = 2;

[[noreturn]] void die(const QString &message)
{
    std::fprintf(stderr, "bench_open: %s\n", qPrintable(message));
    std::exit(1);
}

// The longest gap between ticks of a timer on the GUI thread while it runs.
class StallMeter : public QObject
{
public:
    StallMeter()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(tickMs);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const double now = double(m_clock.nsecsElapsed()) / 1e6;
            m_max = std::max(m_max, now - m_last - tickMs);
            m_last = now;
        });
    }
    void start()
    {
        m_max = 0;
        m_clock.start();
        m_last = 0;
        m_timer.start();
    }
    double stop()
    {
        // The time since the last tick counts too.
        m_max = std::max(m_max, double(m_clock.nsecsElapsed()) / 1e6 - m_last - tickMs);
        m_timer.stop();
        return m_max;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    double m_last = 0;
    double m_max = 0;
};

// Runs the event loop until `done` holds (checked every millisecond) or `seconds` pass.
bool waitFor(const std::function<bool()> &done, double seconds)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (double(t.elapsed()) / 1000.0 > seconds)
            return false;
        QEventLoop loop;
        QTimer::singleShot(1, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

void pause(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceStart; // what the journalist waits: from the program's start
    sinceStart.start();
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    QString cacheDir = LedeBench::defaultSearchCache();
    if (const qsizetype i = args.indexOf(u"--cache"_s); i >= 0 && i + 1 < args.size()) {
        cacheDir = args.at(i + 1);
        args.remove(i, 2);
    }
    const qsizetype articles = args.isEmpty() ? 100000 : args.first().toLongLong();
    const QString path = LedeBench::searchLibraryPath(cacheDir, articles);
    if (!QFile::exists(path))
        die(u"no generated library at %1: run bench_search first"_s.arg(path));
    // Settings of its own, so the window opens as on a first run.
    QTemporaryDir dir;
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"LedeBench"_s);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.filePath(u"settings"_s));

    auto linker = std::make_shared<const Lede::Linker>(Lede::KnowledgeBase::loadBuiltin());
    Lede::MainWindow window(linker);
    window.resize(1440, 900);
    window.show();
    QElapsedTimer sinceOpen;
    sinceOpen.start();
    if (!window.openLibrary(path))
        die(u"cannot open "_s + path);
    QAbstractItemModel *list = window.articleModel();
    QTreeView *view = window.articleView();
    // Painted with the list filled in: rows in the view, then the whole window painted after that
    // (which reads the rows on screen), and the first row's title there.
    if (!waitFor([&] { return list->rowCount() > 0; }, 120))
        die(u"the list stayed empty"_s);
    window.grab();
    const QString firstTitle = list->index(0, 0).data().toString();
    const double openSeconds = double(sinceStart.nsecsElapsed()) / 1e9;
    const double libraryOpenSeconds = double(sinceOpen.nsecsElapsed()) / 1e9;
    const double openRss = LedeBench::rssMb();
    if (firstTitle.isEmpty())
        die(u"the list's first row has no title"_s);
    std::printf("open.100k_s: %.3f\n", openSeconds);
    std::printf("open.100k_rss_mb: %.0f\n", openRss);
    std::printf("open.100k_from_open_library_s: %.3f\n", libraryOpenSeconds);
    std::printf("open.rows: %d\n", list->rowCount());
    std::fflush(stdout);

    Lede::Controller *controller = window.controller();
    // The window settles: the counts and the first search (weeks) arrive.
    waitFor([&] { return !controller->isBusy() && !controller->isSearching(); }, 120);
    pause(600);
    waitFor([&] { return !controller->isSearching(); }, 120);

    // The floor: the longest stall of the window doing nothing, on this machine now.
    StallMeter idle;
    idle.start();
    pause(3000);
    std::printf("gui.idle_max_stall_ms: %.1f\n", idle.stop());

    // Typing a query a key at a time (a key every 120 ms), then until its result is listed.
    auto *field = window.findChild<Lede::SearchField *>(u"searchField"_s);
    if (!field)
        die(u"no search field"_s);
    QPlainTextEdit *editor = field->editor();
    editor->setFocus();
    StallMeter meter;
    bool searched = false;
    QObject::connect(controller, &Lede::Controller::searchFinished, &app, [&] { searched = true; });
    meter.start();
    const QString typed = u"huawei malaysia"_s;
    for (const QChar c : typed) {
        QKeyEvent press(
            QEvent::KeyPress, c == u' ' ? Qt::Key_Space : Qt::Key(c.toUpper().unicode()), Qt::NoModifier, QString(c));
        QCoreApplication::sendEvent(editor, &press);
        QKeyEvent release(
            QEvent::KeyRelease, c == u' ' ? Qt::Key_Space : Qt::Key(c.toUpper().unicode()), Qt::NoModifier, QString(c));
        QCoreApplication::sendEvent(editor, &release);
        pause(120);
    }
    searched = false;
    if (!waitFor([&] { return searched && !controller->isSearching() && controller->query() == typed; }, 60))
        die(u"the search for \"%1\" did not finish"_s.arg(typed));
    window.grab();
    pause(300);
    const double typingStall = meter.stop();
    std::printf("gui.typing_max_stall_ms: %.1f\n", typingStall);
    std::printf("gui.typing_result_rows: %d\n", list->rowCount());
    std::fflush(stdout);

    // Back to the whole library, then scrolled from the top to the bottom as a drag of the
    // scroll bar does: 400 steps, each painted.
    controller->setQuery(QString());
    if (!waitFor([&] { return !controller->isSearching() && list->rowCount() > 50000; }, 60))
        die(u"the whole list did not come back"_s);
    window.grab();
    pause(300);
    QScrollBar *bar = view->verticalScrollBar();
    meter.start();
    constexpr int steps = 400;
    for (int i = 0; i <= steps; ++i) {
        QElapsedTimer step;
        step.start();
        bar->setValue(int(qint64(bar->maximum()) * i / steps));
        view->viewport()->repaint();
        if (qEnvironmentVariableIsSet("LEDE_BENCH_TRACE") && step.elapsed() > 30)
            std::fprintf(stderr, "scroll step %d: %lld ms\n", i, static_cast<long long>(step.elapsed()));
        pause(4);
    }
    const double scrollStall = meter.stop();
    // The lowest row painted: the first index found going up from the viewport's bottom edge.
    QModelIndex last;
    for (int y = view->viewport()->height() - 1; y >= 0 && !last.isValid(); --y)
        last = view->indexAt(QPoint(view->viewport()->width() / 2, y));
    std::printf("gui.scroll_max_stall_ms: %.1f\n", scrollStall);
    std::printf("gui.scroll_last_row_shown: %d\n", last.isValid() ? last.row() + 1 : -1);
    std::printf("gui.scroll_rows: %d\n", list->rowCount());
    std::printf("gui.max_stall_ms: %.1f\n", std::max(typingStall, scrollStall));
    std::printf("gui.rss_mb_after_scroll: %.0f\n", LedeBench::rssMb());
    std::fflush(stdout);
    return 0;
}
