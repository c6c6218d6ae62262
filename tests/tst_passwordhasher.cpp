// bcrypt through libxcrypt, checked against hashes that a real MCPHub wrote (bcryptjs in file
// mode, native bcrypt in database mode), and MCPHub's password rule.

#include "storage/passwordhasher.h"
#include "storage/passwordpolicy.h"

#include "tests/support/testenv.h"

#include <QTest>

using namespace mcphub;

class TestPasswordHasher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void verifiesMcphubHashes_data();
    void verifiesMcphubHashes();
    void hashRoundTrip_data();
    void hashRoundTrip();
    void interoperatesWithBcryptjs_data();
    void interoperatesWithBcryptjs();
    void rejectsBadInput();
    void recognisesHashes_data();
    void recognisesHashes();
    void policy_data();
    void policy();
};

void TestPasswordHasher::verifiesMcphubHashes_data()
{
    QTest::addColumn<QString>("hash");
    // All three are bcrypt("admin123") as MCPHub stored them (see tests/fixtures).
    QTest::newRow("shipped default")
        << QStringLiteral("$2b$10$Vt7krIvjNgyN67LXqly0uOcTpN0LI55cYRbcKC71pUDAP0nJ7RPa.");
    QTest::newRow("file mode (bcryptjs)")
        << QStringLiteral("$2b$10$8HMmwJ5N3XOMNkLKnxJjsuW9ra.jFSEVf.gSe4N8CgsxfQll1qq9S");
    QTest::newRow("db mode (bcrypt)")
        << QStringLiteral("$2b$10$AgAV5aK3Cr5i/AqeHx3W/O3tL5bPk2j2CEEHJvdFXfp9nFD5Dxwk2");
    // bcryptjs writes $2a$ for the same computation on older versions.
    QTest::newRow("2a prefix") << QStringLiteral(
        "$2a$10$Vt7krIvjNgyN67LXqly0uOcTpN0LI55cYRbcKC71pUDAP0nJ7RPa.");
}

void TestPasswordHasher::verifiesMcphubHashes()
{
    QFETCH(QString, hash);
    QVERIFY(PasswordHasher::isBcryptHash(hash));
    QVERIFY(PasswordHasher::verify(QStringLiteral("admin123"), hash));
    QVERIFY(!PasswordHasher::verify(QStringLiteral("admin124"), hash));
    QVERIFY(!PasswordHasher::verify(QString(), hash));
}

void TestPasswordHasher::hashRoundTrip_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<int>("cost");
    QTest::newRow("ascii") << QStringLiteral("Secr3t!pass") << 10;
    QTest::newRow("unicode") << QStringLiteral("密码-Пароль-9!") << 10;
    QTest::newRow("cost 11") << QStringLiteral("another-1!") << 11;
}

void TestPasswordHasher::hashRoundTrip()
{
    QFETCH(QString, password);
    QFETCH(int, cost);
    const auto hashed = PasswordHasher::hash(password, cost);
    QVERIFY2(hashed.ok(), qPrintable(hashed.ok() ? QString() : hashed.error().toString()));
    QCOMPARE(hashed->size(), 60);
    QVERIFY(hashed->startsWith(QStringLiteral("$2b$%1$").arg(cost)));
    QVERIFY(PasswordHasher::isBcryptHash(*hashed));
    QVERIFY(PasswordHasher::verify(password, *hashed));
    QVERIFY(!PasswordHasher::verify(password + QLatin1Char('x'), *hashed));
    // A fresh salt every time.
    const auto again = PasswordHasher::hash(password, cost);
    QVERIFY(again.ok());
    QVERIFY(*again != *hashed);
}

void TestPasswordHasher::interoperatesWithBcryptjs_data()
{
    QTest::addColumn<QString>("password");
    QTest::newRow("ascii") << QStringLiteral("Adm1n!secret");
    QTest::newRow("unicode") << QStringLiteral("密码-Пароль-9!");
}

// MCPHub's file mode hashes with the bcryptjs npm package: its hashes must verify here and
// ours there. bcryptjs is installed by scripts/deps into tests/node.
void TestPasswordHasher::interoperatesWithBcryptjs()
{
    QFETCH(QString, password);
    const QString script = QStringLiteral(
        "const b = require('bcryptjs'); const [mode, pw, hash] = process.argv.slice(1);"
        "if (mode === 'hash') process.stdout.write(b.hashSync(pw, 10));"
        "else process.stdout.write(String(b.compareSync(pw, hash)));");

    const auto ours = PasswordHasher::hash(password);
    QVERIFY(ours.ok());
    const auto checked = test::runNode(script, {QStringLiteral("verify"), password, *ours});
    QVERIFY2(checked.ok, qPrintable(checked.error));
    QCOMPARE(checked.output, QStringLiteral("true"));
    const auto wrong
        = test::runNode(script, {QStringLiteral("verify"), password + QLatin1Char('!'), *ours});
    QVERIFY2(wrong.ok, qPrintable(wrong.error));
    QCOMPARE(wrong.output, QStringLiteral("false"));

    const auto theirs = test::runNode(script, {QStringLiteral("hash"), password});
    QVERIFY2(theirs.ok, qPrintable(theirs.error));
    QVERIFY2(PasswordHasher::isBcryptHash(theirs.output), qPrintable(theirs.output));
    QVERIFY(PasswordHasher::verify(password, theirs.output));
    QVERIFY(!PasswordHasher::verify(password + QLatin1Char('!'), theirs.output));
}

void TestPasswordHasher::rejectsBadInput()
{
    const auto lowCost = PasswordHasher::hash(QStringLiteral("x"), 4);
    QVERIFY(!lowCost.ok());
    QCOMPARE(lowCost.error().code, Error::Code::Invalid);
    QCOMPARE(lowCost.error().where, QStringLiteral("cost"));
    const auto tooLong = PasswordHasher::hash(QString(73, QLatin1Char('a')));
    QVERIFY(!tooLong.ok());
    QCOMPARE(tooLong.error().where, QStringLiteral("password"));
    QVERIFY(!PasswordHasher::verify(QStringLiteral("admin123"), QStringLiteral("admin123")));
}

void TestPasswordHasher::recognisesHashes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::newRow("too short (upstream fixture)")
        << QStringLiteral("$2b$10$abcdefghijklmnopqrstuv") << false;
    QTest::newRow("plain text") << QStringLiteral("admin123") << false;
    QTest::newRow("env placeholder") << QStringLiteral("${ADMIN_PASSWORD}") << false;
    QTest::newRow("2y") << QStringLiteral(
        "$2y$12$Vt7krIvjNgyN67LXqly0uOcTpN0LI55cYRbcKC71pUDAP0nJ7RPa.")
                        << true;
    QTest::newRow("bad cost") << QStringLiteral(
        "$2b$99$Vt7krIvjNgyN67LXqly0uOcTpN0LI55cYRbcKC71pUDAP0nJ7RPa.")
                              << false;
}

void TestPasswordHasher::recognisesHashes()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QCOMPARE(PasswordHasher::isBcryptHash(text), valid);
}

void TestPasswordHasher::policy_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<int>("problems");
    QTest::newRow("good") << QStringLiteral("Passw0rd!") << 0;
    QTest::newRow("short") << QStringLiteral("a1!") << 1;
    QTest::newRow("no digit or symbol") << QStringLiteral("password") << 2;
    QTest::newRow("empty") << QString() << 4;
    QTest::newRow("unicode letters count") << QStringLiteral("密码密码密码12#") << 0;
}

void TestPasswordHasher::policy()
{
    QFETCH(QString, password);
    QFETCH(int, problems);
    QCOMPARE(PasswordPolicy::problems(password).size(), problems);
}

QTEST_GUILESS_MAIN(TestPasswordHasher)
#include "tst_passwordhasher.moc"
