#include "ui/monitoring/ownhealthindicator.h"

#include "storage/secretstore.h"

namespace mcphub {

OwnHealthIndicator::OwnHealthIndicator(QString connectionName,
                                       QString where,
                                       QString settingsFolder,
                                       const SecretStore &secrets,
                                       QWidget *parent)
    : QLabel(parent)
    , m_runner(new OwnHealthRunner(
          std::move(connectionName), std::move(where), std::move(settingsFolder), secrets, this))
{
    connect(m_runner, &OwnHealthRunner::checksReady, this, &OwnHealthIndicator::showChecks);
    setText(tr("Own health: not checked yet"));
    m_timer.setInterval(60'000);
    connect(&m_timer, &QTimer::timeout, this, &OwnHealthIndicator::runChecks);
}

void OwnHealthIndicator::start(int firstDelayMs)
{
    QTimer::singleShot(firstDelayMs, this, &OwnHealthIndicator::runChecks);
    m_timer.start();
}

void OwnHealthIndicator::runChecks()
{
    m_runner->start();
}

void OwnHealthIndicator::showChecks(const QList<OwnHealthCheck> &checks)
{
    m_checks = checks;
    QStringList lines;
    const OwnHealthCheck *failed = nullptr;
    for (const OwnHealthCheck &c : checks) {
        lines << QStringLiteral("%1 %2: %3")
                     .arg(c.ok ? QStringLiteral("✔") : QStringLiteral("✘"),
                          OwnHealthCheck::kindLabel(c.kind),
                          c.detail);
        if (!c.ok && !failed)
            failed = &c;
    }
    setToolTip(lines.join(QLatin1Char('\n')));
    if (failed) {
        setText(tr("Own health: %1 failing").arg(OwnHealthCheck::kindLabel(failed->kind)));
        setStyleSheet(QStringLiteral("color: #c62828"));
    } else {
        setText(tr("Own health: OK"));
        setStyleSheet(QString());
    }
}

} // namespace mcphub
