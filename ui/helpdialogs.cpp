// SPDX-License-Identifier: MIT
#include "helpdialogs.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace Lede {

using namespace Qt::StringLiterals;

namespace {

void addRows(const QMenu *menu, const QString &path, QString &rows)
{
    for (const QAction *action : menu->actions()) {
        if (action->isSeparator())
            continue;
        const QString name = QString(action->text()).remove(u'&');
        if (const QMenu *sub = action->menu()) {
            addRows(sub, path + u" › "_s + name, rows);
            continue;
        }
        const QList<QKeySequence> keys = action->shortcuts();
        if (keys.isEmpty())
            continue;
        QStringList shown;
        for (const QKeySequence &k : keys)
            shown.append(k.toString(QKeySequence::NativeText).toHtmlEscaped());
        rows += u"<tr><td>%1</td><td>%2</td><td><b>%3</b></td></tr>"_s.arg(
            path.toHtmlEscaped(), name.toHtmlEscaped(), shown.join(u", "_s));
    }
}

} // namespace

QString shortcutsHtml(const QMenuBar *menus)
{
    QString rows;
    for (const QAction *action : menus->actions()) {
        if (const QMenu *menu = action->menu())
            addRows(menu, QString(action->text()).remove(u'&'), rows);
    }
    return u"<table cellspacing=\"0\" cellpadding=\"4\"><tr><th align=\"left\">%1</th><th align=\"left\">%2</th>"
           "<th align=\"left\">%3</th></tr>%4</table>"_s.arg(
               QObject::tr("Menu"), QObject::tr("Action"), QObject::tr("Keys"), rows);
}

QString usingLedeMarkdown()
{
    QFile readme(u":/help/README.md"_s);
    if (!readme.open(QIODevice::ReadOnly))
        return QObject::tr("The help text is missing from this build.");
    const QString text = QString::fromUtf8(readme.readAll());
    const qsizetype start = text.indexOf(u"## Using Lede"_s);
    if (start < 0)
        return text;
    const qsizetype end = text.indexOf(u"\n## "_s, start + 1);
    return text.mid(start, end < 0 ? -1 : end - start);
}

void showHelpWindow(
    QWidget *parent, const QString &objectName, const QString &title, const QString &text, bool markdown)
{
    if (auto *open = parent->findChild<QDialog *>(objectName)) {
        open->raise();
        open->activateWindow();
        return;
    }
    auto *dialog = new QDialog(parent);
    dialog->setObjectName(objectName);
    dialog->setWindowTitle(title);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *browser = new QTextBrowser(dialog);
    browser->setObjectName(u"helpText"_s);
    browser->setOpenExternalLinks(true);
    if (markdown)
        browser->setMarkdown(text);
    else
        browser->setHtml(text);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(browser, 1);
    layout->addWidget(buttons);
    dialog->resize(640, 520);
    dialog->show();
}

} // namespace Lede
