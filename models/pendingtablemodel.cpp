#include "models/pendingtablemodel.h"

#include "models/keyvaluemodel.h"
#include "models/pendingeditcommand.h"
#include "models/repositoryrows.h"
#include "storage/db/workspacecapabilities.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QFont>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSet>
#include <QUndoStack>

namespace mcphub {

PendingTableModel::PendingTableModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_undo(new QUndoStack(this))
{}

void PendingTableModel::setStorage(WorkspaceKind kind, const QString &entity)
{
    m_kind = kind;
    m_entity = entity;
}

bool PendingTableModel::isFieldStored(const QString &field) const
{
    if (m_entity.isEmpty() || !WorkspaceCapabilities::field(m_entity, field))
        return true; // not a field of MCPHub's data (an id, a display value)
    return WorkspaceCapabilities(m_kind).stores(m_entity, field);
}

void PendingTableModel::setColumns(const QList<Column> &columns)
{
    beginResetModel();
    m_columns.clear();
    m_toolTips.clear();
    for (Column column : columns) {
        if (!isFieldStored(column.field))
            continue;
        const WorkspaceCapabilities::Field *declared
            = m_entity.isEmpty() ? nullptr : WorkspaceCapabilities::field(m_entity, column.field);
        if (declared)
            m_toolTips.insert(column.field, declared->effectText());
        if (declared && declared->use == WorkspaceCapabilities::McphubUse::ConsoleOnly)
            column.title = tr("%1 (console only)").arg(column.title);
        m_columns << column;
    }
    endResetModel();
}

Result<void> PendingTableModel::reload()
{
    if (!m_loader)
        return {};
    const auto loaded = m_loader();
    if (!loaded)
        return loaded.error();
    beginResetModel();
    m_rows.clear();
    m_applyProblems.clear();
    m_conflicts.clear();
    for (const QVariantMap &values : *loaded) {
        PendingRow row;
        row.key = m_nextKey++;
        row.original = values;
        row.current = values;
        m_rows << row;
    }
    endResetModel();
    m_undo->clear();
    notifyPending();
    return {};
}

void PendingTableModel::setReadOnly(bool readOnly)
{
    if (readOnly == m_readOnly)
        return;
    beginResetModel(); // flags change everywhere
    m_readOnly = readOnly;
    endResetModel();
    Q_EMIT readOnlyChanged(readOnly);
}

Result<int> PendingTableModel::mergeFromStore()
{
    if (!m_loader)
        return 0;
    if (pendingCount() == 0 && m_conflicts.isEmpty()) {
        if (auto r = reload(); !r)
            return r.error();
        return 0;
    }
    const auto loaded = m_loader();
    if (!loaded)
        return loaded.error();
    // A row is the same row by its id when it has one, else by its label (a name).
    const auto identity = [this](const QVariantMap &values) {
        const QString id = values.value(QStringLiteral("id")).toString();
        return id.isEmpty() ? QStringLiteral("label:") + values.value(m_labelField).toString()
                            : QStringLiteral("id:") + id;
    };
    QHash<QString, QVariantMap> stored;
    QStringList order;
    for (const QVariantMap &values : *loaded) {
        stored.insert(identity(values), values);
        order << identity(values);
    }
    int conflicts = 0;
    QSet<QString> seen;
    QList<PendingRow> merged;
    beginResetModel();
    for (PendingRow row : std::as_const(m_rows)) {
        if (row.added) {
            merged << row;
            continue;
        }
        const QString id = identity(row.original);
        seen.insert(id);
        const auto now = stored.constFind(id);
        if (row.state() == PendingRow::State::Unchanged) {
            m_conflicts.remove(row.key);
            if (now == stored.cend())
                continue; // deleted by the other console
            row.original = *now;
            row.current = *now;
            merged << row;
            continue;
        }
        const QVariantMap newer = now == stored.cend() ? QVariantMap() : *now;
        if (newer != row.original
            && (!m_conflicts.contains(row.key) || m_conflicts.value(row.key) != newer)) {
            if (!m_conflicts.contains(row.key))
                ++conflicts;
            m_conflicts.insert(row.key, newer);
        }
        merged << row;
    }
    for (const QString &id : std::as_const(order)) {
        if (seen.contains(id))
            continue;
        PendingRow row;
        row.key = m_nextKey++;
        row.original = stored.value(id);
        row.current = row.original;
        merged << row;
    }
    m_rows = merged;
    endResetModel();
    notifyPending();
    return conflicts;
}

bool PendingTableModel::hasConflict(int row) const
{
    return row >= 0 && row < m_rows.size() && m_conflicts.contains(m_rows.at(row).key);
}

int PendingTableModel::pendingCount() const
{
    int count = 0;
    for (const PendingRow &row : m_rows)
        count += row.state() != PendingRow::State::Unchanged ? 1 : 0;
    return count;
}

int PendingTableModel::fieldIndex(const QString &field) const
{
    for (int i = 0; i < m_columns.size(); ++i) {
        if (m_columns.at(i).field == field)
            return i;
    }
    return -1;
}

QVariant PendingTableModel::value(int row, const QString &field) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).current.value(field) : QVariant();
}

QVariantMap PendingTableModel::rowValues(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).current : QVariantMap();
}

PendingRow::State PendingTableModel::rowState(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).state() : PendingRow::State::Unchanged;
}

QString PendingTableModel::rowLabel(int row) const
{
    const QString label = value(row, m_labelField).toString();
    return label.isEmpty() ? tr("row %1").arg(row + 1) : label;
}

int PendingTableModel::rowOfKey(int key) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).key == key)
            return i;
    }
    return -1;
}

void PendingTableModel::pushRow(int row,
                                const PendingRow &after,
                                const QString &text,
                                const QString &mergeField)
{
    const PendingRow &before = m_rows.at(row);
    m_undo->push(new PendingEditCommand(this, before.key, row, before, after, text, mergeField));
}

bool PendingTableModel::typeValue(int row, const QString &field, const QVariant &value)
{
    if (m_readOnly || row < 0 || row >= m_rows.size() || m_rows.at(row).deleted
        || !isFieldStored(field))
        return false;
    PendingRow after = m_rows.at(row);
    after.current.insert(field, value);
    if (after.current == m_rows.at(row).current)
        return true;
    pushRow(row, after, tr("Change %1 of %2").arg(fieldTitle(field), rowLabel(row)), field);
    return true;
}

bool PendingTableModel::setValue(int row,
                                 const QString &field,
                                 const QVariant &value,
                                 const QString &undoText)
{
    return setValues(row,
                     {{field, value}},
                     undoText.isEmpty()
                         ? tr("Change %1 of %2").arg(fieldTitle(field), rowLabel(row))
                         : undoText);
}

bool PendingTableModel::setValues(int row, const QVariantMap &values, const QString &undoText)
{
    if (m_readOnly || row < 0 || row >= m_rows.size() || m_rows.at(row).deleted)
        return false;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (!isFieldStored(it.key()))
            return false; // the workspace would drop it: never offered as saved
    }
    PendingRow after = m_rows.at(row);
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        after.current.insert(it.key(), it.value());
    if (after.current == m_rows.at(row).current)
        return true;
    pushRow(row, after, undoText);
    return true;
}

int PendingTableModel::addRow(const QVariantMap &values)
{
    if (m_readOnly)
        return -1;
    PendingRow row;
    row.key = m_nextKey++;
    row.current = values;
    row.added = true;
    const int position = int(m_rows.size());
    m_undo->push(new PendingEditCommand(this, row.key, position, std::nullopt, row, tr("Add row")));
    return rowOfKey(row.key);
}

bool PendingTableModel::markDeleted(int row)
{
    if (m_readOnly || row < 0 || row >= m_rows.size())
        return false;
    const PendingRow &before = m_rows.at(row);
    const QString text = tr("Delete %1").arg(rowLabel(row));
    if (before.added) {
        m_undo->push(new PendingEditCommand(this, before.key, row, before, std::nullopt, text));
        return true;
    }
    if (before.deleted)
        return true;
    PendingRow after = before;
    after.deleted = true;
    pushRow(row, after, text);
    return true;
}

bool PendingTableModel::revertRow(int row)
{
    if (m_readOnly || row < 0 || row >= m_rows.size())
        return false;
    const PendingRow &before = m_rows.at(row);
    const QString text = tr("Revert %1").arg(rowLabel(row));
    if (before.added) {
        m_undo->push(new PendingEditCommand(this, before.key, row, before, std::nullopt, text));
        return true;
    }
    if (before.state() == PendingRow::State::Unchanged)
        return true;
    PendingRow after = before;
    after.current = before.original;
    after.deleted = false;
    if (m_conflicts.contains(before.key)) {
        // Changed by another console meanwhile: back to what is stored now (gone when it
        // was deleted there).
        const QVariantMap stored = m_conflicts.take(before.key);
        if (stored.isEmpty()) {
            m_undo->push(new PendingEditCommand(this, before.key, row, before, std::nullopt, text));
            return true;
        }
        after.original = stored;
        after.current = after.original;
    }
    pushRow(row, after, text);
    return true;
}

void PendingTableModel::revertAll()
{
    beginResetModel();
    QList<PendingRow> kept;
    for (PendingRow row : std::as_const(m_rows)) {
        if (row.added)
            continue;
        row.current = row.original;
        row.deleted = false;
        kept << row;
    }
    m_rows = kept;
    m_applyProblems.clear();
    for (qsizetype i = m_rows.size() - 1; i >= 0; --i) {
        PendingRow &row = m_rows[i];
        if (!m_conflicts.contains(row.key))
            continue;
        if (m_conflicts.value(row.key).isEmpty()) {
            m_rows.removeAt(i); // deleted by another console
            continue;
        }
        row.original = m_conflicts.value(row.key);
        row.current = row.original;
    }
    m_conflicts.clear();
    endResetModel();
    m_undo->clear();
    notifyPending();
}

void PendingTableModel::putRow(int key, int position, const std::optional<PendingRow> &row)
{
    const int existing = rowOfKey(key);
    m_applyProblems.remove(key);
    if (!row) {
        if (existing < 0)
            return;
        beginRemoveRows({}, existing, existing);
        m_rows.removeAt(existing);
        endRemoveRows();
    } else if (existing >= 0) {
        m_rows[existing] = *row;
        Q_EMIT dataChanged(index(existing, 0), index(existing, columnCount() - 1));
        Q_EMIT rowValuesChanged(existing);
    } else {
        const int at = qBound(0, position, int(m_rows.size()));
        beginInsertRows({}, at, at);
        m_rows.insert(at, *row);
        endInsertRows();
        Q_EMIT rowValuesChanged(at);
    }
    notifyPending();
}

void PendingTableModel::notifyPending()
{
    const int count = pendingCount();
    if (count != m_lastPending) {
        m_lastPending = count;
        Q_EMIT pendingCountChanged(count);
    }
}

QHash<QString, QString> PendingTableModel::validate(int) const
{
    return {};
}

QHash<QString, QString> PendingTableModel::blockingProblems(int row) const
{
    if (row < 0 || row >= m_rows.size() || m_rows.at(row).deleted)
        return {};
    QHash<QString, QString> all = validate(row);
    const auto applied = m_applyProblems.value(m_rows.at(row).key);
    for (auto it = applied.cbegin(); it != applied.cend(); ++it) {
        if (!all.contains(it.key()))
            all.insert(it.key(), it.value());
    }
    return all;
}

QHash<QString, QString> PendingTableModel::findings(int row) const
{
    if (row < 0 || row >= m_rows.size() || m_rows.at(row).deleted)
        return {};
    QHash<QString, QString> byField;
    const QVariantMap stored = m_rows.at(row).original.value(kRowFindings).toMap();
    for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
        const bool isField = fieldIndex(it.key()) >= 0 || m_titles.contains(it.key());
        const QString field = isField ? it.key() : m_labelField;
        const QString text = it.value().toString(); // names table, row and column
        const QString earlier = byField.value(field);
        byField.insert(field, earlier.isEmpty() ? text : earlier + u'\n' + text);
    }
    return byField;
}

bool PendingTableModel::storedAsIs(int row, const QString &column, const QStringList &fields) const
{
    if (row < 0 || row >= m_rows.size() || m_rows.at(row).added)
        return false;
    const PendingRow &r = m_rows.at(row);
    if (!r.original.value(kRowFindings).toMap().contains(column))
        return false;
    return std::all_of(fields.cbegin(), fields.cend(), [&r](const QString &field) {
        return r.current.value(field) == r.original.value(field);
    });
}

QString PendingTableModel::findingsOffColumns(int row) const
{
    QStringList texts;
    const auto byField = findings(row);
    for (auto it = byField.cbegin(); it != byField.cend(); ++it) {
        if (fieldIndex(it.key()) < 0 || it.key() == m_labelField)
            texts << it.value();
    }
    texts.sort();
    return texts.join(u'\n');
}

QHash<QString, QString> PendingTableModel::problems(int row) const
{
    QHash<QString, QString> all = blockingProblems(row);
    if (hasConflict(row) && !all.contains(m_labelField)) {
        all.insert(m_labelField,
                   m_conflicts.value(m_rows.at(row).key).isEmpty()
                       ? tr("Deleted by another console since it was read: Apply will refuse "
                            "this row. Your edits are kept; revert the row to drop them.")
                       : tr("Changed by another console since it was read: Apply will refuse "
                            "this row. Your edits are kept; revert the row to see the stored "
                            "values."));
    }
    const auto stored = findings(row);
    for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
        if (!all.contains(it.key()))
            all.insert(it.key(), it.value());
    }
    return all;
}

QString PendingTableModel::fieldTitle(const QString &field) const
{
    const int column = fieldIndex(field);
    return column >= 0 ? m_columns.at(column).title : m_titles.value(field, field);
}

QString PendingTableModel::firstProblem() const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).state() == PendingRow::State::Unchanged)
            continue;
        const auto found = blockingProblems(row);
        if (found.isEmpty())
            continue;
        // In column order, so the row's name is blamed before its details.
        QStringList fields = found.keys();
        std::sort(fields.begin(), fields.end(), [this](const QString &a, const QString &b) {
            const auto rank = [this](const QString &f) {
                const int column = fieldIndex(f);
                return column < 0 ? int(m_columns.size()) : column;
            };
            return rank(a) != rank(b) ? rank(a) < rank(b) : a < b;
        });
        return tr("%1: %2: %3")
            .arg(rowLabel(row), fieldTitle(fields.first()), found.value(fields.first()));
    }
    return {};
}

Result<void> PendingTableModel::apply()
{
    const auto written = writePending();
    if (!written)
        return written.error();
    if (written->isEmpty())
        return {};
    return finishApply(*written);
}

Result<void> PendingTableModel::finishApply(const QList<PendingChange> &changes)
{
    auto reloaded = reload();
    Q_EMIT applied(changes);
    return reloaded;
}

Result<QList<PendingChange>> PendingTableModel::writePending()
{
    if (m_readOnly) {
        return Error::make(Error::Code::ReadOnly,
                           tr("The workspace is open read-only; nothing can be applied."));
    }
    if (const QString problem = firstProblem(); !problem.isEmpty()) {
        return Error::make(Error::Code::Invalid,
                           tr("Nothing was written. Fix this first: %1").arg(problem));
    }
    const QList<PendingChange> changes = pendingChanges();
    if (changes.isEmpty())
        return changes;
    if (m_writer) {
        if (const auto failed = m_writer(changes)) {
            const PendingChange &change = changes.value(qMax(0, failed->index));
            const int row = rowOfKey(change.rowKey);
            const QString field = failed->field.isEmpty() ? m_labelField : failed->field;
            // A broken connection (Error::Code::Network) is not the row's fault: it is not
            // marked there, so that Apply can simply be run again.
            if (failed->error.code != Error::Code::Network)
                m_applyProblems[change.rowKey].insert(field, failed->error.message);
            if (row >= 0)
                Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
            Error e = failed->error;
            e.message = tr("Nothing was written: %1: %2: %3 Your edits are kept; fix them and "
                           "apply again.")
                            .arg(rowLabel(row), fieldTitle(field), failed->error.message);
            return e;
        }
    }
    return changes;
}

QString PendingTableModel::previewText(const QString &field, const QVariant &value) const
{
    const QString masked(8, QChar(0x2022));
    const int column = fieldIndex(field);
    QString text;
    if (column >= 0 && m_columns.at(column).kind == Kind::Secret)
        return value.toString().isEmpty() ? QString() : masked;
    if ((column >= 0 && m_columns.at(column).kind == Kind::Bool)
        || value.typeId() == QMetaType::Bool) {
        text = value.toBool() ? tr("yes") : tr("no");
    } else if (column >= 0) {
        text = displayText(m_columns.at(column), value);
    } else if (value.typeId() == QMetaType::QStringList) {
        text = value.toStringList().join(QStringLiteral(", "));
    } else if (value.typeId() == QMetaType::QVariantMap
               || value.typeId() == QMetaType::QVariantList) {
        text = QString::fromUtf8(QJsonDocument::fromVariant(value).toJson(QJsonDocument::Compact));
    } else {
        text = value.toString();
    }
    if (KeyValueModel::looksSecret(field))
        return text.isEmpty() ? QString() : masked;
    // Environment and headers are JSON objects: their secret-looking values are masked as the
    // key-value editors mask them.
    if (text.startsWith(QLatin1Char('{'))) {
        const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
        if (document.isObject()) {
            QJsonObject object = document.object();
            bool changed = false;
            for (auto it = object.begin(); it != object.end(); ++it) {
                if (KeyValueModel::looksSecret(it.key()) && !it.value().toString().isEmpty()) {
                    it.value() = masked;
                    changed = true;
                }
            }
            if (changed)
                text = QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
        }
    }
    constexpr int kLongest = 160;
    if (text.size() > kLongest)
        text = text.left(kLongest) + QChar(0x2026);
    return text;
}

QList<PendingTableModel::RowPreview> PendingTableModel::changePreview() const
{
    QList<RowPreview> preview;
    for (int row = 0; row < m_rows.size(); ++row) {
        const PendingRow &pending = m_rows.at(row);
        RowPreview entry;
        entry.label = rowLabel(row);
        switch (pending.state()) {
        case PendingRow::State::Unchanged:
            continue;
        case PendingRow::State::Added:
            entry.kind = PendingChange::Kind::Add;
            break;
        case PendingRow::State::Modified:
            entry.kind = PendingChange::Kind::Update;
            break;
        case PendingRow::State::Deleted:
            entry.kind = PendingChange::Kind::Remove;
            break;
        }
        if (entry.kind != PendingChange::Kind::Remove) {
            // The columns in their order, then the detail fields.
            QStringList fields;
            for (const Column &column : m_columns)
                fields << column.field;
            QStringList others = pending.current.keys() + pending.original.keys();
            others.sort();
            for (const QString &field : std::as_const(others)) {
                if (!fields.contains(field))
                    fields << field;
            }
            for (const QString &field : std::as_const(fields)) {
                if (field == kRowFindings || field == kRowUpdatedAt)
                    continue;
                const QVariant before = pending.added ? QVariant() : pending.original.value(field);
                const QVariant after = pending.current.value(field);
                if (!pending.added && before == after)
                    continue;
                FieldPreview change{field,
                                    fieldTitle(field),
                                    previewText(field, before),
                                    previewText(field, after)};
                if (change.after.isEmpty() && change.before.isEmpty())
                    continue;
                if (!pending.added && change.before == change.after
                    && change.before != QString(8, QChar(0x2022)))
                    continue; // shown the same (a value only its type tells apart)
                entry.fields << change;
            }
        }
        preview << entry;
    }
    return preview;
}

QList<PendingChange> PendingTableModel::pendingChanges() const
{
    QList<PendingChange> changes;
    for (const PendingRow &row : std::as_const(m_rows)) {
        PendingChange change;
        change.original = row.original;
        change.current = row.current;
        change.rowKey = row.key;
        switch (row.state()) {
        case PendingRow::State::Unchanged:
            continue;
        case PendingRow::State::Added:
            change.kind = PendingChange::Kind::Add;
            break;
        case PendingRow::State::Modified:
            change.kind = PendingChange::Kind::Update;
            break;
        case PendingRow::State::Deleted:
            change.kind = PendingChange::Kind::Remove;
            break;
        }
        changes << change;
    }
    return changes;
}

int PendingTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PendingTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QString PendingTableModel::displayText(const Column &column, const QVariant &value) const
{
    switch (column.kind) {
    case Kind::Bool:
        return {};
    case Kind::DateTime: {
        const QDateTime time = value.toDateTime();
        return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat)
                              : QString();
    }
    case Kind::Secret:
        return value.toString().isEmpty() ? QString() : QStringLiteral("••••••••");
    case Kind::Text:
        break;
    }
    return value.toString();
}

QVariant PendingTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid()
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PendingRow &row = m_rows.at(index.row());
    const Column &column = m_columns.at(index.column());
    const QVariant value = row.current.value(column.field);
    switch (role) {
    case Qt::DisplayRole:
        return displayText(column, value);
    case Qt::EditRole:
        return column.kind == Kind::Bool ? QVariant(value.toBool()) : QVariant(value.toString());
    case Qt::CheckStateRole:
        if (column.kind == Kind::Bool)
            return value.toBool() ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::ToolTipRole:
    case ProblemRole: {
        QString problem = problems(index.row()).value(column.field);
        if (problem.isEmpty() && column.field == m_labelField)
            problem = findingsOffColumns(index.row());
        if (role == ProblemRole || !problem.isEmpty())
            return problem;
        return {};
    }
    case Qt::BackgroundRole: {
        if (!blockingProblems(index.row()).value(column.field).isEmpty())
            return QBrush(QColor(255, 205, 205));
        if (column.field == m_labelField && hasConflict(index.row()))
            return QBrush(QColor(255, 170, 90)); // changed by another console meanwhile
        if (!findings(index.row()).value(column.field).isEmpty()
            || (column.field == m_labelField && !findingsOffColumns(index.row()).isEmpty()))
            return QBrush(QColor(255, 222, 160)); // stored that way: named, not refused
        switch (row.state()) {
        case PendingRow::State::Added:
            return QBrush(QColor(215, 245, 215));
        case PendingRow::State::Modified:
            return row.current.value(column.field) != row.original.value(column.field)
                       ? QBrush(QColor(255, 240, 190))
                       : QVariant();
        case PendingRow::State::Deleted:
            return QBrush(QColor(235, 235, 235));
        case PendingRow::State::Unchanged:
            break;
        }
        return {};
    }
    case Qt::ForegroundRole:
        if (row.state() == PendingRow::State::Added || row.state() == PendingRow::State::Deleted
            || row.state() == PendingRow::State::Modified)
            return QBrush(QColor(30, 30, 30)); // readable on the state colours in dark themes
        return {};
    case Qt::FontRole:
        if (row.deleted) {
            QFont font;
            font.setStrikeOut(true);
            return font;
        }
        return {};
    case StateRole:
        return int(row.state());
    case RowKeyRole:
        return row.key;
    case RawValueRole:
        return value;
    default:
        return {};
    }
}

bool PendingTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid()
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    if (!(flags(index) & (Qt::ItemIsEditable | Qt::ItemIsUserCheckable)))
        return false;
    const Column &column = m_columns.at(index.column());
    if (role == Qt::CheckStateRole && column.kind == Kind::Bool)
        return setValue(index.row(), column.field, value.toInt() == Qt::Checked);
    if (role != Qt::EditRole)
        return false;
    return setValue(
        index.row(), column.field, column.kind == Kind::Bool ? QVariant(value.toBool()) : value);
}

QVariant PendingTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= m_columns.size())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole)
        return m_columns.at(section).title;
    if (role == Qt::ToolTipRole && m_toolTips.contains(m_columns.at(section).field))
        return m_toolTips.value(m_columns.at(section).field);
    return {};
}

Qt::ItemFlags PendingTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid()
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
    const PendingRow &row = m_rows.at(index.row());
    const Column &column = m_columns.at(index.column());
    const bool editable = !m_readOnly && !row.deleted
                          && (column.editable || (row.added && column.editableWhenAdded));
    if (editable)
        f |= column.kind == Kind::Bool ? Qt::ItemIsUserCheckable : Qt::ItemIsEditable;
    return f;
}

} // namespace mcphub
