// The migration into MCPHub's own database: the new rows of an entity written in one COPY
// (Migrator::Hub::RowCopy), from the plan of the users as they are mapped or from the import.
#include "storage/migration/migrationtiming.h"
#include "storage/migration/migratorhub_p.h"

#include <charconv>

namespace mcphub {

Migrator::Hub::RowCopy::RowCopy(const RepositoryContext &context,
                                const HubEntity &entity,
                                const QList<HubSettings::TableColumn> &tableColumns,
                                const QString &sourcePath)
    : context(context)
    , entity(entity)
    , sourcePath(sourcePath)
{
    columns << QStringLiteral("id");
    if (entity.keyColumn != QLatin1String("id"))
        columns << entity.keyColumn;
    for (const HubColumn &c : entity.columns) {
        columns << c.column;
        names.push_back(c.column.toStdString());
    }
    // The columns' types. A column the table lacks has none: text, whose COPY says what is
    // wrong.
    QHash<QString, QString> types;
    for (const HubSettings::TableColumn &c : tableColumns)
        types.insert(c.name, c.type);
    std::vector<QString> typeNames;
    for (const QString &c : std::as_const(columns))
        typeNames.push_back(types.value(c));
    std::vector<BinaryCopyRow::Type> binaryTypes;
    if (BinaryCopyRow::typesOf(typeNames, &binaryTypes))
        binary.emplace(std::move(binaryTypes));
}

void Migrator::Hub::RowCopy::add(const Planned &p, const HubRow &row, QByteArray *line)
{
    if (p.action != Action::Create || error)
        return;
    if (!inserter)
        inserter.emplace(context, entity.table, columns, false);
    bool asBinary = binary && !text;
    if (asBinary)
        binary->begin();
    // The line is made in a buffer kept from row to row and copied out once.
    scratch.clear();
    const auto field = [&](QByteArrayView utf8) {
        BulkInserter::appendCopyField(&scratch, utf8);
        asBinary = asBinary && binary->addText(utf8);
    };
    field(utf8Of(p.id));
    if (entity.keyColumn != QLatin1String("id")) {
        scratch += '\t';
        field(utf8Of(row.key));
    }
    bool comparable = true;
    for (size_t at = 0; at < names.size(); ++at) {
        const OrderedJson &v = row.columnValue(at, names[at]);
        scratch += '\t';
        if (v.is_string()) {
            const std::string &text = v.get_ref<const std::string &>();
            field(QByteArrayView(text.data(), qsizetype(text.size())));
        } else if (v.is_boolean()) {
            scratch += v.get<bool>() ? 't' : 'f';
            asBinary = asBinary && binary->addBool(v.get<bool>());
        } else if (v.is_number_integer()) {
            char digits[24];
            const auto printed = std::to_chars(digits, digits + sizeof digits, v.get<qint64>());
            scratch.append(digits, printed.ptr);
            asBinary = asBinary && binary->addInteger(v.get<qint64>());
        } else {
            comparable = comparable && v.is_null();
            scratch.append("\\N", 2);
            asBinary = asBinary && binary->addNull();
        }
    }
    text = !asBinary;
    pointers.append(row.pointer);
    if (auto appended = asBinary ? inserter->appendBinaryRow(binary->row())
                                 : inserter->appendLine(
                                     QByteArrayView(scratch.data(), qsizetype(scratch.size())));
        !appended) {
        error = appended.error();
        const QString refused = refusedPointer();
        error->where = sourcePath + QLatin1Char('#') + (refused.isEmpty() ? row.pointer : refused);
    }
    if (!comparable)
        line->clear();
    else if (line->isEmpty())
        *line = QByteArray(scratch.data(), qsizetype(scratch.size()));
    else
        line->append(scratch.data(), qsizetype(scratch.size()));
}

Result<void> Migrator::Hub::RowCopy::finish()
{
    if (error)
        return *error;
    if (inserter) {
        if (auto finished = inserter->finish(); !finished) {
            Error e = finished.error();
            if (const QString refused = refusedPointer(); !refused.isEmpty())
                e.where = sourcePath + QLatin1Char('#') + refused;
            return e;
        }
        migrationMark(qPrintable(QStringLiteral("import: COPY ") + entity.table));
    }
    return {};
}

QByteArrayView Migrator::Hub::RowCopy::utf8Of(const QString &text)
{
    HubSettings::toStdString(text, &utf8Buffer);
    return QByteArrayView(utf8Buffer.data(), qsizetype(utf8Buffer.size()));
}

QString Migrator::Hub::RowCopy::refusedPointer() const
{
    const qint64 failed = inserter ? inserter->failedRow() : -1;
    return failed >= 0 && failed < pointers.size() ? pointers.at(failed) : QString();
}

Result<void> Migrator::copyHubRows(const HubEntity &entity)
{
    Hub &h = *m_hub;
    const auto range = h.planRanges.value(&entity, {0, 0});
    Hub::RowCopy copy(
        m_context, entity, m_hubTables->entities.value(&entity).columns, m_options.sourcePath);
    for (int i = range.first; i < range.second; ++i) {
        const Hub::Planned &p = h.plans.at(i);
        copy.add(p, h.mapped.rows.at(p.row), &h.lines[size_t(i)]);
    }
    return copy.finish();
}

} // namespace mcphub
