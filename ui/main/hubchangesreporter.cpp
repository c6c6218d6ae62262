#include "ui/main/hubchangesreporter.h"

#include "models/servertablemodel.h"
#include "storage/hub/hubchangeapplier.h"
#include "storage/hub/hubclient.h"
#include "ui/widgets/pendingtableeditor.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QToolBar>
#include <QVBoxLayout>

namespace mcphub {

HubChangesReporter::HubChangesReporter(const RepositoryContext &context,
                                       const SecretStore &secrets,
                                       ServerTableModel *servers,
                                       PendingTableEditor *editor,
                                       QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_secrets(secrets)
    , m_servers(servers)
    , m_editor(editor)
    , m_client(new HubClient(this))
    , m_applier(new HubChangeApplier(m_client, this))
    , m_resultsAction(new QAction(tr("&Hub results..."), this))
{
    m_resultsAction->setToolTip(
        tr("What the hubs running on this database answered when they were told the last "
           "change."));
    m_resultsAction->setEnabled(false);
    editor->toolBar()->addAction(m_resultsAction);
    connect(m_resultsAction, &QAction::triggered, this, &HubChangesReporter::showResults);
    editor->setApplyGuard([this](std::function<void()> apply) { beforeApply(std::move(apply)); });
    connect(servers, &PendingTableModel::applied, this, [this](const QList<PendingChange> &c) {
        afterApply(ServerTableModel::hubChangesAfter(c));
    });
}

HubChangesReporter::~HubChangesReporter()
{
    if (m_editor)
        m_editor->setApplyGuard({});
}

void HubChangesReporter::beforeApply(std::function<void()> apply)
{
    m_stops.clear();
    if (m_busy || !m_servers)
        return;
    const QList<HubChange> stops = ServerTableModel::hubChangesBefore(m_servers->pendingChanges());
    if (stops.isEmpty()) {
        apply();
        return;
    }
    m_busy = true;
    m_editor->applyAction()->setEnabled(false);
    m_editor->showMessage(tr("Stopping the removed or renamed servers on the hubs that run on "
                             "this database first..."),
                          false);
    m_applier->applyToLinkedHubs(
        m_context, m_secrets, stops, [this, apply](const QList<HubChangeResult> &results) {
            m_busy = false;
            m_stops = results;
            if (m_editor)
                m_editor->applyAction()->setEnabled(true);
            apply();
            if (m_servers && m_servers->pendingCount() > 0 && !m_stops.isEmpty())
                finish({}); // the Apply failed: still say what the hubs were told
        });
}

void HubChangesReporter::afterApply(const QList<HubChange> &changes)
{
    m_applier->applyToLinkedHubs(
        m_context, m_secrets, changes, [this](const QList<HubChangeResult> &results) {
            finish(results);
        });
}

void HubChangesReporter::finish(const QList<HubChangeResult> &after)
{
    const QList<HubChangeResult> results = m_stops + after;
    m_stops.clear();
    if (results.isEmpty())
        return;
    m_results = results;
    int failed = 0;
    for (const HubChangeResult &r : results) {
        if (!r.applied && !r.unreachable)
            ++failed;
    }
    m_summary = summarize(results);
    m_resultsAction->setEnabled(true);
    if (m_editor) {
        QString text = m_editor->messageLabel()->text();
        if (!text.isEmpty())
            text += QLatin1Char(' ');
        m_editor->showMessage(text + m_summary, failed > 0);
    }
    Q_EMIT reported(m_summary);
}

QString HubChangesReporter::summarize(const QList<HubChangeResult> &results)
{
    QSet<QString> hubs;
    int done = 0;
    int later = 0;
    for (const HubChangeResult &r : results) {
        hubs.insert(r.hub);
        if (r.applied)
            ++done;
        else if (r.unreachable)
            ++later;
    }
    const int failed = int(results.size()) - done - later;
    return tr("Hubs on this database told: %1 done, %2 at their next restart, %3 failed "
              "(%n hub(s)).",
              nullptr,
              int(hubs.size()))
        .arg(QString::number(done), QString::number(later), QString::number(failed));
}

void HubChangesReporter::showResults()
{
    auto *dialog = new QDialog(m_editor);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("hubResultsDialog"));
    dialog->setWindowTitle(tr("Hub results"));
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(new QLabel(m_summary, dialog));
    auto *text = new QPlainTextEdit(dialog);
    text->setReadOnly(true);
    QStringList lines;
    for (const HubChangeResult &r : std::as_const(m_results))
        lines << r.text();
    text->setPlainText(lines.join(QLatin1Char('\n')));
    layout->addWidget(text);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog->resize(640, 320);
    dialog->show();
}

} // namespace mcphub
