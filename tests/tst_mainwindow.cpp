// The main window, offscreen: area routing by mouse and keyboard, status bar, translations.

#include "app/common/appsetup.h"
#include "ui/main/areapage.h"
#include "ui/main/mainwindow.h"

#include <QApplication>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>
#include <QTranslator>

using namespace mcphub;
using Area = WorkspaceAreaModel::Area;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void clickingAnAreaShowsItsPage();
    void shortcutsSwitchAreas();
    void statusBarShowsWorkspace();
    void chineseMenus();
};

void TestMainWindow::clickingAnAreaShowsItsPage()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.currentArea(), Area::Users);

    auto *list = window.findChild<QListView *>();
    QVERIFY(list);
    QSignalSpy spy(&window, &MainWindow::currentAreaChanged);
    const QModelIndex servers = list->model()->index(1, 0);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(servers).center());
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(0).value<Area>(), Area::Servers);
    QCOMPARE(window.currentArea(), Area::Servers);
    QVERIFY(window.page(Area::Servers)->isVisible());
    QVERIFY(!window.page(Area::Users)->isVisible());
}

void TestMainWindow::shortcutsSwitchAreas()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.activateWindow();
    QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
    QCOMPARE(window.currentArea(), Area::Groups);
    window.showArea(Area::Hubs);
    QCOMPARE(window.currentArea(), Area::Hubs);
}

void TestMainWindow::statusBarShowsWorkspace()
{
    MainWindow window;
    window.setWorkspaceStatus(QStringLiteral("SQLite /tmp/x.db"), true, true);
    const QList<QLabel *> labels = window.statusBar()->findChildren<QLabel *>();
    QStringList texts;
    for (const QLabel *label : labels)
        texts << label->text();
    const QString all = texts.join(QLatin1Char('|'));
    QVERIFY2(all.contains(QStringLiteral("SQLite /tmp/x.db")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("Connected")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("Read-only")), qPrintable(all));

    window.setWorkspaceStatus(QStringLiteral("SQLite /tmp/x.db"),
                              true,
                              true,
                              QStringLiteral("created by a newer version"));
    texts.clear();
    for (const QLabel *label : labels)
        texts << label->text();
    QVERIFY2(texts.join(QLatin1Char('|')).contains(QStringLiteral("created by a newer version")),
             qPrintable(texts.join(QLatin1Char('|'))));
}

void TestMainWindow::chineseMenus()
{
    QCOMPARE(installTranslators(*qApp, QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
    MainWindow window;
    QStringList titles;
    for (QAction *action : window.menuBar()->actions())
        titles << action->text();
    QCOMPARE(titles.size(), 4); // File, Edit, View, Help
    for (const QString &title : titles) {
        const bool hasCjk = std::any_of(title.begin(), title.end(), [](QChar c) {
            return c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF;
        });
        QVERIFY2(hasCjk, qPrintable(title));
    }
    QVERIFY(window.windowTitle() != QStringLiteral("MCPHub Admin Console"));
    for (QTranslator *translator : qApp->findChildren<QTranslator *>())
        QCoreApplication::removeTranslator(translator);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
