// SPDX-License-Identifier: MIT
#include "restoredialog.h"

#include "store/database.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QThreadPool>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Lede {

using namespace Qt::StringLiterals;

namespace {
enum Column { MadeColumn, KindColumn, SizeColumn, ArticlesColumn };
constexpr int pathRole = Qt::UserRole;
} // namespace

QString RestoreDialog::describeKind(const QString &backupPath)
{
    // library.lede-20261201-172200123-daily.lede
    static const QRegularExpression kindPattern(uR"(-\d{8}-\d{9}-(.+)\.lede$)"_s);
    const QString kind = kindPattern.match(QFileInfo(backupPath).fileName()).captured(1);
    if (kind == u"daily")
        return tr("daily");
    if (kind == u"before-restore")
        return tr("before a restore");
    static const QRegularExpression upgrade(uR"(^before-v(\d+)$)"_s);
    if (const QRegularExpressionMatch m = upgrade.match(kind); m.hasMatch())
        return tr("before an upgrade to schema %1").arg(m.captured(1));
    return kind;
}

RestoreDialog::RestoreDialog(const QString &libraryPath, QWidget *parent)
    : QDialog(parent), m_libraryPath(libraryPath), m_list(new QTreeWidget(this))
{
    setWindowTitle(tr("Restore Backup"));
    setObjectName(u"restoreDialog"_s);
    auto *layout = new QVBoxLayout(this);
    const QString folder = Database::backupFolder(libraryPath);
    auto *intro = new QLabel(tr("Backups of %1, kept in %2. Other Lede windows on this library read it again "
                                "once it is restored.")
                                 .arg(QFileInfo(libraryPath).fileName(), folder),
        this);
    intro->setWordWrap(true);
    intro->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(intro);

    m_list->setObjectName(u"backupList"_s);
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Made"), tr("Why"), tr("Size"), tr("Articles")});
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(MadeColumn, QHeaderView::Stretch);
    m_list->headerItem()->setTextAlignment(SizeColumn, Qt::AlignRight | Qt::AlignVCenter);
    m_list->headerItem()->setTextAlignment(ArticlesColumn, Qt::AlignRight | Qt::AlignVCenter);
    const QLocale locale;
    const QStringList backups = Database::backups(libraryPath);
    for (const QString &path : backups) {
        const QFileInfo info(path);
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(MadeColumn, locale.toString(info.lastModified(), QLocale::ShortFormat));
        item->setText(KindColumn, describeKind(path));
        item->setText(SizeColumn, locale.formattedDataSize(info.size()));
        item->setText(ArticlesColumn, tr("counting…"));
        item->setTextAlignment(SizeColumn, Qt::AlignRight | Qt::AlignVCenter);
        item->setTextAlignment(ArticlesColumn, Qt::AlignRight | Qt::AlignVCenter);
        item->setData(MadeColumn, pathRole, path);
        item->setToolTip(MadeColumn, path);
    }
    if (backups.isEmpty()) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(MadeColumn, tr("No backups yet: Lede makes one each day it runs, and before an upgrade."));
        item->setFlags(Qt::NoItemFlags);
        item->setFirstColumnSpanned(true);
    } else {
        m_list->setCurrentItem(m_list->topLevelItem(0));
    }
    layout->addWidget(m_list, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_restore = buttons->addButton(tr("&Restore…"), QDialogButtonBox::AcceptRole);
    m_restore->setObjectName(u"restoreButton"_s);
    m_restore->setEnabled(!backups.isEmpty());
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_restore, &QPushButton::clicked, this, &RestoreDialog::confirmRestore);
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, &RestoreDialog::confirmRestore);
    layout->addWidget(buttons);
    resize(640, 320);

    // Counting articles opens each backup: off the GUI thread.
    QPointer<RestoreDialog> self(this);
    for (int i = 0; i < backups.size(); ++i) {
        QThreadPool::globalInstance()->start([self, i, path = backups.at(i)] {
            const std::optional<qint64> count = Database::articleCountOf(path);
            QMetaObject::invokeMethod(
                QCoreApplication::instance(),
                [self, i, count] {
                    if (!self)
                        return;
                    if (QTreeWidgetItem *item = self->m_list->topLevelItem(i))
                        item->setText(ArticlesColumn, count ? QLocale().toString(*count) : tr("unreadable"));
                },
                Qt::QueuedConnection);
        });
    }
}

void RestoreDialog::confirmRestore()
{
    const QTreeWidgetItem *item = m_list->currentItem();
    const QString path = item ? item->data(MadeColumn, pathRole).toString() : QString();
    if (path.isEmpty())
        return;
    QMessageBox box(QMessageBox::Warning, tr("Restore Backup"),
        tr("Put the backup made %1 (%2) in place of the library?").arg(item->text(MadeColumn), item->text(KindColumn)),
        QMessageBox::NoButton, this);
    box.setObjectName(u"confirmRestoreBox"_s);
    box.setInformativeText(tr("The library as it is now is backed up first, so this can be undone by restoring "
                              "that backup. Changes made since %1 will no longer be shown.\n\n%2")
                               .arg(item->text(MadeColumn), path));
    QPushButton *restore = box.addButton(tr("Restore"), QMessageBox::AcceptRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != restore)
        return;
    m_selected = path;
    accept();
}

} // namespace Lede
