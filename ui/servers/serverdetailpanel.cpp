#include "ui/servers/serverdetailpanel.h"

#include "models/keyvaluemodel.h"
#include "models/servertablemodel.h"
#include "ui/servers/tooloverrideseditor.h"
#include "ui/widgets/keyvalueeditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace mcphub {

namespace {

using M = ServerTableModel;

enum TypePage { StdioPage, HttpPage, OpenApiPage, UnknownPage };

TypePage pageFor(const QString &type)
{
    if (type == QLatin1String("stdio"))
        return StdioPage;
    if (type == QLatin1String("sse") || type == QLatin1String("streamable-http"))
        return HttpPage;
    if (type == QLatin1String("openapi"))
        return OpenApiPage;
    return UnknownPage;
}

void setIfDifferent(QLineEdit *edit, const QString &text)
{
    if (edit->text() != text)
        edit->setText(text);
}

void setIfDifferent(QPlainTextEdit *edit, const QString &text)
{
    if (edit->toPlainText() != text)
        edit->setPlainText(text);
}

QStringList headerNames(const QString &text)
{
    QStringList names;
    for (const QString &name : text.split(QLatin1Char(',')))
        if (!name.trimmed().isEmpty())
            names << name.trimmed();
    return names;
}

} // namespace

QLineEdit *ServerDetailPanel::lineEdit(const QString &field, const QString &placeholder)
{
    auto *edit = new QLineEdit(this);
    edit->setObjectName(field);
    edit->setPlaceholderText(placeholder);
    m_widgets.insert(field, edit);
    connect(edit, &QLineEdit::textEdited, this, [this, field](const QString &text) {
        writeField(field, text);
    });
    return edit;
}

ServerDetailPanel::ServerDetailPanel(ServerTableModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_name(lineEdit(M::kName))
    , m_type(new QComboBox(this))
    , m_enabled(new QCheckBox(tr("Enabled"), this))
    , m_description(lineEdit(M::kDescription))
    , m_typePages(new QStackedWidget(this))
    , m_command(lineEdit(M::kCommand, tr("npx, uvx, docker…")))
    , m_args(new QPlainTextEdit(this))
    , m_envModel(new KeyValueModel(this))
    , m_env(new KeyValueEditor(this))
    , m_url(lineEdit(M::kUrl, tr("https://example.org/mcp")))
    , m_passthrough(lineEdit(M::kPassthrough, tr("Authorization, X-Request-Id")))
    , m_keepAlive(new QCheckBox(tr("Ping the server to keep the connection open"), this))
    , m_keepAliveInterval(lineEdit(M::kKeepAliveInterval, tr("60000")))
    , m_openApiUrl(lineEdit(M::kOpenApiUrl, tr("https://example.org/openapi.json")))
    , m_openApiSchema(new QPlainTextEdit(this))
    , m_openApiSecurity(new QPlainTextEdit(this))
    , m_headersModel(new KeyValueModel(this))
    , m_headers(new KeyValueEditor(this))
    , m_tools(new ToolOverridesEditor(this))
    , m_problems(new QLabel(this))
{
    m_type->setObjectName(M::kType);
    m_type->addItems(ServerTableModel::types());
    m_type->setToolTip(tr("How MCPHub talks to the server."));
    m_enabled->setObjectName(M::kEnabled);
    m_args->setObjectName(M::kArgs);
    m_args->setToolTip(tr("One argument per line."));
    m_args->setTabChangesFocus(true);
    m_env->setObjectName(M::kEnv);
    m_env->setModel(m_envModel);
    m_headers->setObjectName(M::kHeaders);
    m_headers->setModel(m_headersModel);
    m_keepAlive->setObjectName(M::kKeepAlive);
    m_keepAliveInterval->setToolTip(tr("Milliseconds between pings; MCPHub uses 60000."));
    m_passthrough->setToolTip(tr("Names of client request headers forwarded to the server, "
                                 "separated by commas."));
    m_openApiSchema->setObjectName(M::kOpenApiSchema);
    m_openApiSchema->setPlaceholderText(tr("{ \"openapi\": \"3.1.0\", … }"));
    m_openApiSchema->setTabChangesFocus(true);
    m_openApiSecurity->setObjectName(M::kOpenApiSecurity);
    m_openApiSecurity->setPlaceholderText(tr("{ \"type\": \"apiKey\", \"apiKey\": { … } }"));
    m_openApiSecurity->setTabChangesFocus(true);
    m_widgets.insert(M::kType, m_type);
    m_widgets.insert(M::kEnabled, m_enabled);
    m_widgets.insert(M::kArgs, m_args);
    m_widgets.insert(M::kEnv, m_env);
    m_widgets.insert(M::kHeaders, m_headers);
    m_widgets.insert(M::kKeepAlive, m_keepAlive);
    m_widgets.insert(M::kOpenApiSchema, m_openApiSchema);
    m_widgets.insert(M::kOpenApiSecurity, m_openApiSecurity);
    m_tools->setObjectName(M::kTools);
    m_widgets.insert(M::kTools, m_tools);
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(QStringLiteral("QLabel { color: #b00020; }"));

    auto *common = new QFormLayout;
    common->addRow(tr("Name:"), m_name);
    common->addRow(tr("Type:"), m_type);
    common->addRow(QString(), m_enabled);
    common->addRow(tr("Description:"), m_description);

    auto *stdio = new QWidget(m_typePages);
    auto *stdioForm = new QFormLayout(stdio);
    stdioForm->addRow(tr("Command:"), m_command);
    stdioForm->addRow(tr("Arguments:"), m_args);
    stdioForm->addRow(tr("Environment:"), m_env);
    auto *http = new QWidget(m_typePages);
    auto *httpForm = new QFormLayout(http);
    httpForm->addRow(tr("URL:"), m_url);
    httpForm->addRow(tr("Passthrough headers:"), m_passthrough);
    httpForm->addRow(QString(), m_keepAlive);
    httpForm->addRow(tr("Keep-alive interval (ms):"), m_keepAliveInterval);
    auto *openapi = new QWidget(m_typePages);
    auto *openapiForm = new QFormLayout(openapi);
    openapiForm->addRow(tr("OpenAPI URL:"), m_openApiUrl);
    openapiForm->addRow(tr("Inline schema (JSON):"), m_openApiSchema);
    openapiForm->addRow(tr("Security (JSON):"), m_openApiSecurity);
    auto *unknown = new QLabel(tr("Choose a type to see its fields."), m_typePages);
    m_typePages->insertWidget(StdioPage, stdio);
    m_typePages->insertWidget(HttpPage, http);
    m_typePages->insertWidget(OpenApiPage, openapi);
    m_typePages->insertWidget(UnknownPage, unknown);

    auto *headersBox = new QGroupBox(tr("Headers"), this);
    auto *headersLayout = new QVBoxLayout(headersBox);
    headersLayout->addWidget(m_headers);
    headersBox->setToolTip(tr("HTTP headers sent to the server (not allowed for stdio). "
                              "Secret values are masked."));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(common);
    layout->addWidget(m_typePages);
    layout->addWidget(headersBox, 1);
    auto *toolsBox = new QGroupBox(tr("Tool overrides"), this);
    auto *toolsLayout = new QVBoxLayout(toolsBox);
    toolsLayout->addWidget(m_tools);
    layout->addWidget(toolsBox, 1);
    layout->addWidget(m_problems);

    connect(m_type, &QComboBox::activated, this, [this] {
        writeField(M::kType, m_type->currentText());
    });
    connect(m_enabled, &QCheckBox::clicked, this, [this](bool on) { writeField(M::kEnabled, on); });
    connect(
        m_keepAlive, &QCheckBox::clicked, this, [this](bool on) { writeField(M::kKeepAlive, on); });
    connect(m_args, &QPlainTextEdit::textChanged, this, [this] {
        QStringList args = m_args->toPlainText().split(QLatin1Char('\n'));
        while (!args.isEmpty() && args.last().isEmpty())
            args.removeLast();
        writeField(M::kArgs, args);
    });
    connect(m_openApiSchema, &QPlainTextEdit::textChanged, this, [this] {
        writeField(M::kOpenApiSchema, m_openApiSchema->toPlainText());
    });
    connect(m_openApiSecurity, &QPlainTextEdit::textChanged, this, [this] {
        writeField(M::kOpenApiSecurity, m_openApiSecurity->toPlainText());
    });
    const auto pairsChanged = [this](KeyValueModel *kv, const QString &field) {
        const auto write = [this, kv, field] {
            writeField(field, ServerTableModel::jsonFromPairs(kv->pairs()));
        };
        connect(kv, &QAbstractItemModel::dataChanged, this, write);
        connect(kv, &QAbstractItemModel::rowsInserted, this, write);
        connect(kv, &QAbstractItemModel::rowsRemoved, this, write);
    };
    connect(m_tools, &ToolOverridesEditor::changed, this, [this] {
        writeField(M::kTools, m_tools->json());
    });
    pairsChanged(m_envModel, M::kEnv);
    pairsChanged(m_headersModel, M::kHeaders);
    connect(model, &PendingTableModel::rowValuesChanged, this, [this](int row) {
        if (row == m_model->rowOfKey(m_key))
            refresh();
    });
    connect(model, &QAbstractItemModel::modelReset, this, [this] { setRow(-1); });
    setRow(-1);
}

void ServerDetailPanel::setRow(int row)
{
    m_key = row >= 0 ? m_model->data(m_model->index(row, 0), PendingTableModel::RowKeyRole).toInt()
                     : -1;
    refresh();
}

void ServerDetailPanel::writeField(const QString &field, const QVariant &value)
{
    if (m_loading)
        return;
    const int row = m_model->rowOfKey(m_key);
    if (row < 0)
        return;
    if (field == M::kPassthrough) {
        m_model->typeValue(row, field, headerNames(value.toString()));
        return;
    }
    m_model->typeValue(row, field, value);
}

void ServerDetailPanel::refresh()
{
    const int row = m_model->rowOfKey(m_key);
    const bool editable = row >= 0 && !m_model->isReadOnly()
                          && m_model->rowState(row) != PendingRow::State::Deleted;
    for (QWidget *w : std::as_const(m_widgets))
        w->setEnabled(editable);
    m_loading = true;
    const auto text = [this, row](const QString &field) {
        return m_model->value(row, field).toString();
    };
    setIfDifferent(m_name, text(M::kName));
    const QString type = text(M::kType);
    if (m_type->findText(type) < 0 && !type.isEmpty())
        m_type->addItem(type);
    m_type->setCurrentIndex(m_type->findText(type));
    m_enabled->setChecked(m_model->value(row, M::kEnabled).toBool());
    setIfDifferent(m_description, text(M::kDescription));
    setIfDifferent(m_command, text(M::kCommand));
    QString args = m_model->value(row, M::kArgs).toStringList().join(QLatin1Char('\n'));
    if (m_args->toPlainText().trimmed() != args)
        m_args->setPlainText(args);
    const auto env = ServerTableModel::pairsFromJson(text(M::kEnv));
    if (m_envModel->pairs() != env)
        m_envModel->setPairs(env);
    const auto headers = ServerTableModel::pairsFromJson(text(M::kHeaders));
    if (m_headersModel->pairs() != headers)
        m_headersModel->setPairs(headers);
    setIfDifferent(m_url, text(M::kUrl));
    const QStringList passthrough = m_model->value(row, M::kPassthrough).toStringList();
    if (headerNames(m_passthrough->text()) != passthrough)
        m_passthrough->setText(passthrough.join(QStringLiteral(", ")));
    m_keepAlive->setChecked(m_model->value(row, M::kKeepAlive).toBool());
    setIfDifferent(m_keepAliveInterval, text(M::kKeepAliveInterval));
    setIfDifferent(m_openApiUrl, text(M::kOpenApiUrl));
    setIfDifferent(m_openApiSchema, text(M::kOpenApiSchema));
    setIfDifferent(m_openApiSecurity, text(M::kOpenApiSecurity));
    m_tools->setJson(text(M::kTools));
    m_tools->setEditable(editable);
    m_typePages->setCurrentIndex(pageFor(type));
    m_loading = false;
    showProblems();
}

void ServerDetailPanel::showProblems()
{
    const int row = m_model->rowOfKey(m_key);
    const QHash<QString, QString> problems = m_model->problems(row);
    const QHash<QString, QString> findings = m_model->findings(row);
    for (auto it = m_widgets.cbegin(); it != m_widgets.cend(); ++it) {
        const QString problem = problems.value(it.key());
        // A finding about the stored row (amber) does not stop Apply; a problem (red) does.
        const bool finding = !problem.isEmpty() && findings.value(it.key()) == problem;
        if (!it.value()->property("baseToolTip").isValid())
            it.value()->setProperty("baseToolTip", it.value()->toolTip());
        it.value()->setToolTip(problem.isEmpty() ? it.value()->property("baseToolTip").toString()
                                                 : problem);
        it.value()->setProperty("problem", !problem.isEmpty());
        it.value()->setStyleSheet(problem.isEmpty() ? QString()
                                  : finding         ? QStringLiteral("border: 1px solid #c77700;")
                                                    : QStringLiteral("border: 1px solid #b00020;"));
    }
    QStringList lines;
    QStringList fields = problems.keys();
    fields.sort();
    for (const QString &field : std::as_const(fields))
        lines << tr("%1: %2").arg(m_model->fieldTitle(field), problems.value(field));
    m_problems->setText(lines.join(QLatin1Char('\n')));
    m_problems->setVisible(!lines.isEmpty());
}

QString ServerDetailPanel::problemText() const
{
    return m_problems->text();
}

} // namespace mcphub
