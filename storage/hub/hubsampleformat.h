#pragma once

#include "storage/hub/hubsample.h"

#include <QByteArray>
#include <QList>
#include <QPair>

namespace mcphub {

// Renders the latest sample of each hub for "hubs poll": aligned text for people, a JSON
// array for scripts, and the Prometheus text exposition format (0.0.4) that node_exporter's
// textfile collector reads. Pure functions; no secret is ever part of a sample.
class HubSampleFormat
{
    Q_DECLARE_TR_FUNCTIONS(HubSampleFormat)

public:
    using Latest = QList<QPair<QString, HubSample>>; // hub name, sample; in hub-name order

    static QByteArray text(const Latest &latest);
    static QByteArray json(const Latest &latest);
    static QByteArray prometheus(const Latest &latest);

    // A Prometheus label value with \, " and newline escaped.
    static QString escapeLabel(const QString &value);
};

} // namespace mcphub
