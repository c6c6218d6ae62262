#pragma once

#include "models/pendingtablemodel.h"
#include "storage/db/repositorycontext.h"

#include <QDateTime>
#include <QStringList>

namespace mcphub {

// The workspace's systemConfig as pending edits, one row per top-level key: the key (typed
// when the row is added) and its JSON text (row value kValue, shown as a summary: sections
// hold secrets). Validated as typed (JSON with line and column; what the workspace kind can
// store under the key). Apply writes through SystemConfigRepository in one transaction and
// refuses a row changed in the database since it was read; appliedNote() then says what a
// running hub does with the keys written (MCPHub's database).
class SystemConfigTableModel : public PendingTableModel
{
    Q_OBJECT

public:
    static inline const QString kKey = QStringLiteral("key");
    static inline const QString kValue = QStringLiteral("value"); // JSON text
    // Not a column: why MCPHub cannot load the text as stored (empty when it can).
    static inline const QString kStoredProblem = QStringLiteral("storedProblem");

    explicit SystemConfigTableModel(const RepositoryContext &context, QObject *parent = nullptr);

    // The keys the workspace can store, in MCPHub's order; empty when any key can be stored.
    QStringList offeredKeys() const;
    // offeredKeys() that no row has yet.
    QStringList missingKeys() const;
    // A row for `key` with a starting value that the key takes ({} for a section).
    int addKey(const QString &key);
    int rowOfConfigKey(const QString &key) const; // -1 when none
    WorkspaceKind workspaceKind() const { return m_context.kind; }
    // The row's value as loaded (empty for an added row).
    QString storedValue(int row) const;
    // JSON text indented by two spaces, as MCPHub writes its settings file, for reading;
    // `text` itself when it is not JSON.
    static QString indented(const QString &text);
    // Translated findings of the last load: a second row of MCPHub's table, stored text that
    // is not JSON, naming table, row and column.
    QStringList findings() const { return m_findings; }

protected:
    QHash<QString, QString> validate(int row) const override;
    QString displayText(const Column &column, const QVariant &value) const override;

private:
    RepositoryContext m_context;
    QStringList m_findings;
    bool m_rowExists = false; // MCPHub's database: its one row, as read
    QDateTime m_rowUpdatedAt;
};

} // namespace mcphub
