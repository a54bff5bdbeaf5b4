// SPDX-License-Identifier: MIT
// Privacy: importing, reading, viewing the source of and exporting hostile pages makes no network
// request. The pages point every kind of remote resource (img, srcset, picture, script, link,
// iframe, object, embed, video, audio, CSS url() and @import, meta refresh, SVG image, base, file:
// and javascript: URLs) at an HTTP server on the loopback address, and the real window shows them;
// the server counts the connections it receives, which must be none.

#include "controller/controller.h"
#include "kb/knowledgebase.h"
#include "link/linker.h"
#include "mainwindow.h"
#include "models/roles.h"
#include "readerview.h"
#include "testpaths.h"

#include <QApplication>
#include <QDesktopServices>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSocketNotifier>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

/// An HTTP server on the loopback address that answers every request with 404 and counts them.
class LoopbackServer : public QObject
{
public:
    LoopbackServer()
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (m_fd < 0 || ::bind(m_fd, reinterpret_cast<sockaddr *>(&address), length) != 0 || ::listen(m_fd, 64) != 0
            || ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&address), &length) != 0)
            return;
        m_port = ntohs(address.sin_port);
        m_notifier = new QSocketNotifier(qintptr(m_fd), QSocketNotifier::Read, this);
        connect(m_notifier, &QSocketNotifier::activated, this, [this] {
            for (int client; (client = ::accept4(m_fd, nullptr, nullptr, SOCK_CLOEXEC)) >= 0;) {
                ++m_requests;
                char line[512] = {};
                const ssize_t n = ::recv(client, line, sizeof line - 1, 0);
                m_seen.append(QString::fromLatin1(line, n > 0 ? n : 0).section(u'\n', 0, 0).trimmed());
                static const char reply[] = "HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\n\r\n";
                (void)::send(client, reply, sizeof reply - 1, MSG_NOSIGNAL);
                ::close(client);
            }
        });
    }
    ~LoopbackServer() override
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    quint16 port() const { return m_port; }
    int requests() const { return m_requests; }
    QStringList seen() const { return m_seen; }

private:
    int m_fd = -1;
    quint16 m_port = 0;
    int m_requests = 0;
    QStringList m_seen;
    QSocketNotifier *m_notifier = nullptr;
};

QString hostilePage(const QString &base, const QString &local)
{
    QString body;
    for (int i = 0; i < 6; ++i)
        body += u"<p>Nvidia said on Tuesday that sales of its H20 accelerator to customers in China now need a "
                "licence, and analysts in Taipei said buyers had stocked up for months before the rule. "
                "Paragraph %1 goes on about TSMC, Huawei and SMIC at some length so that it is read as "
                "the body of the article.</p>\n"_s.arg(i);
    return QStringLiteral(
        "<!doctype html><html><head><meta charset=\"utf-8\">\n"
        "<title>Hostile page</title>\n"
        "<base href=\"BASE/base/\">\n"
        "<meta http-equiv=\"refresh\" content=\"0; url=BASE/refresh\">\n"
        "<link rel=\"stylesheet\" href=\"BASE/style.css\"><link rel=\"preload\" href=\"BASE/preload\" as=\"image\">\n"
        "<link rel=\"stylesheet\" href=\"LOCAL/secret.css\"><link rel=\"icon\" href=\"BASE/favicon.ico\"><link "
        "rel=\"dns-prefetch\" href=\"BASE/dns\">\n"
        "<style>body { background: url(BASE/css-bg.png) } @import url(\"BASE/import.css\");\n"
        "@font-face { font-family: x; src: url(BASE/font.woff2) }</style>\n"
        "<script src=\"BASE/script.js\"></script><script>fetch('BASE/fetch'); new Image().src = "
        "'BASE/beacon';</script>\n"
        "</head><body onload=\"fetch('BASE/onload')\"><article><h1>Hostile page</h1>\n"
        "BODY\n"
        "<p><img src=\"BASE/img.png\" srcset=\"BASE/img-2x.png 2x, BASE/img-3x.png 3x\" alt=\"an image\">\n"
        "<picture><source srcset=\"BASE/source.webp\" type=\"image/webp\"><img src=\"BASE/picture.png\"></picture>\n"
        "<iframe src=\"BASE/iframe.html\"></iframe><object data=\"BASE/object.swf\"></object><embed "
        "src=\"BASE/embed\">\n"
        "<video src=\"BASE/video.mp4\" poster=\"BASE/poster.png\"></video><audio src=\"BASE/audio.mp3\"></audio>\n"
        "<svg><image href=\"BASE/svg.png\" width=\"10\" height=\"10\"/></svg><img src=\"file:///etc/hostname\">\n"
        "<img src=\"LOCAL/secret.png\"><iframe src=\"LOCAL/secret.html\"></iframe><a href=\"LOCAL/secret.html\">a "
        "local "
        "file</a><span style=\"background:url(LOCAL/secret.png)\">x</span></p>\n"
        "<p style=\"background-image:url(BASE/inline.png)\">Links: <a href=\"javascript:fetch('BASE/js')\">a "
        "script</a>,\n"
        "<a href=\"file:///etc/passwd\">a file</a>, <a href=\"BASE/link\">a page</a>, <a "
        "href=\"relative.html\">relative</a>.</p>\n"
        "</article></body></html>")
        .replace(u"BODY"_s, body)
        .replace(u"BASE"_s, base)
        .replace(u"LOCAL"_s, local);
}

QString hostileMarkdown(const QString &base, const QString &local)
{
    return QStringLiteral("---\n"
                          "title: Hostile clipping\n"
                          "url: BASE/clipping\n"
                          "image: BASE/front-matter.png\n"
                          "---\n"
                          "# Hostile clipping\n"
                          "\n"
                          "Nvidia said its H20 sales to China need a licence. ![remote](BASE/md.png) and <img "
                          "src=\"BASE/md-html.png\">.\n"
                          "\n"
                          "[a link](BASE/md-link) and <iframe src=\"BASE/md-iframe\"></iframe> and "
                          "[script](javascript:fetch('BASE/md-js')) and ![local](LOCAL/secret.png).\n"
                          "")
        .replace(u"BASE"_s, base)
        .replace(u"LOCAL"_s, local);
}

/// The time a file was last read. Set back before its last change, so that any read at all moves
/// it again (relatime updates the access time only when it is older than the change time).
struct timespec accessTime(const QString &path)
{
    struct stat st
    { };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return {};
    return st.st_atim;
}

bool setAccessTimeBack(const QString &path)
{
    struct stat st
    { };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return false;
    struct timespec times[2] = {st.st_mtim, st.st_mtim};
    times[0].tv_sec -= 3600;
    return ::utimensat(AT_FDCWD, QFile::encodeName(path).constData(), times, 0) == 0;
}

bool operator==(const struct timespec &a, const struct timespec &b)
{
    return a.tv_sec == b.tv_sec && a.tv_nsec == b.tv_nsec;
}

/// Stands in for the system browser: records what it was asked to open.
class BrowserStandIn : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> opened;
public Q_SLOTS:
    void open(const QUrl &url) { opened.append(url); }
};

/// Answers the next message box with `button`, after noting its text; the box's texts end in `seen`.
void answerNextBox(QMessageBox::StandardButton button, QString *seen)
{
    QTimer::singleShot(0, [button, seen] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box) {
            answerNextBox(button, seen); // not shown yet
            return;
        }
        *seen = box->objectName() + u": "_s + box->text() + u" "_s + box->informativeText();
        box->button(button)->click();
    });
}

} // namespace

class TestPrivacy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noRequestFromHostilePages()
    {
        QTemporaryDir dir;
        LedeTest::isolateSettings(dir.path());

        LoopbackServer server;
        QVERIFY(server.port() != 0);
        const QString base = u"http://127.0.0.1:%1"_s.arg(server.port());
        // Files outside the library that the pages point at (file: URLs): never to be opened.
        QTemporaryDir elsewhere;
        QStringList secrets;
        QList<struct timespec> setBack;
        for (const QString &name : {u"secret.png"_s, u"secret.css"_s, u"secret.html"_s}) {
            const QString path = elsewhere.filePath(name);
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("not to be read\n");
            file.close();
            QVERIFY(setAccessTimeBack(path));
            secrets.append(path);
            setBack.append(accessTime(path));
        }
        const QString local = QUrl::fromLocalFile(elsewhere.path()).toString();
        const QString page = dir.filePath(u"hostile.html"_s);
        const QString clipping = dir.filePath(u"hostile.md"_s);
        for (const auto &[path, text] :
            {std::pair{page, hostilePage(base, local)}, std::pair{clipping, hostileMarkdown(base, local)}}) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(text.toUtf8());
        }

        const auto linker = std::make_shared<const Lede::Linker>(Lede::KnowledgeBase::loadBuiltin());
        Lede::MainWindow window(linker);
        QSignalSpy imported(&window, &Lede::MainWindow::importFinished);
        QVERIFY(window.openLibrary(dir.filePath(u"privacy.lede"_s)));
        window.importPaths({page, clipping});
        QVERIFY(imported.wait(60000));
        QTRY_VERIFY(!window.controller()->isBusy());
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QAbstractItemModel *list = window.articleModel();
        QCOMPARE(list->rowCount(), 2);
        int articles = 0;
        for (int row = 0; row < list->rowCount(); ++row) {
            const qint64 id = list->index(row, 0).data(Lede::ArticleIdRole).toLongLong();
            QVERIFY(id > 0);
            window.showArticle(id);
            QTest::qWait(300);
            window.reader()->showSourceTab(true);
            QTest::qWait(500);
            window.reader()->showSourceTab(false);
            QTRY_VERIFY_WITH_TIMEOUT(window.controller()->annotate(0, 4, u"yellow"_s, u"a note"_s), 20000);
            ++articles;
        }
        const QString exported = dir.filePath(u"notes.md"_s);
        QSignalSpy done(window.controller(), &Lede::Controller::exportFinished);
        window.controller()->exportAnnotations(exported);
        QVERIFY(done.wait(30000));
        QVERIFY(QFileInfo::exists(exported));
        // Links: the address the clipping gives is shown in full and asked about; nothing opens
        // unless the journalist says so, and file: and javascript: links are refused.
        BrowserStandIn browser;
        for (const QString &scheme : {u"http"_s, u"https"_s, u"file"_s, u"javascript"_s})
            QDesktopServices::setUrlHandler(scheme, &browser, "open");
        auto *meta = window.reader()->findChild<QLabel *>(u"readerMeta"_s);
        QVERIFY(meta);
        int linksChecked = 0;
        for (int row = 0; row < list->rowCount(); ++row) {
            const qint64 id = list->index(row, 0).data(Lede::ArticleIdRole).toLongLong();
            window.showArticle(id);
            if (window.controller()->currentArticle().url == base + u"/clipping"_s)
                break;
        }
        QCOMPARE(window.controller()->currentArticle().url, base + u"/clipping"_s);
        QVERIFY(meta->text().contains(base + u"/clipping"_s));
        QString said;
        answerNextBox(QMessageBox::Cancel, &said);
        Q_EMIT meta->linkActivated(base + u"/clipping"_s); // a click on the address
        QVERIFY2(said.startsWith(u"openLinkBox"_s) && said.contains(base + u"/clipping"_s), qPrintable(said));
        QVERIFY(browser.opened.isEmpty());
        ++linksChecked;
        answerNextBox(QMessageBox::Open, &said);
        QVERIFY(window.openLink(QUrl(base + u"/clipping?a=1#b"_s)));
        QVERIFY2(said.contains(base + u"/clipping?a=1#b"_s), qPrintable(said));
        QCOMPARE(browser.opened, QList<QUrl>{QUrl(base + u"/clipping?a=1#b"_s)});
        ++linksChecked;
        for (const QString &hostile :
            {u"javascript:fetch('%1/js')"_s.arg(base), QUrl::fromLocalFile(secrets.last()).toString(),
                u"data:text/html,<script>fetch('%1/data')</script>"_s.arg(base)}) {
            answerNextBox(QMessageBox::Ok, &said);
            QVERIFY(!window.openLink(QUrl(hostile)));
            QVERIFY2(said.startsWith(u"refusedLinkBox"_s), qPrintable(said));
            ++linksChecked;
        }
        QCOMPARE(browser.opened.size(), 1); // only the one the journalist agreed to
        for (const QString &scheme : {u"http"_s, u"https"_s, u"file"_s, u"javascript"_s})
            QDesktopServices::unsetUrlHandler(scheme);

        QTest::qWait(1500); // anything loaded late would arrive by now
        int filesUntouched = 0;
        for (qsizetype i = 0; i < secrets.size(); ++i) {
            QVERIFY2(accessTime(secrets.at(i)) == setBack.at(i), qPrintable(u"read: "_s + secrets.at(i)));
            ++filesUntouched;
        }
        // The check does see a read: reading one of the files moves its access time.
        {
            QFile file(secrets.first());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY(!file.readAll().isEmpty());
        }
        if (accessTime(secrets.first()) == setBack.first())
            qWarning("this file system does not record reads (noatime): the check of local files saw nothing");
        else
            qInfo("privacy.local_files_untouched: %d of %lld", filesUntouched, qlonglong(secrets.size()));
        qInfo("privacy.links_checked: %d (opened only after a yes: %lld)", linksChecked,
            qlonglong(browser.opened.size()));
        qInfo("privacy.articles_shown: %d", articles);
        qInfo("privacy.requests_observed: %d", server.requests());
        QVERIFY2(server.requests() == 0, qPrintable(server.seen().join(u"; "_s)));

        // The server does count: a request made on purpose is seen.
        const int client = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = htons(server.port());
        QVERIFY(::connect(client, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0);
        static const char request[] = "GET /control HTTP/1.0\r\n\r\n";
        QVERIFY(::send(client, request, sizeof request - 1, MSG_NOSIGNAL) > 0);
        QTRY_COMPARE(server.requests(), 1);
        ::close(client);
    }
};

QTEST_MAIN(TestPrivacy)
#include "tst_privacy.moc"
