// The name/value model and its editor (env, headers): order, masking, problems, editing.

#include "models/keyvaluemodel.h"
#include "ui/widgets/keyvalueeditor.h"
#include "ui/widgets/secretlineedit.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace mcphub;

class TestKeyValue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keepsOrderAndMasksSecrets();
    void reportsProblems();
    void looksSecret_data();
    void looksSecret();
    void editorAddsAndRemovesRows();
    void secretLineEditRevealsAndCopies();
};

void TestKeyValue::keepsOrderAndMasksSecrets()
{
    KeyValueModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPairs({{QStringLiteral("PATH"), QStringLiteral("/usr/bin")},
                    {QStringLiteral("API_TOKEN"), QStringLiteral("abc123")}});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.data(model.index(0, 1)).toString(), QStringLiteral("/usr/bin"));
    QCOMPARE(model.data(model.index(1, 1)).toString(), QString(8, QChar(0x2022)));
    QCOMPARE(model.data(model.index(1, 1), Qt::EditRole).toString(), QStringLiteral("abc123"));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setSecretsRevealed(true);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.data(model.index(1, 1)).toString(), QStringLiteral("abc123"));

    QVERIFY(model.setData(model.index(0, 0), QStringLiteral("HOME")));
    QCOMPARE(model.pairs().at(0).first, QStringLiteral("HOME"));
    QCOMPARE(model.pairs().at(1).first, QStringLiteral("API_TOKEN"));
}

void TestKeyValue::reportsProblems()
{
    KeyValueModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPairs(
        {{QStringLiteral("A"), QStringLiteral("1")}, {QStringLiteral("A"), QStringLiteral("2")}});
    QVERIFY(model.hasProblems());
    QVERIFY(model.problemAt(1).contains(QStringLiteral("\"A\"")));
    QVERIFY(model.setData(model.index(1, 0), QStringLiteral("B")));
    QVERIFY(!model.hasProblems());
    QVERIFY(model.insertRows(2, 1));
    QVERIFY(model.hasProblems());
    QVERIFY(!model.problemAt(2).isEmpty());
    QVERIFY(model.removeRows(2, 1));
    QVERIFY(!model.hasProblems());
    QVERIFY(!model.removeRows(5, 1));
}

void TestKeyValue::looksSecret_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("secret");
    QTest::newRow("token") << QStringLiteral("GITHUB_TOKEN") << true;
    QTest::newRow("authorization") << QStringLiteral("Authorization") << true;
    QTest::newRow("api key") << QStringLiteral("X-Api-Key") << true;
    QTest::newRow("password") << QStringLiteral("DB_PASSWORD") << true;
    QTest::newRow("path") << QStringLiteral("PATH") << false;
    QTest::newRow("content type") << QStringLiteral("Content-Type") << false;
}

void TestKeyValue::looksSecret()
{
    QFETCH(QString, key);
    QFETCH(bool, secret);
    QCOMPARE(KeyValueModel::looksSecret(key), secret);
}

void TestKeyValue::editorAddsAndRemovesRows()
{
    KeyValueModel model;
    model.setPairs({{QStringLiteral("X_SECRET"), QStringLiteral("s")}});
    KeyValueEditor editor;
    editor.setModel(&model);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));

    auto buttons = editor.findChildren<QPushButton *>();
    QCOMPARE(buttons.size(), 2);
    QPushButton *add = buttons.at(0);
    QPushButton *remove = buttons.at(1);
    QVERIFY(!remove->isEnabled());
    QTest::mouseClick(add, Qt::LeftButton);
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(model.hasProblems()); // the new row has no name yet

    editor.view()->selectRow(1);
    QVERIFY(remove->isEnabled());
    QTest::mouseClick(remove, Qt::LeftButton);
    QCOMPARE(model.rowCount(), 1);

    auto *reveal = editor.findChild<QCheckBox *>();
    QVERIFY(!model.secretsRevealed());
    QTest::mouseClick(reveal, Qt::LeftButton);
    QVERIFY(model.secretsRevealed());
}

void TestKeyValue::secretLineEditRevealsAndCopies()
{
    SecretLineEdit edit;
    edit.setText(QStringLiteral("mcphub_token"));
    QCOMPARE(edit.echoMode(), QLineEdit::Password);
    edit.revealAction()->trigger();
    QVERIFY(edit.isRevealed());
    edit.revealAction()->trigger();
    QVERIFY(!edit.isRevealed());
    QSignalSpy copied(&edit, &SecretLineEdit::copied);
    edit.copyAction()->trigger();
    QCOMPARE(copied.size(), 1);
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("mcphub_token"));
}

QTEST_MAIN(TestKeyValue)
#include "tst_keyvalue.moc"
