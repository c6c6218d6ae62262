// mcphub-admin: the desktop console.

#include "app/common/appsetup.h"
#include "storage/db/workspace.h"
#include "storage/hub/hubmonitor.h"
#include "storage/ownhealth.h"
#include "storage/secretstore.h"
#include "ui/hubs/hubalertnotifier.h"
#include "ui/hubs/hubsview.h"
#include "ui/main/areapage.h"
#include "ui/main/mainwindow.h"
#include "ui/monitoring/ownhealthindicator.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QImage>
#include <QStatusBar>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace {

bool wantsScreenshot(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--screenshot") == 0 || qstrncmp(argv[i], "--screenshot=", 13) == 0)
            return true;
    }
    return false;
}

// Renders the window once, as it would appear on screen, and saves it.
int saveScreenshot(mcphub::MainWindow &window, const QString &path)
{
    window.show();
    QApplication::processEvents();
    const QImage image = window.grab().toImage();
    if (image.isNull() || !image.save(path)) {
        std::fprintf(
            stderr,
            "%s\n",
            qPrintable(
                QApplication::translate("main", "%1: cannot write the screenshot.").arg(path)));
        return 1;
    }
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    // A screenshot needs no display: render offscreen unless a platform was chosen.
    if (wantsScreenshot(argc, argv) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");

    QApplication app(argc, argv);
    mcphub::setApplicationIdentity();
    mcphub::installTranslators(app, mcphub::languageFromArguments(QApplication::arguments()));
    QApplication::setApplicationDisplayName(
        QApplication::translate("main", "MCPHub Admin Console"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Administration console for MCPHub."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption langOption(
        QStringLiteral("lang"),
        QApplication::translate("main", "User interface language, for example zh_CN."),
        QApplication::translate("main", "language"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QApplication::translate("main",
                                "Render the main window once, save it as a PNG file and exit."),
        QApplication::translate("main", "file"));
    const QCommandLineOption sqliteOption(
        QStringLiteral("sqlite"),
        QApplication::translate("main", "Open this SQLite workspace instead of the default one."),
        QApplication::translate("main", "path"));
    parser.addOption(langOption);
    parser.addOption(screenshotOption);
    parser.addOption(sqliteOption);
    parser.process(app);

    mcphub::MainWindow window;

    // The default workspace (or --sqlite PATH): opened and brought to the current schema.
    const QString workspacePath = parser.isSet(sqliteOption) ? parser.value(sqliteOption)
                                                             : mcphub::defaultSqliteWorkspacePath();
    const auto profile = mcphub::ConnectionProfile::sqliteFile(workspacePath);
    const auto opened = mcphub::Workspace::open(profile, QStringLiteral("workspace"));
    window.setWorkspaceStatus(profile.displayName(),
                              opened.ok(),
                              opened.ok() && opened->readOnly(),
                              opened.ok() ? opened->warnings().join(QLatin1Char(' '))
                                          : opened.error().toString());

    // Hub monitoring: the Hubs page, alerts and the console's own health in the status bar.
    const mcphub::SecretStore secrets;
    const bool screenshot = parser.isSet(screenshotOption);
    auto *ownHealth = new mcphub::OwnHealthIndicator(QStringLiteral("workspace"),
                                                     profile.displayName(),
                                                     mcphub::OwnHealth::settingsFolder(),
                                                     secrets,
                                                     &window);
    window.statusBar()->addPermanentWidget(ownHealth);
    std::unique_ptr<mcphub::HubMonitor> monitor;
    if (opened.ok()) {
        monitor = std::make_unique<mcphub::HubMonitor>(opened->context(), secrets);
        auto *alerts = new mcphub::HubAlertNotifier(&window);
        auto *hubs = new mcphub::HubsView(monitor.get(), secrets, alerts);
        window.page(mcphub::WorkspaceAreaModel::Area::Hubs)->setContent(hubs);
        // Polls asynchronously on this thread. A registry that cannot be read already shows
        // its error on the Hubs page (HubsView::reload).
        if (!screenshot)
            (void)monitor->start();
    }
    if (!screenshot)
        ownHealth->start();

    if (screenshot)
        return saveScreenshot(window, parser.value(screenshotOption));

    window.show();
    return QApplication::exec();
}
