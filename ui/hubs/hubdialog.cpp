#include "ui/hubs/hubdialog.h"

#include "storage/hub/hubcheck.h"
#include "storage/hub/hubclient.h"
#include "storage/secretstore.h"
#include "ui/main/consolepreferences.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace mcphub {

HubDialog::HubDialog(QWidget *parent)
    : QDialog(parent)
    , m_name(new QLineEdit(this))
    , m_url(new QLineEdit(this))
    , m_auth(new QComboBox(this))
    , m_user(new QLineEdit(this))
    , m_secret(new QLineEdit(this))
    , m_interval(new QSpinBox(this))
    , m_timeout(new QSpinBox(this))
    , m_enabled(new QCheckBox(tr("Poll this hub"), this))
    , m_fingerprint(new QLineEdit(this))
    , m_problem(new QLabel(this))
{
    setWindowTitle(tr("Add hub"));
    m_name->setObjectName(QStringLiteral("name"));
    m_url->setObjectName(QStringLiteral("url"));
    m_auth->setObjectName(QStringLiteral("auth"));
    m_user->setObjectName(QStringLiteral("user"));
    m_secret->setObjectName(QStringLiteral("secret"));
    m_url->setPlaceholderText(QStringLiteral("https://hub.example.org:3000"));
    m_auth->addItem(tr("None (public endpoints only)"), int(HubEndpoint::Auth::None));
    m_auth->addItem(tr("User name and password"), int(HubEndpoint::Auth::Password));
    m_auth->addItem(tr("Bearer key"), int(HubEndpoint::Auth::BearerKey));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setAttribute(Qt::WA_InputMethodEnabled, false);
    m_interval->setRange(1, 86'400);
    m_interval->setSuffix(tr(" s"));
    m_interval->setValue(ConsolePreferences::load().hubPollSeconds); // Edit ▸ Preferences
    m_timeout->setRange(1, 600);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setValue(10);
    m_enabled->setChecked(true);
    m_fingerprint->setPlaceholderText(tr("SHA-256, only for a self-signed certificate"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #c62828"));
    m_problem->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("Base &URL:"), m_url);
    form->addRow(tr("&Authentication:"), m_auth);
    form->addRow(tr("Us&er name:"), m_user);
    form->addRow(tr("&Password or key:"), m_secret);
    form->addRow(tr("Poll &interval:"), m_interval);
    form->addRow(tr("Ti&meout:"), m_timeout);
    form->addRow(QString(), m_enabled);
    form->addRow(tr("Trusted &certificate:"), m_fingerprint);
    m_test = new QPushButton(tr("&Test connection"), this);
    m_test->setObjectName(QStringLiteral("testConnection"));
    m_test->setToolTip(tr("Ask the hub for its version and, with credentials, its servers."));
    m_testResult = new QLabel(this);
    m_testResult->setObjectName(QStringLiteral("testResult"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    connect(m_test, &QPushButton::clicked, this, &HubDialog::testConnection);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addWidget(m_testResult, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &HubDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &HubDialog::reject);
    connect(m_auth, &QComboBox::currentIndexChanged, this, &HubDialog::updateAuthFields);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(testRow);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    updateAuthFields();
}

void HubDialog::setHub(const HubRecord &hub)
{
    setWindowTitle(tr("Edit hub %1").arg(hub.name));
    m_editing = true;
    m_id = hub.id;
    m_name->setText(hub.name);
    m_name->setReadOnly(true);
    m_url->setText(hub.baseUrl.toString());
    m_auth->setCurrentIndex(m_auth->findData(int(hub.auth)));
    m_user->setText(hub.username);
    m_interval->setValue(qMax(1, hub.pollIntervalMs / 1000));
    m_timeout->setValue(qMax(1, hub.timeoutMs / 1000));
    m_enabled->setChecked(hub.enabled);
    m_fingerprint->setText(hub.trustedFingerprint);
    updateAuthFields();
}

HubRecord HubDialog::hub() const
{
    HubRecord h;
    h.id = m_id;
    h.name = m_name->text().trimmed();
    h.baseUrl = QUrl(m_url->text().trimmed());
    h.auth = HubEndpoint::Auth(m_auth->currentData().toInt());
    h.username = h.auth == HubEndpoint::Auth::Password ? m_user->text().trimmed() : QString();
    h.pollIntervalMs = m_interval->value() * 1000;
    h.timeoutMs = m_timeout->value() * 1000;
    h.enabled = m_enabled->isChecked();
    h.trustedFingerprint = m_fingerprint->text().trimmed();
    return h;
}

QString HubDialog::secret() const
{
    return m_secret->text();
}

void HubDialog::updateAuthFields()
{
    const auto auth = HubEndpoint::Auth(m_auth->currentData().toInt());
    m_user->setEnabled(auth == HubEndpoint::Auth::Password);
    m_secret->setEnabled(auth != HubEndpoint::Auth::None);
    m_secret->setPlaceholderText(m_editing ? tr("unchanged") : QString());
}

void HubDialog::accept()
{
    const HubRecord h = hub();
    QString problem;
    if (auto valid = HubRepository::validate(h); !valid)
        problem = valid.error().toString();
    else if (h.auth != HubEndpoint::Auth::None && !m_editing && secret().isEmpty())
        problem = tr("Enter the password or bearer key; it is kept in the system keychain.");
    if (!problem.isEmpty()) {
        m_problem->setText(problem);
        m_problem->show();
        return;
    }
    QDialog::accept();
}

void HubDialog::testConnection()
{
    const HubRecord h = hub();
    if (auto valid = HubRepository::validate(h); !valid) {
        showTestResult(valid.error().toString(), true);
        Q_EMIT testFinished(false);
        return;
    }
    HubEndpoint endpoint = h.endpoint();
    if (endpoint.name.isEmpty())
        endpoint.name = endpoint.baseUrl.host();
    const int request = ++m_testRequest;
    m_test->setEnabled(false);
    const QString typed = secret();
    if (h.auth != HubEndpoint::Auth::None && typed.isEmpty() && m_editing && m_secrets) {
        showTestResult(tr("Reading the stored secret from the system keychain…"), false);
        m_secrets->readAsync(HubRepository::secretKey(h.name),
                             this,
                             [this, endpoint, request](const Result<QString> &stored) mutable {
                                 if (request != m_testRequest)
                                     return;
                                 const QString value = stored ? *stored : QString();
                                 if (endpoint.auth == HubEndpoint::Auth::Password)
                                     endpoint.password = value;
                                 else
                                     endpoint.bearerKey = value;
                                 runTest(endpoint);
                             });
        return;
    }
    if (h.auth == HubEndpoint::Auth::Password)
        endpoint.password = typed;
    else if (h.auth == HubEndpoint::Auth::BearerKey)
        endpoint.bearerKey = typed;
    runTest(endpoint);
}

void HubDialog::runTest(HubEndpoint endpoint)
{
    const int request = m_testRequest;
    // A client of its own: a fresh login, no token of the poller's reused.
    delete m_client;
    m_client = new HubClient(this);
    showTestResult(tr("Connecting to %1…").arg(endpoint.baseUrl.toString(QUrl::RemoveUserInfo)),
                   false);
    checkHub(m_client, endpoint, this, [this, request](const Result<HubFacts> &facts) {
        if (request != m_testRequest)
            return;
        m_test->setEnabled(true);
        if (!facts) {
            showTestResult(tr("Not reached: %1").arg(facts.error().toString()), true);
            Q_EMIT testFinished(false);
            return;
        }
        QString text;
        if (facts->servers && facts->connected)
            text = tr("Reached MCPHub %1: %n server(s), %2 connected.", nullptr, *facts->servers)
                       .arg(facts->version, QString::number(*facts->connected));
        else
            text = tr("Reached MCPHub %1 (its servers are listed with credentials only).")
                       .arg(facts->version);
        showTestResult(text, false);
        Q_EMIT testFinished(true);
    });
}

void HubDialog::showTestResult(const QString &text, bool problem)
{
    m_testResult->setText(text);
    m_testResult->setStyleSheet(problem ? QStringLiteral("color: #c62828") : QString());
}

QString HubDialog::testResult() const
{
    return m_testResult->text();
}

} // namespace mcphub
