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

#include <QSignalSpy>
#include <QSocketNotifier>
#include <QTemporaryDir>
#include <QtTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
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

QString hostilePage(const QString &base)
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
        "<link rel=\"icon\" href=\"BASE/favicon.ico\"><link rel=\"dns-prefetch\" href=\"BASE/dns\">\n"
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
        "<svg><image href=\"BASE/svg.png\" width=\"10\" height=\"10\"/></svg><img src=\"file:///etc/hostname\"></p>\n"
        "<p style=\"background-image:url(BASE/inline.png)\">Links: <a href=\"javascript:fetch('BASE/js')\">a "
        "script</a>,\n"
        "<a href=\"file:///etc/passwd\">a file</a>, <a href=\"BASE/link\">a page</a>, <a "
        "href=\"relative.html\">relative</a>.</p>\n"
        "</article></body></html>")
        .replace(u"BODY"_s, body)
        .replace(u"BASE"_s, base);
}

QString hostileMarkdown(const QString &base)
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
                          "[script](javascript:fetch('BASE/md-js')).\n"
                          "")
        .replace(u"BASE"_s, base);
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
        const QString page = dir.filePath(u"hostile.html"_s);
        const QString clipping = dir.filePath(u"hostile.md"_s);
        for (const auto &[path, text] :
            {std::pair{page, hostilePage(base)}, std::pair{clipping, hostileMarkdown(base)}}) {
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
        QTest::qWait(1500); // anything loaded late would arrive by now
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
