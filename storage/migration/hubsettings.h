#pragma once

#include "storage/db/repositorycontext.h"
#include "storage/migration/migrationreport.h"
#include "storage/migration/settingsmapper.h"
#include "storage/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace mcphub {

// One key of a settings-file entity and the column of MCPHub's table that holds it
// (mcphub-dbmode.md §1.2-1.3).
struct HubColumn
{
    enum class Kind {
        Text, // varchar/text: a JSON string
        Bool, // boolean
        Int,  // integer (32 bits)
        Json, // text holding JSON.stringify(value)
        Time, // timestamp without time zone: an ISO string in UTC ("...T...Z")
    };
    QString key;    // in the file
    QString column; // in the table, unquoted
    Kind kind = Kind::Text;
    int maxLength = 0; // varchar(n): characters; 0 = no limit
    // What the column gets when the file has no such key: MCPHub's default for a NOT NULL
    // column (as JSON: a string for Text/Json/Time), or null (SQL NULL).
    OrderedJson whenAbsent;
    bool required = false; // NOT NULL with no default: a record without it is refused
    bool notNull = false;  // NOT NULL (with whenAbsent as its default, unless required)
    bool unique = false;   // a UNIQUE constraint (NULLs aside): no two rows share a value
};

// One entity type of a settings file (a top-level key) and MCPHub's table for it.
struct HubEntity
{
    enum class Shape {
        Array,  // [ {...} ] keyed by a field (users: username)
        Map,    // { key: {...} } (mcpServers, userConfigs)
        Single, // one object, one row id='default' (systemConfig)
    };
    QString name; // top-level key
    Shape shape = Shape::Array;
    QString table;
    QString keyColumn;    // the natural key the file and the table are matched on
    QString keyField{};   // Array: the file's field holding it
    int keyMaxLength = 0; // varchar(n) of keyColumn
    bool fileIds = false; // the file's "id" is the row's uuid (kept, or a uuid made for it)
    bool splitsRest
        = false; // userConfigs: routing in its column, every other key in additionalConfig
    QList<HubColumn> columns{}; // without the key and id, in MCPHub's order

    const HubColumn *column(const QString &key) const;
};

// Every entity type MCPHub's tables hold, in the order the report lists them and the import
// writes them (servers before the groups and keys that name them; a migration writes the
// users first, while it plans the rest).
const QList<HubEntity> &hubEntities();
const HubEntity *hubEntity(const QString &name);

// One entity of the file as the row of its table.
struct HubRow
{
    const HubEntity *entity = nullptr;
    QString key;     // natural key value
    QString pointer; // "/mcpServers/fetch", "/users/0"
    int ordinal = 0; // position in the file
    QString id;      // a uuid from the file (kept or made from a non-uuid id); empty: none
    // Every column of the entity (file value or whenAbsent), as JSON: strings for
    // Text/Json/Time (Time as "yyyy-MM-ddTHH:mm:ss.zzz" UTC), booleans, integers, null.
    OrderedJson values = OrderedJson::object();
    // Columns the file does not describe for this row: kept as the database has them
    // (servers.oauth, MCPHub's own runtime OAuth state, when the file has no "oauth").
    QStringList notDescribed;
    std::string keysJson; // the file's keys in file order, a JSON array (the row's shape)

    // The value of the entity's column `column`, the `at`-th: looked at in its place first
    // (Mapping::mapEntity() puts them in column order), by name otherwise; null when absent.
    const OrderedJson &columnValue(size_t at, const std::string &column) const;
};

// A settings document as MCPHub's rows, and MCPHub's rows as a settings document.
// What the file has and MCPHub's tables have no place for is a loss, named by pointer. The
// shape of each entity (its keys in file order, its position) is kept in the console's
// schema (mcphub_admin.settings_shapes) so that an export gives back the file's keys, order
// and explicit defaults; rows without a shape (made by MCPHub or another tool) are written
// with every non-null column, in MCPHub's order.
class HubSettings
{
    Q_DECLARE_TR_FUNCTIONS(HubSettings)

public:
    struct Mapped
    {
        QList<HubRow> rows;
        QStringList documentKeys; // top-level keys in file order
        QList<MigrationReport::Item> losses;
        QList<MigrationReport::Item> idRewrites;
        QList<MigrationReport::Item> warnings;
        QList<MappingIssue> issues; // records MCPHub's tables cannot take at all
    };
    // A document as MCPHub's rows: the top level (the document's keys, what MCPHub has no
    // place for there, the ids rewritten), then each entity's rows, in any order and on any
    // thread (mapEntity() only reads), so that a caller can write an entity while it maps
    // another. The report lists them in hubEntities() order.
    class Mapping
    {
        Q_DECLARE_TR_FUNCTIONS(HubSettings) // its texts are HubSettings' own

    public:
        explicit Mapping(const OrderedJson &document); // kept by reference
        const Mapped &top() const { return m_top; }
        qsizetype entries(const HubEntity &entity) const; // the document's, valid or not
        // `batch`, when given, is called each time kBatchEntries more entries were mapped
        // (the rows so far are in `out`), with the number of entries mapped so far: a caller
        // can write them while the rest is mapped. When it returns false, the rest is not
        // mapped.
        void mapEntity(const HubEntity &entity,
                       Mapped *out,
                       const std::function<bool(qsizetype)> &batch = {}) const;
        static constexpr qsizetype kBatchEntries = 2000;

    private:
        const OrderedJson &document() const;
        const OrderedJson *m_source;
        OrderedJson m_rewritten; // the document with its ids rewritten, when any is
        Mapped m_top;
    };

    // A uuid for an id that is not one: the same id always gets the same uuid (a name-based
    // uuid), so that migrating the same file again matches the same rows.
    static QString uuidFor(const QString &entity, const OrderedJson &id);

    // `text` as a JSON string, as OrderedJson's dump() writes it (a text that needs no escape
    // as it is, without a JSON value made of it).
    static void appendJsonString(std::string *out, const std::string &text);
    // QString::toStdString() in one allocation when `text` is ASCII, as names and ids
    // usually are (toStdString makes a QByteArray first: 600 instructions a name); into `out`,
    // whose memory a caller converting row after row keeps.
    static std::string toStdString(const QString &text);
    static void toStdString(const QString &text, std::string *out);
    // A row value (row_to_json) as text: the string, or a null QString for anything else.
    static QString textOf(const OrderedJson &value);
    // A time column's text (no zone: MCPHub writes UTC) or a file's ISO time, in UTC.
    static QDateTime parseTime(const QString &text);
    // A time as MCPHub's settings file writes it ("...T...Z", milliseconds).
    static QString timeForFile(const QDateTime &t);
    // A key's value without copying it (null when absent).
    static const OrderedJson &valueAt(const OrderedJson &object, const std::string &key);

    static inline const QString kShapesTable = QStringLiteral("mcphub_admin.settings_shapes");
    // Whether a migration into MCPHub's database writes `table` (an entity's table or the
    // shapes): the only tables a rollback takes from a run's record into its SQL.
    static bool isMigratedTable(const QString &table);
    static QString shapeId(const QString &entity, const QString &key);

    // The shapes of every row of one Array or Map entity (users, mcpServers...) in one row of
    // the shapes table, id "*/<entity>" (no entity is named "*", so it meets no
    // "<entity>/<key>"): {"shapes": [[keys...], ...], "rows": [[key, shape], ...]}, the rows
    // in file order (a row's place is its ordinal), each naming one of the distinct key lists.
    // One row instead of one per entry: a migration of 66,000 entries wrote 66,000 shape rows
    // (about a third of what the rows themselves cost to COPY), read them back and recorded
    // their ids. Per-entry rows ("users/alice") that runs of earlier versions wrote are still
    // read; an entity's shapes row wins over them.
    class EntityShapes
    {
    public:
        static QString id(const QString &entity);
        static bool isId(const QString &id, QString *entity);
        // The entries of a stored text in order: key, keys (JSON array text). Empty when the
        // text is not such an object.
        static std::vector<std::pair<std::string, std::string>> parse(const std::string &text);
        // Every entry's shape in rows of the shapes table, by shapeId() ("users/alice"): the
        // per-entry rows of earlier runs, with each entity's row over them (an entry's ordinal
        // is then its place there).
        struct Entry
        {
            int ordinal = 0;
            std::string keysJson;
        };
        static QHash<QString, Entry> entries(const QList<OrderedJson> &rows);

        void reserve(size_t rows);
        // An entry, unless one with this key was added before (the first stays).
        void add(std::string key, const std::string &keysJson);
        // An entry whose key no entry added before has (the caller knows: an entity's mapped
        // rows, whose keys HubSettings::Mapping made unique): not looked up.
        void addNew(std::string key, const std::string &keysJson);
        bool empty() const { return m_rows.empty(); }
        std::string text() const;

    private:
        void append(std::string key, const std::string &keysJson);

        std::vector<std::string> m_lists; // distinct keys JSON texts
        std::unordered_map<std::string, int> m_listIndex;
        int m_lastList = -1; // the list of the entry added last: rows mostly share one
        std::vector<std::pair<std::string, int>> m_rows;
        // The keys of the first m_indexed rows, made when add() first needs them: a file's
        // tens of thousands of entries go through addNew().
        std::unordered_set<std::string> m_keys;
        size_t m_indexed = 0;
    };

    // Every row of `table` as row_to_json gives it (exact column values: timestamps to the
    // microsecond, JSON columns as their stored text), keyed by id text, in created order.
    static Result<QList<OrderedJson>> readRows(const RepositoryContext &context,
                                               const QString &table);
    static Result<std::optional<OrderedJson>>
    readRow(const RepositoryContext &context, const QString &table, const QString &id);

    // Whether a stored column value equals the file's (JSON compared as values, times as
    // instants).
    static bool
    sameValue(HubColumn::Kind kind, const OrderedJson &stored, const OrderedJson &wanted);

    // What a run records of a row it wrote, so that a rollback can tell whether it changed
    // since: the SHA-256 (hex) of the row as readRows() gives it, serialized.
    static QString rowDigest(const OrderedJson &row);
    // The rows a run inserted, per table: their ids in order and one SHA-256 (hex) over the
    // SHA-256 (hex) of each row's row_to_json(t)::text, as the database gives it, in that
    // order: recorded as {"table", "created": [ids], "createdRowsSha256"} (a rollback removes
    // them when unchanged: changedSince()). Runs recorded before have "createdSha256" (the
    // same over rowDigest()s); both are checked.
    // A table of MCPHub's whose new rows are digested by their columns instead (setColumns):
    // {"table", "created", "columns": [[name, "text"|"json"], ...], "createdLinesSha256"},
    // the SHA-256 (hex) over textDigest() of each row's line as COPY (SELECT the columns) TO
    // STDOUT writes it, "id" first. That is what the migration reads back to verify anyway
    // (and compares with the line it wrote), so the rows are not also sent as row_to_json.
    // Runs recorded before have "createdFieldsSha256" in its place: the same over
    // fieldsDigest() of each row's fields.
    struct DigestColumn
    {
        QString name;
        bool viaJson = false; // read as to_json(c) #>> '{}' (a time: no session's DateStyle)
        // Read as NULL when it holds the transaction's now() (timestamp or timestamptz), for a
        // column that cannot be NULL: its text is then the reader's to put back. Not recorded.
        QString nowType{};
        // now()::nowType as the server wrote it in this transaction, when known: compared as
        // that constant (now()::timestamp is otherwise converted again for every row).
        QByteArray nowText{};
    };
    struct TableColumn
    {
        QString name;
        QString nowType; // timestamp or timestamptz when the column cannot be NULL; else empty
        QString type;    // as format_type() names it without its modifier: uuid, text...
    };
    // Every column of `table` (MCPHub's, in public), in the table's order.
    static Result<QList<TableColumn>> tableColumns(const RepositoryContext &context,
                                                   const QString &table);
    // The select list that reads `columns` as digested.
    static QString digestSelect(const QSqlDatabase &db, const QList<DigestColumn> &columns);
    // SHA-256 (hex) of a row's fields: each as its length (4 bytes; 0xffffffff for NULL) and
    // its bytes.
    static QByteArray fieldsDigest(const std::vector<std::optional<QByteArrayView>> &fields);

    class CreatedRows
    {
    public:
        // `digest`: textDigest() of the row's row_to_json(t)::text as written, or for a table
        // given setColumns(), textDigest() of its COPY line.
        void add(const QString &table, std::string id, const QByteArray &digest); // id: UTF-8
        // The same with textDigest(text), made in place. `series`: the id's index in the
        // table's uuid series (setSeries), or -1.
        void addText(const QString &table, std::string id, QByteArrayView text, qint64 series = -1);
        void setColumns(const QString &table, const QList<DigestColumn> &columns);
        // The key (UuidSeries::key) of the series the table's new ids were made from.
        void setSeries(const QString &table, const QByteArray &key);
        static QByteArray textDigest(QByteArrayView text); // SHA-256, hex
        // The ids move into `changes`: a table's as "created", a list of its ids; or, when
        // some came from its uuid series, as "createdRuns", a list whose members are ids or
        // [first, count] runs of the series, with "uuidSeries" its key. "created" then holds
        // kSeriesOnly, an id no row has: a console that predates the series, rolling the run
        // back, finds that row gone and refuses, rather than leaving the new rows in place.
        void record(OrderedJson *changes);
        static constexpr const char *kSeriesOnly = "(recorded as a uuid series: roll back with "
                                                   "a console that reads it)";
        // The changes of a recorded run with "createdRuns" given their "created" lists again
        // (the ids their runs make), at most 20 million ids in all. An unreadable one gets an
        // id no row has: the rollback then finds the rows changed and refuses.
        static void expand(OrderedJson *changes);
        // For a recorded {"table", "created", "createdLinesSha256", "createdFieldsSha256",
        // "createdRowsSha256" or "createdSha256"}: whether any of the rows is gone or different
        // now.
        static Result<bool> changedSince(const RepositoryContext &context,
                                         const OrderedJson &change);

    private:
        struct Table
        {
            OrderedJson ids = OrderedJson::array(); // ids and [first, count] runs
            bool runs = false;                      // whether `ids` holds runs
            QByteArray series;                      // the key of its uuid series
            QByteArray digests;
            QList<DigestColumn> columns; // empty: row_to_json digests
        };
        Table &tableFor(const QString &table); // made when first named
        QList<QString> m_order;
        QHash<QString, Table> m_tables;
    };

    // A row put back exactly as `image` (row_to_json of it) says, every column: updated
    // when a row with this id exists, else inserted. And a row removed.
    static Result<void>
    restoreRow(const RepositoryContext &context, const QString &table, const OrderedJson &image);
    static Result<void>
    removeRow(const RepositoryContext &context, const QString &table, const QString &id);

    // The database as a settings document in MCPHub's format. `warnings` gets the rows or
    // columns that could not be read (text that is not JSON), named table/row/column.
    static Result<OrderedJson> exportDocument(const RepositoryContext &context,
                                              QList<MigrationReport::Item> *warnings = nullptr);
    // `document` with the ids a migration would rewrite rewritten (and every reference to
    // them), for comparing a file with what the database holds.
    static OrderedJson withRewrittenIds(const OrderedJson &document);
};

} // namespace mcphub
