// BulkInserter on SQLite and the real PostgreSQL: every value kind stored as QSqlQuery would
// store it (NULLs, null strings, text with the characters COPY escapes, unicode, booleans,
// integers, timestamps), ids returned in order across PostgreSQL's COPY chunks, nothing
// visible after the caller's rollback, and a constraint violation naming the table.

#include "storage/db/binarycopyrow.h"
#include "storage/db/bulkinserter.h"
#include "storage/db/bulkreader.h"
#include "storage/db/sqldialect.h"
#include "storage/db/transactionguard.h"
#include "storage/db/workspace.h"
#include "storage/sqlconnection.h"
#include "tests/support/testbackend.h"
#include "tests/support/testenv.h"

#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>

#include <limits>

using namespace mcphub;

namespace {

const QString kConnection = QStringLiteral("tst_bulkinserter");

const QStringList kColumns = {QStringLiteral("timestamp"),
                              QStringLiteral("username"),
                              QStringLiteral("server_name"),
                              QStringLiteral("tool_name"),
                              QStringLiteral("success"),
                              QStringLiteral("arguments"),
                              QStringLiteral("duration")};

qint64 scalar(const Workspace &ws, const QString &sql)
{
    QSqlQuery q(ws.database());
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

} // namespace

class TestBulkInserter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { closeSqlConnection(kConnection); }

    void valuesStoredAsBound_data() { MCPHUB_BACKEND_ROWS(); }
    void valuesStoredAsBound();
    void idsAcrossChunksAndRollback_data() { MCPHUB_BACKEND_ROWS(); }
    void idsAcrossChunksAndRollback();
    void constraintViolationNamesTheTable_data() { MCPHUB_BACKEND_ROWS(); }
    void constraintViolationNamesTheTable();
    void timestampTextMatchesQt();
    void copyFieldEscapesEveryByteWherever();
    void linesReadBackByteForByte();
    void binaryRowsHoldWhatTheirLinesSay();
    void binaryRowRefusesWhatHasNoBinaryForm();
};

void TestBulkInserter::valuesStoredAsBound()
{
    MCPHUB_BACKEND(backend);
    auto ws = Workspace::open(backend.profile(), kConnection);
    QVERIFY2(ws, qPrintable(ws ? QString() : ws.error().toString()));
    const QDateTime when
        = QDateTime::fromString(QStringLiteral("2026-11-25T19:12:03.398Z"), Qt::ISODateWithMs);
    const QString tricky
        = QStringLiteral("tab\there, new\nline, cr\rback\\slash \\N, 中文 ü 🙂");
    {
        TransactionGuard tx(ws->database());
        BulkInserter inserter(ws->context(), QStringLiteral("mcp_usage_logs"), kColumns, true);
        QVERIFY(inserter
                    .append({when,
                             QVariant(),
                             tricky,
                             QStringLiteral("t"),
                             true,
                             QStringLiteral("{\"a\":\"x\\ty\"}"),
                             qint64(42)})
                    .ok());
        QVERIFY(inserter
                    .append({when.addMSecs(1),
                             QString(), // a null string is NULL, as QSqlQuery binds it
                             QStringLiteral(""),
                             QStringLiteral("t"),
                             false,
                             QVariant(),
                             QVariant()})
                    .ok());
        QVERIFY(inserter.finish().ok());
        QCOMPARE(inserter.rowCount(), 2);
        QCOMPARE(inserter.ids().size(), size_t(2));
        QVERIFY(inserter.ids().at(1) > inserter.ids().at(0));
        QVERIFY(tx.commit().ok());
    }
    QSqlQuery q(ws->database());
    QVERIFY(q.exec(QStringLiteral("SELECT timestamp, username, server_name, success, arguments, "
                                  "duration FROM mcp_usage_logs ORDER BY id")));
    const SqlDialect dialect = SqlDialect::forDatabase(ws->database());
    QVERIFY(q.next());
    QCOMPARE(dialect.timestampFromValue(q.value(0)), when);
    QVERIFY(q.value(1).isNull());
    QCOMPARE(q.value(2).toString(), tricky);
    QVERIFY(q.value(3).toBool());
    QCOMPARE(q.value(4).toString(), QStringLiteral("{\"a\":\"x\\ty\"}"));
    QCOMPARE(q.value(5).toLongLong(), 42);
    QVERIFY(q.next());
    QVERIFY(q.value(1).isNull());
    QVERIFY(!q.value(2).isNull());
    QCOMPARE(q.value(2).toString(), QString());
    QVERIFY(!q.value(3).toBool());
    QVERIFY(q.value(4).isNull());
    QVERIFY(q.value(5).isNull());
    QVERIFY(!q.next());
    // The timestamps sort and filter as the repositories' own values do.
    QCOMPARE(scalar(*ws,
                    QStringLiteral("SELECT count(*) FROM mcp_usage_logs WHERE timestamp > "
                                   "'2026-11-25T19:12:03.398Z'")),
             1);
}

void TestBulkInserter::idsAcrossChunksAndRollback()
{
    MCPHUB_BACKEND(backend);
    auto ws = Workspace::open(backend.profile(), kConnection);
    QVERIFY2(ws, qPrintable(ws ? QString() : ws.error().toString()));
    const int rows = BulkInserter::kCopyChunkRows * 2 + 7;
    const QDateTime when = QDateTime::currentDateTimeUtc();
    std::vector<qint64> ids;
    for (bool commit : {false, true}) {
        TransactionGuard tx(ws->database());
        BulkInserter inserter(ws->context(), QStringLiteral("mcp_usage_logs"), kColumns, true);
        if (commit) // a hint below the real count: one block, then blocks of kCopyChunkRows
            inserter.setExpectedRows(rows / 3);
        for (int i = 0; i < rows; ++i) {
            const auto appended = inserter.append({when,
                                                   QStringLiteral("u"),
                                                   QStringLiteral("s%1").arg(i),
                                                   QStringLiteral("t"),
                                                   i % 2 == 0,
                                                   QVariant(),
                                                   qint64(i)});
            QVERIFY2(appended.ok(),
                     qPrintable(appended.ok() ? QString() : appended.error().toString()));
        }
        QVERIFY(inserter.finish().ok());
        QCOMPARE(inserter.ids().size(), size_t(rows));
        ids = inserter.ids();
        if (commit)
            QVERIFY(tx.commit().ok());
        else
            tx.rollback();
        QCOMPARE(scalar(*ws, QStringLiteral("SELECT count(*) FROM mcp_usage_logs")),
                 commit ? rows : 0);
    }
    // Each id names the row appended in that place.
    QSqlQuery q(ws->database());
    QVERIFY(q.prepare(QStringLiteral("SELECT duration FROM mcp_usage_logs WHERE id = ?")));
    for (int i : {0, rows / 3 - 1, rows / 3, rows / 3 + BulkInserter::kCopyChunkRows, rows - 1}) {
        q.bindValue(0, ids.at(size_t(i)));
        QVERIFY(q.exec() && q.next());
        QCOMPARE(q.value(0).toInt(), i);
    }
    QCOMPARE(scalar(*ws, QStringLiteral("SELECT count(DISTINCT id) FROM mcp_usage_logs")), rows);
    // The table's own numbering goes on after the bulk rows.
    QVERIFY(q.exec(QStringLiteral("INSERT INTO mcp_usage_logs (timestamp, server_name, tool_name, "
                                  "success) VALUES (CURRENT_TIMESTAMP, 'x', 'y', %1)")
                       .arg(backend.isPostgres() ? QStringLiteral("true") : QStringLiteral("1"))));
    QVERIFY(scalar(*ws, QStringLiteral("SELECT max(id) FROM mcp_usage_logs")) > ids.back());
}

void TestBulkInserter::constraintViolationNamesTheTable()
{
    MCPHUB_BACKEND(backend);
    auto ws = Workspace::open(backend.profile(), kConnection);
    QVERIFY2(ws, qPrintable(ws ? QString() : ws.error().toString()));
    TransactionGuard tx(ws->database());
    BulkInserter inserter(ws->context(),
                          QStringLiteral("mcp_usage_logs"),
                          {QStringLiteral("timestamp"),
                           QStringLiteral("server_name"),
                           QStringLiteral("tool_name"),
                           QStringLiteral("success")},
                          false);
    // A short row is refused before it reaches the database.
    QCOMPARE(inserter.append({QDateTime::currentDateTimeUtc()}).error().code, Error::Code::Invalid);
    // tool_name is NOT NULL: row 7 has none. On PostgreSQL the COPY's error comes only when it
    // ends; either way the row is named.
    Result<void> result;
    for (int i = 0; i < 12 && result; ++i)
        result = inserter.append({QDateTime::currentDateTimeUtc(),
                                  QStringLiteral("s"),
                                  i == 7 ? QVariant() : QVariant(QStringLiteral("t")),
                                  true});
    if (result)
        result = inserter.finish();
    QVERIFY(!result);
    QCOMPARE(inserter.failedRow(), 7);
    QCOMPARE(result.error().code, Error::Code::Database);
    QVERIFY2(result.error().where.endsWith(QStringLiteral(": mcp_usage_logs")),
             qPrintable(result.error().toString()));
    QVERIFY2(!result.error().detail.isEmpty(), qPrintable(result.error().toString()));
    tx.rollback();
    QCOMPARE(scalar(*ws, QStringLiteral("SELECT count(*) FROM mcp_usage_logs")), 0);
}

// The hand-written timestamp text equals Qt's for any instant of years 1-9999: epoch, leap
// days, ends of centuries, before 1970, and a spread of random instants.
void TestBulkInserter::timestampTextMatchesQt()
{
    QList<QDateTime> instants;
    for (const char *text : {"1970-01-01T00:00:00.000Z",
                             "1969-12-31T23:59:59.999Z",
                             "2000-02-29T12:34:56.789Z",
                             "1900-03-01T00:00:00.001Z",
                             "2100-02-28T23:59:59.999Z",
                             "0001-01-01T00:00:00.000Z",
                             "9999-12-31T23:59:59.999Z",
                             "2026-11-25T19:12:03.398Z"})
        instants << QDateTime::fromString(QString::fromLatin1(text), Qt::ISODateWithMs);
    QRandomGenerator generator(7);
    const qint64 first = instants.at(5).toMSecsSinceEpoch();
    const qint64 last = instants.at(6).toMSecsSinceEpoch();
    for (int i = 0; i < 100000; ++i)
        instants << QDateTime::fromMSecsSinceEpoch(
            first + qint64(generator.bounded(double(last - first))), Qt::UTC);
    // Another zone: the same instant, in UTC.
    instants << QDateTime(QDate(2026, 11, 25), QTime(20, 12, 3, 398), QTimeZone(3600));
    for (const QDateTime &instant : instants) {
        QByteArray ours;
        SqlDialect::appendTimestampText(&ours, instant);
        QCOMPARE(ours,
                 instant.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ")).toLatin1());
    }
}

// appendCopyField looks at eight bytes at a time: every byte value, at every place in and
// around those words and in the tail, is escaped as COPY ... TO writes it (in both of its
// overloads), and BulkReader reads the field back as the very text.
void TestBulkInserter::copyFieldEscapesEveryByteWherever()
{
    const auto expected = [](QByteArrayView text) {
        QByteArray out;
        for (const char c : text) {
            const char *escape = nullptr;
            switch (c) {
            case '\\':
                escape = "\\\\";
                break;
            case '\b':
                escape = "\\b";
                break;
            case '\f':
                escape = "\\f";
                break;
            case '\n':
                escape = "\\n";
                break;
            case '\r':
                escape = "\\r";
                break;
            case '\t':
                escape = "\\t";
                break;
            case '\v':
                escape = "\\v";
                break;
            default:
                break;
            }
            if (escape)
                out += escape;
            else
                out += c;
        }
        return out;
    };
    int checked = 0;
    for (int length = 1; length <= 19; ++length) {
        for (int at = 0; at < length; ++at) {
            for (int byte = 1; byte < 256; ++byte) {
                // Neighbours that the word tests could mistake for the byte: 0x80 and above,
                // and letters.
                QByteArray text(length, byte % 2 ? char(0xe4) : 'a');
                text[at] = char(byte);
                QByteArray line;
                BulkInserter::appendCopyField(&line, text);
                std::string standard;
                BulkInserter::appendCopyField(&standard, text);
                const QByteArray want = expected(text);
                QCOMPARE(line, want);
                QCOMPARE(QByteArray::fromStdString(standard), want);
                QByteArray values;
                BulkReader::Fields fields;
                BulkReader::splitLine(line, &values, &fields);
                QCOMPARE(fields.size(), size_t(1));
                QVERIFY(fields.front().has_value());
                QCOMPARE(fields.front()->toByteArray(), text);
                ++checked;
            }
        }
    }
    QCOMPARE(checked, 190 * 255);
    // Escapes next to each other, across a word's end, and in a field of escapes only.
    const QByteArray mixed("1234567\\\t\n89abcdef\r\r\r\r\r\r\r\r\r\\");
    QByteArray line;
    BulkInserter::appendCopyField(&line, mixed);
    QCOMPARE(line, expected(mixed));
}

// A row written as a COPY line (appendCopyField for each text) reads back through
// BulkReader::forEachLine as the very same bytes, whatever control characters the texts hold:
// the migration into MCPHub's database compares the two lines to verify a new row.
void TestBulkInserter::linesReadBackByteForByte()
{
    mcphub::test::TestBackend backend(QStringLiteral("postgres"));
    MCPHUB_REQUIRE_SERVICE(mcphub::test::PgTestDatabase::serverConfigured(),
                           QStringLiteral("PostgreSQL"));
    QVERIFY2(backend.available(), qPrintable(backend.error()));
    auto ws = Workspace::open(backend.profile(), kConnection);
    QVERIFY2(ws, qPrintable(ws ? QString() : ws.error().toString()));
    QSqlQuery create(ws->database());
    QVERIFY(create.exec(
        QStringLiteral("CREATE TEMP TABLE lines (id text, note text, flag boolean, n integer)")));
    QByteArray every;
    for (int c = 1; c < 0x80; ++c)
        every += char(c);
    const QList<QByteArray> texts{QByteArray("plain"),
                                  QByteArray(),
                                  QByteArray("back\\slash \\N tab\t nl\n cr\r bs\b ff\f vt\v"),
                                  every,
                                  QStringLiteral("中文 ü 🙂").toUtf8()};
    QList<QByteArray> written;
    {
        TransactionGuard tx(ws->database());
        BulkInserter inserter(ws->context(),
                              QStringLiteral("lines"),
                              {QStringLiteral("id"),
                               QStringLiteral("note"),
                               QStringLiteral("flag"),
                               QStringLiteral("n")},
                              false);
        for (qsizetype i = 0; i < texts.size(); ++i) {
            QByteArray line = QByteArray::number(i) + '\t';
            if (texts.at(i).isNull())
                line += "\\N";
            else
                BulkInserter::appendCopyField(&line, texts.at(i));
            line += i % 2 ? "\tt\t" : "\tf\t";
            line += QByteArray::number(-7 * i);
            QVERIFY(inserter.appendLine(line).ok());
            written << line;
        }
        QVERIFY(inserter.finish().ok());
        QVERIFY(tx.commit().ok());
    }
    QList<QByteArray> read;
    QVERIFY(BulkReader::forEachLine(ws->context(),
                                    QStringLiteral("SELECT id, note, flag, n FROM lines ORDER BY "
                                                   "id::int"),
                                    QStringLiteral("lines"),
                                    [&](QByteArrayView line) { read << line.toByteArray(); })
                .ok());
    QCOMPARE(read, written);
    // And as fields, unescaped: the texts themselves.
    QList<QByteArray> notes;
    QVERIFY(BulkReader::forEach(ws->context(),
                                QStringLiteral("SELECT note FROM lines ORDER BY id::int"),
                                QStringLiteral("lines"),
                                [&](const BulkReader::Fields &fields) {
                                    notes << (fields.at(0) ? fields.at(0)->toByteArray()
                                                           : QByteArray());
                                })
                .ok());
    QCOMPARE(notes, texts);
}

// Rows in COPY's binary format, mixed with text lines (each change of format a COPY of its
// own), read back as the text lines the same values make: the binary form stores exactly
// what the text would. A row the server refuses is named by its place among all of them.
void TestBulkInserter::binaryRowsHoldWhatTheirLinesSay()
{
    mcphub::test::TestBackend backend(QStringLiteral("postgres"));
    MCPHUB_REQUIRE_SERVICE(mcphub::test::PgTestDatabase::serverConfigured(),
                           QStringLiteral("PostgreSQL"));
    QVERIFY2(backend.available(), qPrintable(backend.error()));
    auto ws = Workspace::open(backend.profile(), kConnection);
    QVERIFY2(ws, qPrintable(ws ? QString() : ws.error().toString()));
    QSqlQuery create(ws->database());
    QVERIFY(create.exec(QStringLiteral(
        "CREATE TEMP TABLE typed (id uuid, name varchar(12), note text, flag boolean, "
        "n integer, big bigint, small smallint)")));
    const QStringList columns{QStringLiteral("id"),
                              QStringLiteral("name"),
                              QStringLiteral("note"),
                              QStringLiteral("flag"),
                              QStringLiteral("n"),
                              QStringLiteral("big"),
                              QStringLiteral("small")};
    std::vector<BinaryCopyRow::Type> types;
    QVERIFY(BinaryCopyRow::typesOf({QStringLiteral("uuid"),
                                    QStringLiteral("character varying"),
                                    QStringLiteral("text"),
                                    QStringLiteral("boolean"),
                                    QStringLiteral("integer"),
                                    QStringLiteral("bigint"),
                                    QStringLiteral("smallint")},
                                   &types));
    BinaryCopyRow binary(types);
    QByteArray every;
    for (int c = 1; c < 0x80; ++c)
        every += char(c);
    struct Row
    {
        QByteArray id;     // as written in the binary row
        QByteArray idText; // as PostgreSQL writes it
        QByteArray name;
        QByteArray note; // null: NULL
        bool flag;
        qint64 n, big, small;
        bool asBinary;
    };
    const QList<Row> rows{
        {"0b6f3a52-3c2e-4c61-9d0e-5d1c2b7a8e90",
         "0b6f3a52-3c2e-4c61-9d0e-5d1c2b7a8e90",
         "alice",
         "plain",
         true,
         2147483647,
         std::numeric_limits<qint64>::max(),
         -32768,
         true},
        {"0B6F3A523C2E4C619D0E5D1C2B7A8E91",
         "0b6f3a52-3c2e-4c61-9d0e-5d1c2b7a8e91",
         "中文 ü 🙂",
         every,
         false,
         -2147483648LL,
         std::numeric_limits<qint64>::min(),
         32767,
         true},
        {"0b6f3a52-3c2e-4c61-9d0e-5d1c2b7a8e92",
         "0b6f3a52-3c2e-4c61-9d0e-5d1c2b7a8e92",
         "bob",
         QByteArray(),
         true,
         0,
         1,
         0,
         false}, // a text line between binary rows
        {"0b6f3a52-3c2e-4c61-9d0e-5d1c2b7a8e93",
         "0b6f3a52-3c2e-4c61-9d0e-5d1c2b7a8e93",
         "carol",
         "back\\slash \\N tab\t nl\n",
         false,
         -1,
         -1,
         -1,
         true},
    };
    QList<QByteArray> lines;
    {
        TransactionGuard tx(ws->database());
        BulkInserter inserter(ws->context(), QStringLiteral("typed"), columns, false);
        for (const Row &r : rows) {
            QByteArray line = r.idText + '\t';
            BulkInserter::appendCopyField(&line, r.name);
            line += '\t';
            if (r.note.isNull())
                line += "\\N";
            else
                BulkInserter::appendCopyField(&line, r.note);
            line += r.flag ? "\tt\t" : "\tf\t";
            line += QByteArray::number(r.n) + '\t' + QByteArray::number(r.big) + '\t'
                    + QByteArray::number(r.small);
            lines << line;
            if (!r.asBinary) {
                QVERIFY(inserter.appendLine(line).ok());
                continue;
            }
            binary.begin();
            QVERIFY(binary.addText(r.id));
            QVERIFY(binary.addText(r.name));
            QVERIFY(r.note.isNull() ? binary.addNull() : binary.addText(r.note));
            QVERIFY(binary.addBool(r.flag));
            QVERIFY(binary.addInteger(r.n));
            QVERIFY(binary.addInteger(r.big));
            QVERIFY(binary.addInteger(r.small));
            QVERIFY(!binary.addNull()); // every column has its field
            QVERIFY(inserter.appendBinaryRow(binary.row()).ok());
        }
        QVERIFY(inserter.finish().ok());
        QCOMPARE(inserter.rowCount(), qint64(rows.size()));
        QVERIFY(tx.commit().ok());
    }
    QList<QByteArray> read;
    QVERIFY(BulkReader::forEachLine(ws->context(),
                                    QStringLiteral("SELECT %1 FROM typed ORDER BY id")
                                        .arg(columns.join(QStringLiteral(", "))),
                                    QStringLiteral("typed"),
                                    [&](QByteArrayView line) { read << line.toByteArray(); })
                .ok());
    QCOMPARE(read, lines);

    // A binary row the server refuses (a name longer than varchar(12)) after a text line and
    // a binary row: the third row, in the server's words.
    TransactionGuard tx(ws->database());
    BulkInserter inserter(ws->context(), QStringLiteral("typed"), columns, false);
    QVERIFY(inserter.appendLine(lines.at(2)).ok());
    for (const QByteArray &name : {QByteArray("dave"), QByteArray("a name far too long")}) {
        binary.begin();
        QVERIFY(binary.addText("0b6f3a52-3c2e-4c61-9d0e-5d1c2b7a8e99"));
        QVERIFY(binary.addText(name));
        for (int i = 0; i < 5; ++i)
            QVERIFY(binary.addNull());
        const auto appended = inserter.appendBinaryRow(binary.row());
        QVERIFY(appended.ok());
    }
    const auto finished = inserter.finish();
    QVERIFY(!finished.ok());
    QCOMPARE(inserter.failedRow(), qint64(2));
    QVERIFY2(finished.error().toString().contains(QLatin1String("character varying(12)")),
             qPrintable(finished.error().toString()));
}

// What the binary form cannot hold as the text line would, refused so that the row goes as
// text: the server then reads it, or refuses it, as it always did.
void TestBulkInserter::binaryRowRefusesWhatHasNoBinaryForm()
{
    std::vector<BinaryCopyRow::Type> types;
    QVERIFY(!BinaryCopyRow::typesOf({QStringLiteral("uuid"), QStringLiteral("jsonb")}, &types));
    QVERIFY(!BinaryCopyRow::typesOf({QStringLiteral("timestamp without time zone")}, &types));
    QVERIFY(!BinaryCopyRow::typesOf({}, &types));
    QVERIFY(BinaryCopyRow::typesOf({QStringLiteral("uuid"),
                                    QStringLiteral("integer"),
                                    QStringLiteral("smallint"),
                                    QStringLiteral("boolean"),
                                    QStringLiteral("text")},
                                   &types));
    BinaryCopyRow row(types);
    const auto first = [&] {
        row.begin();
        return &row;
    };
    // uuid: only the 8-4-4-4-12 and 32-digit forms.
    QVERIFY(!first()->addText("{0b6f3a52-3c2e-4c61-9d0e-5d1c2b7a8e90}"));
    QVERIFY(!first()->addText("0b6f3a52-3c2e-4c61-9d0e-5d1c2b7a8e9g"));
    QVERIFY(!first()->addText("0b6f3a523-c2e-4c61-9d0e-5d1c2b7a8e90"));
    QVERIFY(!first()->addText("default"));
    // A digit that is not one, wherever it is (a letter past f, a byte of UTF-8, a dash).
    const QByteArray dashed("0b6f3a52-3c2e-4c61-9d0e-5d1c2b7a8e90");
    const QByteArray plain("0B6F3A523C2E4C619D0E5D1C2B7A8E90");
    for (const QByteArray &good : {dashed, plain}) {
        QVERIFY(first()->addText(good));
        for (qsizetype i = 0; i < good.size(); ++i) {
            if (good.at(i) == '-')
                continue;
            for (const char bad : {'g', 'G', '\xe4', '-', ' '}) {
                QByteArray text = good;
                text[i] = bad;
                QVERIFY2(!first()->addText(text), text.constData());
            }
        }
    }
    QVERIFY(!first()->addBool(true));
    QVERIFY(!first()->addInteger(1));
    QVERIFY(first()->addNull());
    // integer and smallint: within their range only; no text, no boolean.
    QVERIFY(first()->addText("0b6f3a52-3c2e-4c61-9d0e-5d1c2b7a8e90"));
    QVERIFY(!row.addInteger(2147483648LL));
    QVERIFY(!row.addText("12"));
    QVERIFY(!row.addBool(false));
    QVERIFY(row.addInteger(-2147483648LL));
    QVERIFY(!row.addInteger(32768));
    QVERIFY(row.addInteger(-32768));
    // boolean: a boolean only.
    QVERIFY(!row.addText("t"));
    QVERIFY(!row.addInteger(1));
    QVERIFY(row.addBool(false));
    // text: no NUL byte (COPY's text has none either); a boolean as t, an integer in decimal.
    QVERIFY(!row.addText(QByteArray("a\0b", 3)));
    QVERIFY(row.addInteger(-5));
    QVERIFY(!row.addNull()); // every column has its field
    QCOMPARE(row.row().size(), qsizetype(2 + (4 + 16) + (4 + 4) + (4 + 2) + (4 + 1) + (4 + 2)));
    QVERIFY(row.row().endsWith("-5"));
}

QTEST_GUILESS_MAIN(TestBulkInserter)
#include "tst_bulkinserter.moc"
