#include "ui/main/pendingpages.h"

#include "models/pendingbatch.h"
#include "models/pendingtablemodel.h"
#include "ui/widgets/pendingtableeditor.h"

namespace mcphub {

PendingPages::PendingPages(QObject *parent)
    : QObject(parent)
{}

void PendingPages::track(PendingTableEditor *editor,
                         const QString &place,
                         const QString &connectionName)
{
    // The pages of a workspace closed since are gone.
    m_pages.removeIf([](const Page &page) { return page.editor.isNull(); });
    m_pages << Page{editor, place, connectionName};
}

QList<PendingPages::Page> PendingPages::pendingPages() const
{
    QList<Page> pages;
    for (const Page &page : m_pages) {
        if (page.editor && page.editor->model()->pendingCount() > 0)
            pages << page;
    }
    return pages;
}

int PendingPages::pendingCount() const
{
    int count = 0;
    for (const Page &page : pendingPages())
        count += page.editor->model()->pendingCount();
    return count;
}

QList<ApplyAllDialog::Section> PendingPages::preview() const
{
    QList<ApplyAllDialog::Section> sections;
    for (const Page &page : pendingPages())
        sections << ApplyAllDialog::Section{page.place, page.editor->model()->changePreview()};
    return sections;
}

void PendingPages::applyAll()
{
    const QList<Page> pages = pendingPages();
    if (pages.isEmpty()) {
        Q_EMIT finished(false, tr("Nothing to apply."), nullptr);
        return;
    }
    runGuards(pages, 0);
}

void PendingPages::runGuards(const QList<Page> &pages, int next)
{
    while (next < pages.size() && (!pages.at(next).editor || !pages.at(next).editor->applyGuard()))
        ++next;
    if (next == pages.size()) {
        write(pages);
        return;
    }
    // The guard calls back when its page may be written (or never, when it refuses).
    QPointer<PendingPages> self(this);
    pages.at(next).editor->applyGuard()([self, pages, next] {
        if (self)
            self->runGuards(pages, next + 1);
    });
}

bool PendingPages::applyNow()
{
    const QList<Page> pages = pendingPages();
    return pages.isEmpty() || write(pages);
}

bool PendingPages::write(const QList<Page> &all)
{
    QList<Page> pages;
    for (const Page &page : all) {
        if (page.editor)
            pages << page;
    }
    // One transaction per connection: every page of a workspace writes on its one
    // connection, so this is one transaction for all of them.
    QStringList connections;
    for (const Page &page : std::as_const(pages)) {
        if (!connections.contains(page.connection))
            connections << page.connection;
    }
    int total = 0;
    int written = 0;
    QStringList reloadErrors;
    for (const QString &connection : std::as_const(connections)) {
        QList<Page> batch;
        QList<PendingTableModel *> models;
        for (const Page &page : std::as_const(pages)) {
            if (page.connection == connection) {
                batch << page;
                models << page.editor->model();
            }
        }
        const PendingBatch::Outcome outcome = PendingBatch::apply(connection, models);
        if (!outcome.written) {
            PendingTableEditor *failed
                = outcome.failedModel >= 0 ? batch.at(outcome.failedModel).editor.data() : nullptr;
            const QString message = outcome.error.messageWithRemedy();
            if (failed)
                failed->showMessage(message, true);
            Q_EMIT finished(false,
                            failed ? tr("Apply all wrote nothing: %1: %2")
                                         .arg(batch.at(outcome.failedModel).place, message)
                                   : tr("Apply all wrote nothing: %1").arg(message),
                            failed);
            return false;
        }
        for (int i = 0; i < batch.size(); ++i) {
            const int count = outcome.changeCounts.value(i);
            if (count == 0 || !batch.at(i).editor)
                continue;
            ++written;
            total += count;
            QString message
                = tr("%n change(s) written to the workspace by Apply all.", nullptr, count);
            const QString note = batch.at(i).editor->model()->appliedNote();
            if (!note.isEmpty())
                message += QLatin1Char(' ') + note;
            batch.at(i).editor->showMessage(message, false);
        }
        reloadErrors << outcome.reloadErrors;
    }
    QString summary = tr("Apply all: %n change(s) written", nullptr, total);
    summary = tr("%1 on %n page(s).", nullptr, written).arg(summary);
    if (!reloadErrors.isEmpty())
        summary += QLatin1Char(' ') + reloadErrors.join(QLatin1Char(' '));
    Q_EMIT finished(true, summary, nullptr);
    return true;
}

void PendingPages::revertAll()
{
    for (const Page &page : pendingPages()) {
        page.editor->model()->revertAll();
        page.editor->showMessage({}, false);
    }
}

} // namespace mcphub
