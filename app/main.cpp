// SPDX-License-Identifier: MIT
// The Lede desktop application: parses the command line, loads the knowledge base, opens the
// library and shows the main window (or renders it to a PNG with --screenshot).
#include "annotationpane.h"
#include "controller/controller.h"
#include "kb/knowledgebase.h"
#include "link/linker.h"
#include "mainwindow.h"
#include "models/roles.h"
#include "readerview.h"
#include "store/library.h"

#include <QApplication>
#include <QColor>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QPalette>
#include <QSettings>
#include <QTextBrowser>
#include <QTextStream>
#include <QTimer>
#include <QTreeView>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"Lede"_s);
    QApplication::setOrganizationName(u"Lede"_s);
    QApplication::setApplicationVersion(u"0.1.0"_s);
    QApplication::setApplicationDisplayName(u"Lede"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Lede: read, link and annotate the articles of a story."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption libraryOption(
        u"library"_s, u"Open the library at PATH (created if missing)."_s, u"PATH"_s);
    const QCommandLineOption screenshotOption(
        u"screenshot"_s, u"Render the main window to FILE.png and exit."_s, u"FILE"_s);
    const QCommandLineOption filterOption(
        u"filter"_s, u"Start with the list filtered by ENTITY (e.g. company/nvidia)."_s, u"ENTITY"_s);
    const QCommandLineOption queryOption(u"query"_s,
        u"Start with TEXT in the search field (e.g. 'huawei region:malaysia -company:nvidia')."_s, u"TEXT"_s);
    const QCommandLineOption darkOption(u"dark"_s, u"With --screenshot: render with a dark palette."_s);
    const QCommandLineOption articleOption(
        u"article"_s, u"Start with the article whose title contains TEXT."_s, u"TEXT"_s);
    const QCommandLineOption sizeOption(
        u"window-size"_s, u"With --screenshot: the window's size, e.g. 800x600 (default 1440x900)."_s, u"WxH"_s);
    const QCommandLineOption sourceOption(u"source"_s, u"With --screenshot: show the article's Source tab."_s);
    const QCommandLineOption libraryNotesOption(
        u"all-annotations"_s, u"With --screenshot: the annotations panel lists the whole library's."_s);
    const QCommandLineOption selectOption(
        u"select"_s, u"With --screenshot: select the first TEXT in the article shown."_s, u"TEXT"_s);
    parser.addOption(sourceOption);
    parser.addOption(libraryNotesOption);
    parser.addOption(selectOption);
    parser.addOption(sizeOption);
    parser.addOption(libraryOption);
    parser.addOption(screenshotOption);
    parser.addOption(filterOption);
    parser.addOption(articleOption);
    parser.addOption(queryOption);
    parser.addOption(darkOption);
    parser.addPositionalArgument(u"files"_s, u"Files or folders to import."_s, u"[FILE|DIR…]"_s);
    parser.process(app);

    QStringList kbErrors;
    auto kb = Lede::KnowledgeBase::loadBuiltin(&kbErrors);
    for (const QString &e : std::as_const(kbErrors))
        std::fprintf(stderr, "lede: knowledge base: %s\n", qPrintable(e));
    auto linker = std::make_shared<const Lede::Linker>(kb);

    const bool screenshot = parser.isSet(screenshotOption);
    if (screenshot && parser.isSet(darkOption)) {
        // A dark desktop's colours, to check how the window reads on one.
        QApplication::setStyle(u"Fusion"_s);
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
        dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
        dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
        dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Highlight, QColor(0x3d, 0x7a, 0xc6));
        dark.setColor(QPalette::HighlightedText, Qt::white);
        dark.setColor(QPalette::ToolTipBase, QColor(0x35, 0x35, 0x35));
        dark.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Disabled, QPalette::Text, QColor(0x70, 0x70, 0x70));
        QApplication::setPalette(dark);
    }

    Lede::MainWindow window(linker);
    QString path = parser.value(libraryOption);
    const bool explicitLibrary = !path.isEmpty();
    if (!explicitLibrary)
        path = QSettings().value(u"library/path"_s, Lede::Library::defaultPath()).toString();
    if (!window.openLibrary(path, /*seedSamples=*/!explicitLibrary || screenshot))
        return 1;

    auto whenIdle = [&](auto &&then) {
        // Waits until the library is read and any import (the first-run samples, or files given on
        // the command line) and re-link is done.
        Lede::Controller *controller = window.controller();
        if (controller->isBusy())
            QObject::connect(controller, &Lede::Controller::idle, &window, then, Qt::SingleShotConnection);
        else
            QTimer::singleShot(0, &window, then);
    };

    const QStringList files = parser.positionalArguments();
    if (!files.isEmpty())
        whenIdle([&] { window.importPaths(files); });

    if (screenshot) {
        const QString target = parser.value(screenshotOption);
        whenIdle([&] {
            whenIdle([&] {
                const QString wanted = parser.value(articleOption);
                QAbstractItemModel *list = window.articleModel();
                for (int row = 0; row < list->rowCount(); ++row) {
                    const QModelIndex index = list->index(row, 0);
                    if (wanted.isEmpty() || index.data().toString().contains(wanted, Qt::CaseInsensitive)) {
                        window.showArticle(index.data(Lede::ArticleIdRole).toLongLong());
                        break;
                    }
                }
                for (const QString &f : parser.values(filterOption))
                    window.addFilter(f);
                if (parser.isSet(queryOption))
                    window.controller()->setQuery(parser.value(queryOption));
                if (parser.isSet(libraryNotesOption))
                    window.annotationPane()->setWholeLibrary(true);
                if (parser.isSet(selectOption)) {
                    const qsizetype at = window.reader()->article().text.indexOf(parser.value(selectOption));
                    if (at >= 0) {
                        window.reader()->textView()->setFocus();
                        window.reader()->selectRange(at, at + parser.value(selectOption).size());
                    }
                }
                if (parser.isSet(sourceOption))
                    window.reader()->showSourceTab(true);
                QTimer::singleShot(parser.isSet(queryOption) ? 1500 : 400, &window, [&] {
                    const bool saved = window.grab().save(target);
                    std::fprintf(saved ? stdout : stderr, saved ? "%s\n" : "lede: cannot write %s\n",
                        qPrintable(QFileInfo(target).absoluteFilePath()));
                    QApplication::exit(saved ? 0 : 1);
                });
            });
        });
        QSize size(1440, 900);
        if (parser.isSet(sizeOption)) {
            const QStringList wh = parser.value(sizeOption).split(u'x');
            const QSize wanted(wh.value(0).toInt(), wh.value(1).toInt());
            if (wanted.width() < 200 || wanted.height() < 200) {
                std::fprintf(stderr, "lede: --window-size wants WIDTHxHEIGHT, e.g. 800x600\n");
                return 2;
            }
            size = wanted;
        }
        window.resize(size);
        window.show();
        return app.exec();
    }
    window.show();
    return app.exec();
}
