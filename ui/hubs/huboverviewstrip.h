#pragma once

#include <QAbstractButton>
#include <QHash>
#include <QPointer>
#include <QScrollArea>

class QButtonGroup;
class QHBoxLayout;

namespace mcphub {

class HubAlertNotifier;
class HubTableModel;

// The Hubs page's overview: one compact tile per registered hub, in the registry's order,
// with its state in words and colour (up, degraded, down, unknown before the first poll) and
// a badge counting its unacknowledged events. Clicking a tile asks for that hub
// (hubClicked). Follows the hub model and the notifier; scrolls sideways when the hubs do not
// fit. GUI thread.
class HubOverviewStrip : public QScrollArea
{
    Q_OBJECT

public:
    enum class Overall { Up, Degraded, Down, Unknown };

    HubOverviewStrip(HubTableModel *hubs, HubAlertNotifier *alerts, QWidget *parent = nullptr);

    void setCurrentHub(const QString &name); // the highlighted tile
    QAbstractButton *tile(const QString &hub) const { return m_tiles.value(hub); }
    Overall overall(const QString &hub) const;
    QString stateText(const QString &hub) const; // "Up", "Degraded", "Down", "Unknown"
    int badge(const QString &hub) const;         // unacknowledged events shown on the tile

    static QString overallLabel(Overall overall); // translated
    static QColor overallColor(Overall overall);

Q_SIGNALS:
    void hubClicked(const QString &name);

private:
    void rebuild(); // the hubs changed
    void refresh(); // states or badges changed

    HubTableModel *m_hubs;
    HubAlertNotifier *m_alerts;
    QWidget *m_content;
    QHBoxLayout *m_layout;
    QButtonGroup *m_group;
    QHash<QString, QPointer<QAbstractButton>> m_tiles;
    QString m_current;
};

} // namespace mcphub
