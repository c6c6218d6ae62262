#pragma once

#include "storage/hub/hubrepository.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace mcphub {

class HubClient;
class SecretStore;

// Adds or edits one hub: name, base URL, authentication (none, user + password, bearer key),
// poll interval, timeout, enabled, trusted certificate fingerprint. The password or key field
// never shows what is typed; when editing, leaving it empty keeps the stored secret. Checks
// the record with HubRepository::validate before accepting; stores nothing itself.
class HubDialog : public QDialog
{
    Q_OBJECT

public:
    explicit HubDialog(QWidget *parent = nullptr);

    void setHub(const HubRecord &hub); // editing: the name cannot change
    HubRecord hub() const;
    QString secret() const; // empty: none typed

    void accept() override;

    // Test connection: asks the hub what the form describes (checkHub: version, servers, or
    // the error) without blocking; testFinished follows. When editing with the secret field
    // empty, the stored secret is read from `secrets` (setSecrets) without blocking.
    void testConnection();
    void setSecrets(const SecretStore *secrets) { m_secrets = secrets; }
    QString testResult() const;

Q_SIGNALS:
    void testFinished(bool reached);

private:
    void updateAuthFields();
    void runTest(HubEndpoint endpoint);
    void showTestResult(const QString &text, bool problem);

    qint64 m_id = 0;
    bool m_editing = false;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_url = nullptr;
    QComboBox *m_auth = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_secret = nullptr;
    QSpinBox *m_interval = nullptr;
    QSpinBox *m_timeout = nullptr;
    QCheckBox *m_enabled = nullptr;
    QLineEdit *m_fingerprint = nullptr;
    QLabel *m_problem = nullptr;
    QPushButton *m_test = nullptr;
    QLabel *m_testResult = nullptr;
    HubClient *m_client = nullptr;
    const SecretStore *m_secrets = nullptr;
    int m_testRequest = 0;
};

} // namespace mcphub
