#include "models/systemconfigtablemodel.h"

#include "models/repositoryrows.h"
#include "storage/db/systemconfigrepository.h"
#include "storage/db/workspacecapabilities.h"
#include "storage/settings/mcphubjsonwriter.h"

namespace mcphub {

namespace {

using Value = WorkspaceCapabilities::SystemConfigValue;

QVariantMap toMap(const SystemConfigEntry &e)
{
    return {{SystemConfigTableModel::kKey, e.key},
            {SystemConfigTableModel::kValue, e.value},
            {SystemConfigTableModel::kStoredProblem, e.problem},
            {kRowUpdatedAt, e.updatedAt}};
}

} // namespace

SystemConfigTableModel::SystemConfigTableModel(const RepositoryContext &context, QObject *parent)
    : PendingTableModel(parent)
    , m_context(context)
{
    setLabelField(kKey);
    Column key{kKey, tr("Key"), Kind::Text};
    key.editable = false; // a key is chosen when its row is added
    Column value{kValue, tr("Value"), Kind::Text};
    value.editable = false;
    value.editableWhenAdded = false; // edited as JSON text beside the table
    setColumns({key, value});
    setLoader([this]() -> Result<QList<QVariantMap>> {
        const auto listing = SystemConfigRepository(m_context).list();
        if (!listing)
            return listing.error();
        m_findings = listing->findings;
        m_rowExists = listing->rowExists;
        m_rowUpdatedAt = listing->rowUpdatedAt;
        QList<QVariantMap> rows;
        for (const SystemConfigEntry &e : listing->entries)
            rows << toMap(e);
        return rows;
    });
    setWriter([this](const QList<PendingChange> &changes) {
        const bool mcphub = m_context.kind == WorkspaceKind::McphubDatabase;
        QStringList written;
        for (const PendingChange &c : changes)
            written << (c.kind == PendingChange::Kind::Remove ? c.original : c.current)
                           .value(kKey)
                           .toString();
        setAppliedNote(WorkspaceCapabilities(m_context.kind).systemConfigEffect(written));
        return writeInTransaction(m_context, [&]() -> std::optional<ChangeFailure> {
            SystemConfigRepository repo(m_context);
            // MCPHub's keys share one row: its updated_at is compared once, with the row then
            // locked until the transaction ends, and the later writes move it themselves.
            bool rowChecked = false;
            // Removals first, so that a key can be removed and added again in one Apply.
            for (int pass = 0; pass < 2; ++pass) {
                for (int i = 0; i < changes.size(); ++i) {
                    const PendingChange &c = changes.at(i);
                    const bool removal = c.kind == PendingChange::Kind::Remove;
                    if (removal != (pass == 0))
                        continue;
                    SystemConfigRepository::Seen seen;
                    if (mcphub && !rowChecked)
                        seen = m_rowExists ? m_rowUpdatedAt : QDateTime();
                    else if (!mcphub && c.kind != PendingChange::Kind::Add)
                        seen = c.original.value(kRowUpdatedAt).toDateTime();
                    SystemConfigEntry entry;
                    entry.key = (removal ? c.original : c.current).value(kKey).toString();
                    entry.value = c.current.value(kValue).toString();
                    const Result<void> done
                        = removal ? repo.remove(entry.key, seen) : repo.set(entry, seen);
                    if (!done) {
                        const bool aboutValue = done.error().code == Error::Code::Parse
                                                || done.error().code == Error::Code::Invalid;
                        return ChangeFailure{i, aboutValue ? kValue : kKey, done.error()};
                    }
                    rowChecked = true;
                }
            }
            return std::nullopt;
        });
    });
    setReadOnly(context.readOnly);
}

QStringList SystemConfigTableModel::offeredKeys() const
{
    return WorkspaceCapabilities(m_context.kind).systemConfigKeys();
}

QStringList SystemConfigTableModel::missingKeys() const
{
    QStringList keys = offeredKeys();
    for (int row = 0; row < rowCount(); ++row)
        keys.removeAll(value(row, kKey).toString());
    return keys;
}

int SystemConfigTableModel::addKey(const QString &key)
{
    QString start = QStringLiteral("{}");
    if (const auto *column = WorkspaceCapabilities::mcphubSystemConfigColumn(key)) {
        // MCPHub's defaults for its scalar columns (SystemConfigRepository.ts).
        if (column->value == Value::Name)
            start = QStringLiteral("\"-\"");
        else if (column->value == Value::Boolean)
            start = QStringLiteral("false");
    }
    return addRow({{kKey, key}, {kValue, start}});
}

int SystemConfigTableModel::rowOfConfigKey(const QString &key) const
{
    for (int row = 0; row < rowCount(); ++row) {
        if (value(row, kKey).toString() == key)
            return row;
    }
    return -1;
}

QString SystemConfigTableModel::storedValue(int row) const
{
    return row >= 0 && row < rowCount() ? rows().at(row).original.value(kValue).toString()
                                        : QString();
}

QString SystemConfigTableModel::indented(const QString &text)
{
    const auto parsed = SystemConfigRepository::parseValue(text, {});
    return parsed ? QString::fromUtf8(McpHubJsonWriter::write(*parsed, 2)) : text;
}

QHash<QString, QString> SystemConfigTableModel::validate(int row) const
{
    QHash<QString, QString> found;
    const QString key = value(row, kKey).toString();
    const QString text = value(row, kValue).toString();
    if (key.trimmed().isEmpty()) {
        found.insert(kKey, tr("The key is empty."));
        return found;
    }
    for (int other = 0; other < rowCount(); ++other) {
        if (other != row && rowState(other) != PendingRow::State::Deleted
            && value(other, kKey).toString() == key) {
            found.insert(kKey, tr("Another row has this key."));
            break;
        }
    }
    // Text MCPHub cannot load, as stored: named until it is edited; left alone until then.
    const QString stored = rows().at(row).original.value(kStoredProblem).toString();
    if (!stored.isEmpty() && text == rows().at(row).original.value(kValue).toString()) {
        found.insert(kValue, stored);
        return found;
    }
    const auto checked = SystemConfigRepository::storedText(m_context.kind, key, text, {});
    if (!checked) {
        const Error &e = checked.error();
        const QStringList place = e.where.split(QLatin1Char(':')); // "", line, column
        if (e.code == Error::Code::Parse && place.size() == 3)
            found.insert(kValue,
                         tr("Line %1, column %2: %3").arg(place.at(1), place.at(2), e.message));
        else
            found.insert(WorkspaceCapabilities(m_context.kind).storesSystemConfigKey(key) ? kValue
                                                                                          : kKey,
                         e.message);
    }
    return found;
}

QString SystemConfigTableModel::displayText(const Column &column, const QVariant &value) const
{
    if (column.field == kValue)
        return SystemConfigRepository::summary(value.toString());
    return PendingTableModel::displayText(column, value);
}

} // namespace mcphub
