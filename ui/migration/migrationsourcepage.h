#pragma once

#include <QWizardPage>

class QFormLayout;
class QLabel;
class QLineEdit;

namespace mcphub {

// The wizard's first page: the settings file to migrate (it must exist) and, optionally, a
// usage log and an access log as JSON lines.
class MigrationSourcePage : public QWizardPage
{
    Q_OBJECT

public:
    explicit MigrationSourcePage(QWidget *parent = nullptr);

    QString settingsPath() const;
    QString usageLogPath() const;
    QString accessLogPath() const;
    QLineEdit *settingsEdit() const { return m_settings; }
    QLineEdit *usageLogEdit() const { return m_usageLog; }
    QLineEdit *accessLogEdit() const { return m_accessLog; }

    bool isComplete() const override;

private:
    QLineEdit *addFileRow(QFormLayout *form,
                          const QString &label,
                          const QString &dialogTitle,
                          const QString &filter);

    QLineEdit *m_settings = nullptr;
    QLineEdit *m_usageLog = nullptr;
    QLineEdit *m_accessLog = nullptr;
    QLabel *m_problem = nullptr;
};

} // namespace mcphub
