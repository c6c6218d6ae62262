// Passwords through the real OS keychain (gnome-keyring on the Secret Service bus, started
// by scripts/test inside a private D-Bus session).

#include "storage/secretstore.h"
#include "tests/support/testenv.h"

#include <QTest>
#include <QUuid>

using namespace mcphub;

class TestSecretStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void missingEntryIsNotFound();

private:
    static bool keychainBusPresent()
    {
        return !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS");
    }
};

void TestSecretStore::roundTrip_data()
{
    QTest::addColumn<QString>("secret");
    QTest::newRow("ascii") << QStringLiteral("s3cret!pa$$");
    QTest::newRow("non-ascii") << QStringLiteral("密码-пароль-🔑");
    QTest::newRow("long") << QString(4096, QLatin1Char('x'));
}

void TestSecretStore::roundTrip()
{
    MCPHUB_REQUIRE_SERVICE(keychainBusPresent(), QStringLiteral("A D-Bus session with a keychain"));
    QFETCH(QString, secret);
    const SecretStore store(QStringLiteral("mcphub-admin-test"));
    const QString key
        = QStringLiteral("profile/%1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces));

    const auto written = store.write(key, secret);
    QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().toString()));
    const auto read = store.read(key);
    QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().toString()));
    QCOMPARE(*read, secret);

    QVERIFY(store.remove(key).ok());
    const auto gone = store.read(key);
    QVERIFY(!gone.ok());
    QCOMPARE(gone.error().code, Error::Code::NotFound);
}

void TestSecretStore::missingEntryIsNotFound()
{
    MCPHUB_REQUIRE_SERVICE(keychainBusPresent(), QStringLiteral("A D-Bus session with a keychain"));
    const SecretStore store(QStringLiteral("mcphub-admin-test"));
    const auto read
        = store.read(QStringLiteral("never-written-%1").arg(QUuid::createUuid().toString()));
    QVERIFY(!read.ok());
    QCOMPARE(read.error().code, Error::Code::NotFound);
    QVERIFY(read.error().where.startsWith(QStringLiteral("never-written-")));
}

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
