// Test helper: one of two processes racing to apply the same schema migrations.
//   migraterace (--sqlite PATH | --pg CONNINFO) --scripts DIR --go FILE
// Opens its connection, waits (bounded) until FILE exists so that both start together,
// applies the pending scripts, prints "applied N" and exits 0; on error prints it, exits 2.

#include "storage/db/connectionprofile.h"
#include "storage/db/schemamigrator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFileInfo>
#include <QThread>

#include <cstdio>

using namespace mcphub;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption sqlite(QStringLiteral("sqlite"), QString(), QStringLiteral("p"));
    const QCommandLineOption pg(QStringLiteral("pg"), QString(), QStringLiteral("c"));
    const QCommandLineOption scripts(QStringLiteral("scripts"), QString(), QStringLiteral("d"));
    const QCommandLineOption go(QStringLiteral("go"), QString(), QStringLiteral("f"));
    parser.addOptions({sqlite, pg, scripts, go});
    parser.process(app);

    ConnectionProfile profile;
    if (parser.isSet(sqlite)) {
        profile = ConnectionProfile::sqliteFile(parser.value(sqlite));
        profile.sqliteBusyTimeoutMs = 30000;
    } else {
        auto parsed = ConnectionProfile::fromConninfo(parser.value(pg));
        if (!parsed) {
            std::fprintf(stderr, "%s\n", qPrintable(parsed.error().toString()));
            return 2;
        }
        profile = *parsed;
    }
    const QString name = QStringLiteral("race");
    const auto db = openSqlConnection(profile.toSpec(), name);
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error().toString()));
        return 2;
    }
    const QDeadlineTimer deadline(20000);
    while (!QFileInfo::exists(parser.value(go)) && !deadline.hasExpired())
        QThread::msleep(2);

    const SchemaMigrator migrator(name, parser.value(scripts));
    const auto applied = migrator.applyPending(
        QStringLiteral("migraterace %1").arg(QCoreApplication::applicationPid()));
    if (!applied) {
        std::fprintf(stderr, "%s\n", qPrintable(applied.error().toString()));
        return 2;
    }
    std::printf("applied %d\n", int(applied->size()));
    return 0;
}
