#include "models/workspaceareamodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace mcphub;
using Area = WorkspaceAreaModel::Area;

class TestWorkspaceAreaModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsAreasInOrder();
    void hidingBackupsResetsModel();
    void replicationHiddenUntilShown();
};

void TestWorkspaceAreaModel::listsAreasInOrder()
{
    WorkspaceAreaModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(model.areaAt(0), Area::Users);
    QCOMPARE(model.data(model.index(1)).toString(), QStringLiteral("Servers"));
    QCOMPARE(model.data(model.index(1), WorkspaceAreaModel::AreaRole).value<Area>(), Area::Servers);
    QVERIFY(!model.data(model.index(1), WorkspaceAreaModel::DescriptionRole).toString().isEmpty());
    // systemConfig beside the other entities of MCPHub's data.
    QCOMPARE(model.rowOf(Area::SystemConfig), 4);
    QCOMPARE(model.data(model.index(4)).toString(), QStringLiteral("System config"));
    QCOMPARE(model.rowOf(Area::Records), 5);
    QCOMPARE(model.rowOf(Area::Hubs), 9);
}

void TestWorkspaceAreaModel::hidingBackupsResetsModel()
{
    WorkspaceAreaModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setBackupsVisible(false);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 9);
    QCOMPARE(model.rowOf(Area::Backups), -1);
    model.setBackupsVisible(false);
    QCOMPARE(reset.size(), 1);
}

void TestWorkspaceAreaModel::replicationHiddenUntilShown()
{
    // Replication is for PostgreSQL workspaces: hidden at first, last when shown, and
    // independent of Backups.
    WorkspaceAreaModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowOf(Area::Replication), -1);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setReplicationVisible(true);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 11);
    QCOMPARE(model.rowOf(Area::Replication), 10);
    QCOMPARE(model.data(model.index(10)).toString(), QStringLiteral("Replication"));
    model.setBackupsVisible(false);
    QCOMPARE(model.rowOf(Area::Replication), 9);
    QCOMPARE(model.rowOf(Area::Backups), -1);
    model.setReplicationVisible(false);
    QCOMPARE(model.rowCount(), 9);
    QCOMPARE(model.rowOf(Area::Replication), -1);
}

QTEST_GUILESS_MAIN(TestWorkspaceAreaModel)
#include "tst_workspaceareamodel.moc"
