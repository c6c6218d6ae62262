#pragma once

// What Migrator's steps for MCPHub's own database share between their files: the run's plan
// and verification state (Migrator::Hub), the COPY of new rows (Hub::RowCopy,
// migratorhubcopy.cpp), and the helpers both the import (migratorhub.cpp) and the
// verification (migratorhubverify.cpp) use.

#include "storage/db/binarycopyrow.h"
#include "storage/db/bulkinserter.h"
#include "storage/db/serverrepository.h"
#include "storage/migration/hubsettings.h"
#include "storage/migration/migrator.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mcphub {

// What MCPHub's tables held when the run planned (read under the run's lock while the file is
// parsed). Filled before any thread reads it, then only read (by every entity's planEntity()).
struct Migrator::HubTables
{
    struct Entity
    {
        QList<OrderedJson> rows;
        QHash<QString, int> byId, byKey;         // index into rows (the first with the key)
        QList<HubSettings::TableColumn> columns; // the table's, for its COPY and its read-back
    };
    QHash<const HubEntity *, Entity> entities;
    QHash<QString, OrderedJson> shapesBefore; // by id
    // The shapes the rows had before, for a row the run skips, which keeps its own.
    QHash<QString, HubSettings::EntityShapes::Entry> oldShapes;
};

struct Migrator::Hub
{
    struct Planned
    {
        int row = 0; // in mapped.rows
        Action action = Action::Create;
        QString id;            // the row's id once written
        OrderedJson before;    // the stored row (null when new)
        QStringList differing; // columns to write (Overwrite)
        qint64 series = -1;    // a new id's index in its entity's uuid series, when made there
    };
    struct Shape
    {
        QString id;
        int ordinal = 0;
        QString keys; // JSON array text
    };
    using Tables = HubTables;
    // One entity of the file mapped and planned: its rows, what each becomes, and what the
    // report says of them. Made on any thread: it touches neither the report nor the database.
    struct EntityPlan
    {
        const HubEntity *entity = nullptr;
        HubSettings::Mapped mapped;    // its rows (moved into the run's by adopt()), losses...
        QList<Planned> plans;          // row: index into mapped.rows until adopted
        QByteArray uuidSeries;         // the key of the series its new ids are made from
        std::vector<QByteArray> lines; // per plan, when written before adopted (see lines)
        QSet<int> matched;             // index into the table's rows
        MigrationReport::EntityCounts counts;
        QList<MigrationReport::Item> conflicts;
        QList<Shape> shapes; // a single entity's (systemConfig's) shape row when it changed
        HubSettings::EntityShapes entityShapes; // every row's, for the others
        std::optional<Shape> entityShape;       // their shapes row, when it changed
        QList<MigrationReport::Item> kept, pruned;
        QList<OrderedJson> prunes; // the rows --prune removes
        int usersAfter = 0;        // users: the rows the table keeps or gets
        // A unique column's value that a row the file does not describe holds (a user's
        // email): the run refuses it by name rather than the database mid-COPY.
        std::optional<MigrationReport::Item> taken;
    };
    struct EntityPlanner; // planEntity() in steps: as the rows are mapped
    struct RowCopy;       // new rows as COPY lines (below)
    static EntityPlan planEntity(const HubSettings::Mapping &mapping,
                                 const HubEntity &entity,
                                 const Tables &tables,
                                 const MigrationOptions &options);
    // The entity's rows and plans appended to the run's (`part` keeps its report items).
    void adopt(EntityPlan &part);
    // The plans in hubEntities() order, as the report lists them (users are planned first).
    std::vector<int> plansInEntityOrder() const;

    HubSettings::Mapped mapped;
    QList<Planned> plans;
    QHash<const HubEntity *, std::pair<int, int>> planRanges; // [first, end) in plans
    QHash<const HubEntity *, QByteArray> uuidSeries;          // the keys of their new ids' series
    const HubEntity *copiedEarly = nullptr; // its new rows written while the rest was planned
    QList<QPair<const HubEntity *, OrderedJson>> prunes;
    QHash<QString, OrderedJson> shapesBefore; // by id
    QList<Shape> shapes;                      // to write
    // Per plan: the COPY line a new row was written with (empty for the others), which the
    // verification compares with the line the row reads back as.
    std::vector<QByteArray> lines;

    // The verification. Each table is read back as soon as the import has written it, and
    // its lines are compared on another thread while the server takes the next table's rows:
    // the server, not this thread, is what a COPY waits for. verifyHub() waits for the last.
    struct Written
    {
        const HubEntity *entity = nullptr;
        std::vector<int> order;       // indexes into plans, in the order written
        QHash<QByteArray, int> plans; // id (UTF-8) -> index into plans; made when needed
        QSet<QString> pruned;         // ids the run removed
        bool overwrites = false;      // rows updated in place: their images are read for the record
    };
    struct Check
    {
        std::vector<Written> written; // one per table written, in the order first written
        QHash<QString, qsizetype> byTable;
        QList<bool> found;
        QHash<int, QStringList> differing;          // plan -> columns that read back otherwise
        QHash<int, OrderedJson> storedRows;         // plan -> the row read back (systemConfig)
        QHash<int, QList<HubChange>> serverChanges; // plan -> what the hubs are told (servers)
        QHash<QString, OrderedJson> fullImages;     // "table/id" -> row_to_json (overwritten rows)
        QSet<QString> stillThere;                   // "table/id" of pruned rows read back
        HubSettings::CreatedRows created;           // the new rows found, as read back
        QHash<QString, QByteArray> nowTexts;        // the transaction's now() as text, by type
        // The new shapes rows as written: their digests by id (empty: not read back), read
        // once they are written, while the other thread still compares the tables' rows.
        QHash<QString, QByteArray> shapeDigests;
    };
    std::unique_ptr<Check> check;
    // The comparison of the tables read back so far (each waits for the one before). Last, so
    // that it is waited for before the rest goes.
    std::future<void> checking;
};

// An entity's new rows in one COPY, written straight from the mapped values
// (BulkInserter::append's QVariant of each costs more than the server's work on it): in COPY's
// binary format where the table's columns have one (MCPHub's users, servers, groups and keys:
// the server then reads no text into values), else as text lines. Each row's text line (NULL,
// t/f, a decimal integer or the text) is made anyway and kept for the verification, which
// reads the rows back as text. (migratorhubcopy.cpp)
struct Migrator::Hub::RowCopy
{
    RowCopy(const RepositoryContext &context,
            const HubEntity &entity,
            const QList<HubSettings::TableColumn> &tableColumns,
            const QString &sourcePath);

    // The plan's row when it is new; `line` gets its text (emptied again when a value has no
    // text that reads back as itself: such a row is compared column by column), and the
    // binary row its fields, which goes instead when every value has a binary form. Once a
    // row went as text the rest go as text too: each change of format ends a COPY, which
    // waits for the server. Nothing more goes once a row failed.
    void add(const Planned &p, const HubRow &row, QByteArray *line);
    Result<void> finish();

    std::optional<BulkInserter> inserter; // once a row was added

private:
    // `text` in UTF-8, in a buffer kept from row to row (QString::toUtf8 allocated twice a
    // row); valid until the next call.
    QByteArrayView utf8Of(const QString &text);
    // The row the server refused, by its place in the file (a COPY ended where the format
    // changed reports an earlier row's error): empty when it did not say.
    QString refusedPointer() const;

    const RepositoryContext &context;
    const HubEntity &entity;
    const QString sourcePath;
    QStringList columns;
    std::vector<std::string> names;      // the columns as row.values names them
    QStringList pointers;                // of the rows sent, in order
    std::optional<BinaryCopyRow> binary; // when every column has a binary form
    bool text = false;                   // a row went as text: the rest follow
    std::optional<Error> error;
    std::string scratch;    // the row's text line, as it is made
    std::string utf8Buffer; // utf8Of's
};

namespace hubdetail {

// The texts' translation context, declared so that lupdate files them under it (a tr()
// helper calling translate() was filed under the enclosing namespace or class).
struct MigratorTexts
{
    Q_DECLARE_TR_FUNCTIONS(Migrator)
};

// The entity's file key of a column, for pointers ("url", "ssoUserId").
QString fileKey(const HubEntity &entity, const QString &column);
// A server row (row_to_json) as the record HubChange compares.
ServerRecord serverOf(const OrderedJson &row);

} // namespace hubdetail

} // namespace mcphub
