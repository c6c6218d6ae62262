#include "models/replicationalertpolicy.h"

namespace mcphub {

namespace {

QString standbyKey(const StandbyLink &s)
{
    return s.applicationName + QLatin1Char('@') + s.clientAddress;
}

QString lagText(const std::optional<double> &seconds, const std::optional<qint64> &bytes)
{
    return QCoreApplication::translate("ReplicationAlertPolicy", "%1 s, %2 bytes")
        .arg(seconds ? QString::number(*seconds, 'f', 1) : QStringLiteral("?"),
             bytes ? QString::number(*bytes) : QStringLiteral("?"));
}

} // namespace

void ReplicationAlertPolicy::load(const QSettings &settings)
{
    m_thresholds = ReplicationLagThresholds::load(settings);
}

bool ReplicationAlertPolicy::lagging(const std::optional<double> &seconds,
                                     const std::optional<qint64> &bytes) const
{
    return m_thresholds.exceeded(seconds, bytes);
}

QList<HubAlert> ReplicationAlertPolicy::consider(const ReplicationStatus &status)
{
    QList<HubAlert> alerts;
    auto raise = [&](HubAlert::Kind kind, const QString &title, const QString &message) {
        HubAlert a;
        a.kind = kind;
        a.hub = status.server;
        a.at = status.readAt.isValid() ? status.readAt : QDateTime::currentDateTimeUtc();
        a.title = title;
        a.message = message;
        alerts << a;
    };
    const QString threshold
        = tr("the threshold is %1 s or %2 bytes")
              .arg(QString::number(m_thresholds.seconds), QString::number(m_thresholds.bytes));

    if (status.role == ReplicationStatus::Role::Primary) {
        QSet<QString> now;
        QSet<QString> lagNow;
        for (const StandbyLink &s : status.standbys) {
            const QString key = standbyKey(s);
            now.insert(key);
            if (m_seen && !m_standbys.contains(key)) {
                raise(
                    HubAlert::Kind::Recovered,
                    tr("Standby %1 is streaming").arg(key),
                    tr("Standby %1 streams from %2 again (%3).").arg(key, status.server, s.state));
            }
            if (lagging(s.replayLagSeconds, s.replayLagBytes)) {
                lagNow.insert(key);
                if (!m_lagging.contains(key)) {
                    raise(HubAlert::Kind::StateWorse,
                          tr("Standby %1 lags behind").arg(key),
                          tr("Standby %1 of %2 replays %3 behind; %4.")
                              .arg(key,
                                   status.server,
                                   lagText(s.replayLagSeconds, s.replayLagBytes),
                                   threshold));
                }
            } else if (m_lagging.contains(key)) {
                raise(HubAlert::Kind::Recovered,
                      tr("Standby %1 caught up").arg(key),
                      tr("Standby %1 of %2 replays %3 behind again.")
                          .arg(key, status.server, lagText(s.replayLagSeconds, s.replayLagBytes)));
            }
        }
        for (const QString &key : std::as_const(m_standbys)) {
            if (!now.contains(key)) {
                raise(HubAlert::Kind::StateWorse,
                      tr("Standby %1 disappeared").arg(key),
                      tr("Standby %1 no longer streams from %2: it stopped, or lost its "
                         "connection.")
                          .arg(key, status.server));
            }
        }
        m_standbys = now;
        m_lagging = lagNow;
    } else if (status.role == ReplicationStatus::Role::Standby) {
        const bool receiving = status.receiverStatus == QLatin1String("streaming");
        if (m_seen && m_receiving && !receiving) {
            raise(HubAlert::Kind::StateWorse,
                  tr("Standby %1 lost its primary").arg(status.server),
                  tr("Standby %1 receives nothing from its primary (%2).")
                      .arg(status.server, status.primaryAddress()));
        } else if (m_seen && !m_receiving && receiving) {
            raise(HubAlert::Kind::Recovered,
                  tr("Standby %1 streams again").arg(status.server),
                  tr("Standby %1 streams from %2 again.")
                      .arg(status.server, status.primaryAddress()));
        }
        m_receiving = receiving;
        const bool lagNow = lagging(status.replayLagSeconds, status.replayLagBytes);
        if (lagNow && !m_lagging.contains(QString())) {
            raise(HubAlert::Kind::StateWorse,
                  tr("Standby %1 lags behind").arg(status.server),
                  tr("Standby %1 replays %2 behind %3; %4.")
                      .arg(status.server,
                           lagText(status.replayLagSeconds, status.replayLagBytes),
                           status.primaryAddress(),
                           threshold));
        } else if (!lagNow && m_lagging.contains(QString())) {
            raise(HubAlert::Kind::Recovered,
                  tr("Standby %1 caught up").arg(status.server),
                  tr("Standby %1 replays %2 behind again.")
                      .arg(status.server, lagText(status.replayLagSeconds, status.replayLagBytes)));
        }
        m_lagging = lagNow ? QSet<QString>{QString()} : QSet<QString>{};
    }
    m_seen = true;
    return alerts;
}

} // namespace mcphub
