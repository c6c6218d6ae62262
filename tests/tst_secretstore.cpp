// Passwords through the real OS keychain (gnome-keyring on the Secret Service bus, started
// by scripts/test inside a private D-Bus session).

#include "storage/secretstore.h"
#include "tests/support/stoppedkeychain.h"
#include "tests/support/testenv.h"

#include <QElapsedTimer>
#include <QTest>
#include <QTimer>
#include <QUuid>

#include <optional>

using namespace mcphub;

class TestSecretStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void missingEntryIsNotFound();
    void asyncRoundTrip();
    void asyncCallsDoNotWaitForAStoppedKeychain();
    void asyncAnswerAfterItsContextIsGoneIsDropped();

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

void TestSecretStore::asyncRoundTrip()
{
    MCPHUB_REQUIRE_SERVICE(keychainBusPresent(), QStringLiteral("A D-Bus session with a keychain"));
    const SecretStore store(QStringLiteral("mcphub-admin-test"));
    const QString key
        = QStringLiteral("hub/%1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
    const QString secret = QStringLiteral("async-s3cret-密码");

    std::optional<Result<void>> written;
    store.writeAsync(key, secret, this, [&](const Result<void> &r) { written = r; });
    QVERIFY(!written); // never answered inside the call
    QTRY_VERIFY_WITH_TIMEOUT(written.has_value(), 20'000);
    QVERIFY2(written->ok(), qPrintable(written->ok() ? QString() : written->error().toString()));
    QCOMPARE(*store.read(key), secret); // the same entry as the blocking API's

    std::optional<Result<QString>> read;
    store.readAsync(key, this, [&](const Result<QString> &r) { read = r; });
    QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 20'000);
    QVERIFY(read->ok());
    QCOMPARE(read->value(), secret);

    std::optional<Result<void>> removed;
    store.removeAsync(key, this, [&](const Result<void> &r) { removed = r; });
    QTRY_VERIFY_WITH_TIMEOUT(removed.has_value(), 20'000);
    QVERIFY(removed->ok());
    QCOMPARE(store.read(key).error().code, Error::Code::NotFound);
}

// Issue 11.10: with the keychain frozen (SIGSTOP), the asynchronous calls return at once and
// this thread's event loop keeps running; the answers arrive once the keychain runs again.
void TestSecretStore::asyncCallsDoNotWaitForAStoppedKeychain()
{
    MCPHUB_REQUIRE_SERVICE(keychainBusPresent(), QStringLiteral("A D-Bus session with a keychain"));
    const SecretStore store(QStringLiteral("mcphub-admin-test"));
    const QString key
        = QStringLiteral("hub/%1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
    std::optional<Result<void>> written;
    std::optional<Result<void>> removed;
    {
        test::StoppedKeychain frozen;
        QVERIFY2(frozen.stopped(), qPrintable(frozen.error()));
        int ticks = 0;
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
        ticker.start(10);

        QElapsedTimer clock;
        clock.start();
        store.writeAsync(
            key, QStringLiteral("x"), this, [&](const Result<void> &r) { written = r; });
        QVERIFY2(clock.elapsed() < 1000, "writeAsync waited for the keychain");
        QTest::qWait(1500);
        QVERIFY(!written); // the keychain is frozen: no answer yet …
        QVERIFY2(ticks >= 20, qPrintable(QString::number(ticks))); // … and the loop ran
        frozen.resume();
        QTRY_VERIFY_WITH_TIMEOUT(written.has_value(), 20'000);
    }
    QVERIFY2(written->ok(), qPrintable(written->ok() ? QString() : written->error().toString()));
    QCOMPARE(*store.read(key), QStringLiteral("x"));
    store.removeAsync(key, this, [&](const Result<void> &r) { removed = r; });
    QTRY_VERIFY_WITH_TIMEOUT(removed.has_value(), 20'000);
    QVERIFY(removed->ok());
}

void TestSecretStore::asyncAnswerAfterItsContextIsGoneIsDropped()
{
    MCPHUB_REQUIRE_SERVICE(keychainBusPresent(), QStringLiteral("A D-Bus session with a keychain"));
    const SecretStore store(QStringLiteral("mcphub-admin-test"));
    const QString key
        = QStringLiteral("hub/%1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
    bool called = false;
    {
        QObject context;
        store.writeAsync(
            key, QStringLiteral("y"), &context, [&](const Result<void> &) { called = true; });
    }
    // The write itself still happens; only nobody is told.
    QTRY_VERIFY_WITH_TIMEOUT(store.read(key).ok(), 20'000);
    QTest::qWait(100);
    QVERIFY(!called);
    QVERIFY(store.remove(key).ok());
}

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
