#pragma once

#include "storage/hub/hubrepository.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace mcphub {

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

private:
    void updateAuthFields();

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
};

} // namespace mcphub
