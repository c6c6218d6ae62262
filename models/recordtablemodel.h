#pragma once

#include "models/pendingtablemodel.h"
#include "storage/db/recordentity.h"
#include "storage/db/repositorycontext.h"

namespace mcphub {

// The rows of one record entity (OAuth clients, prompts, resources, user configs) as pending
// edits: a field per RecordField (row values by field name; JSON fields as their text), the
// listed fields as columns. Apply writes through RecordRepository in one transaction: only the
// changed fields, and a row changed in the database since it was read is refused (edits kept).
// A stored JSON text MCPHub cannot load is named on its field until a new value replaces it.
class RecordTableModel : public PendingTableModel
{
    Q_OBJECT

public:
    RecordTableModel(const RepositoryContext &context,
                     const RecordEntity &entity,
                     QObject *parent = nullptr);

    const RecordEntity &entity() const { return *m_entity; }
    int addRecord(const QString &key); // MCPHub's defaults: empty lists, enabled

protected:
    QHash<QString, QString> validate(int row) const override;

private:
    RepositoryContext m_context;
    const RecordEntity *m_entity;
};

} // namespace mcphub
