// The main window, offscreen: area routing by mouse and keyboard, status bar, translations.

#include "app/common/appsetup.h"
#include "storage/secretstore.h"
#include "ui/main/areapage.h"
#include "ui/main/mainwindow.h"
#include "ui/main/workspaceswitcher.h"

#include <QApplication>
#include <QDirIterator>
#include <QImageReader>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>
#include <QToolBar>
#include <QToolButton>
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
    void toolbarFitsTheDefaultWindowWithIcons();
    void everyAreaAndMenuActionHasAnIcon();
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
    // English again for the tests after this one, whether it passes or not.
    const auto english = qScopeGuard([] {
        for (QTranslator *translator : qApp->findChildren<QTranslator *>())
            QCoreApplication::removeTranslator(translator);
    });
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
}

namespace {

// Whether the icon draws something at 22 px (an SVG needs Qt SVG's plugins to render at all).
bool drawsSomething(const QIcon &icon)
{
    const QImage image = icon.pixmap(22, 22).toImage();
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (qAlpha(image.pixel(x, y)) > 0)
                return true;
        }
    }
    return false;
}

} // namespace

void TestMainWindow::toolbarFitsTheDefaultWindowWithIcons()
{
    QVERIFY2(QImageReader::supportedImageFormats().contains("svg"),
             "Qt SVG's image plugin is missing (Debian: libqt6svg6)");
    MainWindow window;
    const SecretStore secrets(QStringLiteral("mcphub-admin-tst-mainwindow"));
    auto *switcher = new WorkspaceSwitcher(&window, secrets, false);
    switcher->addMenuActions(window.fileMenu());
    window.resize(1100, 712);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.width(), 1100);

    QToolBar *toolBar = window.mainToolBar();
    QStringList texts;
    for (QAction *action : toolBar->actions()) {
        if (action->isSeparator())
            continue;
        texts << action->iconText();
        // Shown in full: not behind the toolbar's overflow chevron, text beside the icon.
        auto *button = qobject_cast<QToolButton *>(toolBar->widgetForAction(action));
        QVERIFY2(button && button->isVisible(), qPrintable(action->iconText()));
        QVERIFY2(toolBar->rect().contains(button->geometry()), qPrintable(action->iconText()));
        QCOMPARE(button->toolButtonStyle(), Qt::ToolButtonTextBesideIcon);
        QVERIFY2(drawsSomething(action->icon()), qPrintable(action->iconText()));
        QVERIFY2(!action->toolTip().isEmpty(), qPrintable(action->iconText()));
    }
    QCOMPARE(texts,
             QStringList({QStringLiteral("Open file"),
                          QStringLiteral("Open SQLite"),
                          QStringLiteral("Connect"),
                          QStringLiteral("MCPHub DB"),
                          QStringLiteral("Apply all"),
                          QStringLiteral("Revert all"),
                          QStringLiteral("Undo"),
                          QStringLiteral("Redo"),
                          QStringLiteral("Reload"),
                          QStringLiteral("Find")}));
    QVERIFY(window.applyAllAction()->toolTip().contains(QStringLiteral("Ctrl+S")));
    QVERIFY(!window.applyAllAction()->isEnabled()); // nothing pending
}

void TestMainWindow::everyAreaAndMenuActionHasAnIcon()
{
    MainWindow window;
    const SecretStore secrets(QStringLiteral("mcphub-admin-tst-mainwindow"));
    auto *switcher = new WorkspaceSwitcher(&window, secrets, false);
    switcher->addMenuActions(window.fileMenu());
    auto *list = window.findChild<QListView *>();
    QVERIFY(list);
    QSet<QByteArray> seen;
    for (int row = 0; row < list->model()->rowCount(); ++row) {
        const QModelIndex index = list->model()->index(row, 0);
        const auto icon = index.data(Qt::DecorationRole).value<QIcon>();
        QVERIFY2(drawsSomething(icon), qPrintable(index.data().toString()));
        const QImage image = icon.pixmap(22, 22).toImage();
        seen.insert(QByteArray(reinterpret_cast<const char *>(image.constBits()),
                               qsizetype(image.sizeInBytes())));
    }
    QCOMPARE(seen.size(), list->model()->rowCount()); // one icon each, none shared
    // Every menu action that does something (not a submenu) has an icon, but About Qt
    // (Qt's own).
    QStringList without;
    for (QAction *top : window.menuBar()->actions()) {
        for (QAction *action : top->menu()->actions()) {
            if (action->isSeparator() || action->menu()
                || action->menuRole() == QAction::AboutQtRole)
                continue;
            if (!drawsSomething(action->icon()))
                without << action->text();
        }
    }
    QVERIFY2(without.isEmpty(), qPrintable(without.join(QStringLiteral(", "))));
    // The bundled set says where it comes from, under which licence.
    QDirIterator icons(QStringLiteral(":/icons/breeze"), {QStringLiteral("*.svg")});
    int count = 0;
    while (icons.hasNext()) {
        icons.next();
        ++count;
        QVERIFY2(drawsSomething(QIcon(icons.filePath())), qPrintable(icons.filePath()));
    }
    QVERIFY(count >= 25);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
