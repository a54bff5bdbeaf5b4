// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace Lede {

/// File → Restore Backup…: the library's backups, newest first, with when each was made, why
/// (daily, before an upgrade, before a restore), its size and how many articles it holds (counted
/// off the GUI thread). Restore asks for confirmation, naming the backup and saying that the
/// library as it is now is kept as a backup first; then the dialog is accepted with the backup
/// chosen.
class RestoreDialog : public QDialog
{
    Q_OBJECT
public:
    explicit RestoreDialog(const QString &libraryPath, QWidget *parent = nullptr);

    /// The backup chosen (after accept()).
    QString selectedBackup() const { return m_selected; }
    QTreeWidget *list() const { return m_list; }
    /// What a backup's file name says about it: "daily", "before an upgrade to schema 3"…
    static QString describeKind(const QString &backupPath);

private:
    void confirmRestore();
    QString m_libraryPath;
    QString m_selected;
    QTreeWidget *m_list;
    QPushButton *m_restore;
};

} // namespace Lede
