// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QProgressBar;
class QToolButton;

namespace Lede {

class Controller;

/// The status bar's view of long work: a progress bar while an import, a re-link or a
/// re-extraction runs, with Cancel for an import or a re-extraction; hidden otherwise.
class JobStatus : public QWidget
{
    Q_OBJECT
public:
    explicit JobStatus(Controller *controller, QWidget *parent = nullptr);

Q_SIGNALS:
    /// A line for the status bar (the file being imported, what a re-link does).
    void message(const QString &text);

private:
    QProgressBar *m_progress;
    QToolButton *m_cancel;
};

} // namespace Lede
