// mcphub-admin: the desktop console.

#include "app/common/appsetup.h"
#include "storage/db/profilestore.h"
#include "storage/db/workspace.h"
#include "storage/hub/hubmonitor.h"
#include "storage/ownhealth.h"
#include "storage/secretstore.h"
#include "ui/hubs/hubalertnotifier.h"
#include "ui/hubs/hubsview.h"
#include "ui/main/areapage.h"
#include "ui/main/mainwindow.h"
#include "ui/main/workspaceviews.h"
#include "ui/monitoring/ownhealthindicator.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QImage>
#include <QStatusBar>
#include <QTimer>

#include <cstdio>
#include <memory>
#include <optional>

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

// --tab names, as the issue and the scripts spell them.
std::optional<mcphub::WorkspaceAreaModel::Area> areaFromName(const QString &name)
{
    using Area = mcphub::WorkspaceAreaModel::Area;
    static const QHash<QString, Area> areas{{QStringLiteral("users"), Area::Users},
                                            {QStringLiteral("servers"), Area::Servers},
                                            {QStringLiteral("groups"), Area::Groups},
                                            {QStringLiteral("keys"), Area::BearerKeys},
                                            {QStringLiteral("usage"), Area::UsageLog},
                                            {QStringLiteral("audit"), Area::AuditLog},
                                            {QStringLiteral("hubs"), Area::Hubs}};
    const auto it = areas.constFind(name);
    if (it == areas.cend())
        return std::nullopt;
    return *it;
}

// --workspace: an existing file (or a path with a folder) is a SQLite workspace, anything
// else the name of a saved connection profile.
mcphub::Result<mcphub::ConnectionProfile> profileFor(const QString &pathOrProfile)
{
    if (QFileInfo::exists(pathOrProfile) || pathOrProfile.contains(QLatin1Char('/')))
        return mcphub::ConnectionProfile::sqliteFile(pathOrProfile);
    return mcphub::ProfileStore().load(pathOrProfile);
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
    const QCommandLineOption workspaceOption(
        QStringLiteral("workspace"),
        QApplication::translate("main",
                                "Open this workspace: a SQLite file or the name of a saved "
                                "connection profile."),
        QApplication::translate("main", "path or profile"));
    const QCommandLineOption tabOption(
        QStringLiteral("tab"),
        QApplication::translate("main",
                                "Show this area first: users, servers, groups, keys, usage, "
                                "audit or hubs."),
        QApplication::translate("main", "name"));
    parser.addOption(langOption);
    parser.addOption(screenshotOption);
    parser.addOption(sqliteOption);
    parser.addOption(workspaceOption);
    parser.addOption(tabOption);
    parser.process(app);

    mcphub::MainWindow window;
    if (parser.isSet(tabOption)) {
        const auto area = areaFromName(parser.value(tabOption));
        if (!area) {
            std::fprintf(stderr,
                         "%s\n",
                         qPrintable(QApplication::translate(
                                        "main",
                                        "--tab: unknown area \"%1\"; say users, servers, groups, "
                                        "keys, usage, audit or hubs.")
                                        .arg(parser.value(tabOption))));
            return 2;
        }
        window.showArea(*area);
    }

    // The default workspace (or --sqlite PATH, --workspace PATH_OR_PROFILE): opened and
    // brought to the current schema.
    auto profile
        = parser.isSet(workspaceOption)
              ? profileFor(parser.value(workspaceOption))
              : mcphub::Result<mcphub::ConnectionProfile>(mcphub::ConnectionProfile::sqliteFile(
                  parser.isSet(sqliteOption) ? parser.value(sqliteOption)
                                             : mcphub::defaultSqliteWorkspacePath()));
    std::optional<mcphub::Workspace> workspace;
    const QString workspaceName = profile ? profile->displayName() : parser.value(workspaceOption);
    if (!profile) {
        window.setWorkspaceStatus(workspaceName, false, false, profile.error().toString());
    } else {
        const auto opened = mcphub::Workspace::open(*profile, QStringLiteral("workspace"));
        window.setWorkspaceStatus(workspaceName,
                                  opened.ok(),
                                  opened.ok() && opened->readOnly(),
                                  opened.ok() ? opened->warnings().join(QLatin1Char(' '))
                                              : opened.error().toString());
        if (opened) {
            workspace = *opened;
            new mcphub::WorkspaceViews(*opened, &window);
        }
    }

    // Hub monitoring: the Hubs page, alerts and the console's own health in the status bar.
    const mcphub::SecretStore secrets;
    const bool screenshot = parser.isSet(screenshotOption);
    auto *ownHealth = new mcphub::OwnHealthIndicator(QStringLiteral("workspace"),
                                                     workspaceName,
                                                     mcphub::OwnHealth::settingsFolder(),
                                                     secrets,
                                                     &window);
    window.statusBar()->addPermanentWidget(ownHealth);
    std::unique_ptr<mcphub::HubMonitor> monitor;
    if (workspace) {
        monitor = std::make_unique<mcphub::HubMonitor>(workspace->context(), secrets);
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
