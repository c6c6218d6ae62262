#pragma once

#include "ui/main/applyalldialog.h"

#include <QObject>
#include <QPointer>

namespace mcphub {

class PendingTableEditor;

// The pending edits of every page of the main window, for Apply all (Ctrl+S) and Revert all:
// each page's PendingTableEditor, the place the preview names and the workspace connection it
// writes on. Apply all runs each page's apply guard first (Servers on an MCPHub database stops
// removed servers on the hubs), then writes every page in one transaction (PendingBatch) and
// says per page what was written, or shows the page whose edit failed. GUI thread.
class PendingPages : public QObject
{
    Q_OBJECT

public:
    explicit PendingPages(QObject *parent = nullptr);

    void track(PendingTableEditor *editor, const QString &place, const QString &connectionName);
    int pendingCount() const;

    // The preview of what Apply all writes now, per page with pending edits.
    QList<ApplyAllDialog::Section> preview() const;
    // Writes every page's pending edits, after the pages' apply guards (which may wait for
    // the network: `finished` tells the outcome).
    void applyAll();
    // Writes at once, without the apply guards (closing the window). True when written.
    bool applyNow();
    void revertAll(); // not undoable

Q_SIGNALS:
    // After applyAll()/applyNow(): one translated line for the status bar; `failedEditor`
    // is the page whose edit was refused (nullptr when written or none in particular).
    void finished(bool written, const QString &summary, mcphub::PendingTableEditor *failedEditor);

private:
    struct Page
    {
        QPointer<PendingTableEditor> editor;
        QString place;
        QString connection;
    };
    QList<Page> pendingPages() const;
    void runGuards(const QList<Page> &pages, int next);
    bool write(const QList<Page> &pages);

    QList<Page> m_pages;
};

} // namespace mcphub
