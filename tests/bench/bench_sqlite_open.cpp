// Opening the embedded SQLite workspace through openSqlConnection, against the floor of a
// bare QSqlDatabase addDatabase+open+close of the same file.

#include "storage/sqlconnection.h"
#include "tests/support/benchreport.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QTemporaryDir>

using namespace mcphub;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.db"));
    constexpr int kIterations = 200;

    const double floor = test::medianMilliseconds(kIterations, [&] {
        {
            QSqlDatabase db
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("floor"));
            db.setDatabaseName(path);
            db.open();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("floor"));
    });
    const double value = test::medianMilliseconds(kIterations, [&] {
        auto db = openSqlConnection(SqlConnectionSpec::sqlite(path), QStringLiteral("bench"));
        closeSqlConnection(QStringLiteral("bench"));
    });
    test::printBench(QStringLiteral("sqlite_open_ms"), value, floor, QStringLiteral("ratio<1.5"));
    return 0;
}
