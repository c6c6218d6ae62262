#pragma once

#include <QStringList>
#include <QWidget>

class QLabel;
class QToolButton;

namespace mcphub {

// The status bar's note that the open workspace dual-writes: "Dual-write: /path/
// mcp_settings.json", and when the bound file differed from the database on opening, a
// "Drift: N" button whose Details dialog lists every difference (non-modal: the console
// stays usable). Hidden for workspaces without a bound file. GUI thread.
class DualWriteIndicator : public QWidget
{
    Q_OBJECT

public:
    explicit DualWriteIndicator(QWidget *parent = nullptr);

    // `path` empty: not dual-writing. `driftLines`: translated, as
    // SettingsFileBinding::driftWarnings gives them (empty: none).
    void setBinding(const QString &path, const QStringList &driftLines, int driftCount);

    QString text() const;
    bool driftShown() const;

public Q_SLOTS:
    void showDriftDetails();

private:
    QLabel *m_label = nullptr;
    QToolButton *m_drift = nullptr;
    QString m_path;
    QStringList m_driftLines;
    int m_driftCount = 0;
};

} // namespace mcphub
