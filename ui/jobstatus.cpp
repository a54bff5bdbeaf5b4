// SPDX-License-Identifier: MIT
#include "jobstatus.h"

#include "controller/controller.h"

#include <QHBoxLayout>
#include <QProgressBar>
#include <QToolButton>

namespace Lede {

using namespace Qt::StringLiterals;

JobStatus::JobStatus(Controller *controller, QWidget *parent)
    : QWidget(parent), m_progress(new QProgressBar(this)), m_cancel(new QToolButton(this))
{
    m_progress->setObjectName(u"importProgress"_s);
    m_progress->setMaximumWidth(240);
    m_cancel->setObjectName(u"cancelImport"_s);
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop after the file or article the work is on; what is done stays (a stopped "
                            "re-linking is done again the next time the library is opened)."));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_progress);
    layout->addWidget(m_cancel);
    setVisible(false);

    connect(m_cancel, &QToolButton::clicked, controller, &Controller::cancelJobs);
    connect(controller, &Controller::jobStarted, this, [this, controller] {
        m_progress->setRange(0, 0); // busy until the job says how much there is
        m_cancel->setVisible(controller->isCancellable());
        setVisible(true);
    });
    connect(controller, &Controller::jobProgress, this, [this](int done, int total, const QString &what) {
        m_progress->setRange(0, total);
        m_progress->setValue(done);
        if (!what.isEmpty())
            Q_EMIT message(what);
    });
    connect(controller, &Controller::jobsIdle, this, [this] { setVisible(false); });
}

} // namespace Lede
