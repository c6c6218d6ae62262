// mcphub-admin: the desktop console.

#include "app/common/appsetup.h"
#include "storage/db/workspace.h"
#include "storage/live/redisclient.h"
#include "storage/secretstore.h"
#include "ui/main/aboutdialog.h"
#include "ui/main/applyalldialog.h"
#include "ui/main/connectionsdialog.h"
#include "ui/main/connectmcphubdialog.h"
#include "ui/main/consolepreferences.h"
#include "ui/main/mainwindow.h"
#include "ui/main/preferencesdialog.h"
#include "ui/main/shortcutsdialog.h"
#include "ui/main/workspaceswitcher.h"
#include "ui/replication/replicationpage.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDialog>
#include <QEventLoop>
#include <QFileDialog>
#include <QImage>
#include <QLineEdit>
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

// Renders the widget once, as it would appear on screen, and saves it.
int saveScreenshot(QWidget &widget, const QString &path)
{
    widget.show();
    QApplication::processEvents();
    // The Replication page reads on a thread of its own: shown as read (at most 30 s).
    for (auto *page : widget.findChildren<mcphub::ReplicationPage *>()) {
        if (!page->isReading())
            continue;
        QEventLoop loop;
        QObject::connect(page, &mcphub::ReplicationPage::refreshed, &loop, &QEventLoop::quit);
        QTimer::singleShot(30'000, &loop, &QEventLoop::quit);
        loop.exec();
        QApplication::processEvents();
    }
    // A dialog the opening showed (a settings file with errors) is what the user sees.
    QWidget *shown = &widget;
    for (QWidget *topLevel : QApplication::topLevelWidgets()) {
        if (topLevel != &widget && qobject_cast<QDialog *>(topLevel) && topLevel->isVisible())
            shown = topLevel;
    }
    const QImage image = shown->grab().toImage();
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
                                            {QStringLiteral("records"), Area::Records},
                                            {QStringLiteral("usage"), Area::UsageLog},
                                            {QStringLiteral("audit"), Area::AuditLog},
                                            {QStringLiteral("backups"), Area::Backups},
                                            {QStringLiteral("hubs"), Area::Hubs},
                                            {QStringLiteral("config"), Area::SystemConfig},
                                            {QStringLiteral("replication"), Area::Replication}};
    const auto it = areas.constFind(name);
    if (it == areas.cend())
        return std::nullopt;
    return *it;
}

// What the Apply-all preview shows for a screenshot: sample edits on three pages (the
// data is made up; the page and field names are the console's own).
QList<mcphub::ApplyAllDialog::Section> sampleApplyAllPreview()
{
    using Area = mcphub::WorkspaceAreaModel::Area;
    using Kind = mcphub::PendingChange::Kind;
    using Row = mcphub::PendingTableModel::RowPreview;
    using Field = mcphub::PendingTableModel::FieldPreview;
    const QString masked(8, QChar(0x2022));
    auto t = [](const char *text) {
        return QApplication::translate("mcphub::UserTableModel", text);
    };
    auto s = [](const char *text) {
        return QApplication::translate("mcphub::ServerTableModel", text);
    };
    auto k = [](const char *text) {
        return QApplication::translate("mcphub::BearerKeyTableModel", text);
    };
    return {{mcphub::WorkspaceAreaModel::title(Area::Users),
             {Row{QStringLiteral("alice"),
                  Kind::Update,
                  {Field{{}, t("E-mail"), {}, QStringLiteral("alice@example.org")},
                   Field{{}, t("Password"), masked, masked}}},
              Row{QStringLiteral("bob"), Kind::Remove, {}}}},
            {mcphub::WorkspaceAreaModel::title(Area::Servers),
             {Row{QStringLiteral("fetch"),
                  Kind::Update,
                  {Field{{}, s("Description"), {}, QStringLiteral("Fetches URLs")},
                   Field{{},
                         s("Environment"),
                         QStringLiteral("{\"REGION\":\"us\"}"),
                         QStringLiteral("{\"API_KEY\":\"%1\",\"REGION\":\"eu\"}").arg(masked)}}}}},
            {mcphub::WorkspaceAreaModel::title(Area::BearerKeys),
             {Row{QStringLiteral("ci"),
                  Kind::Add,
                  {Field{{}, k("Name"), {}, QStringLiteral("ci")},
                   Field{{}, k("Token"), {}, masked},
                   Field{{}, k("Access"), {}, QStringLiteral("all")}}}}}};
}

} // namespace

int main(int argc, char **argv)
{
    // A screenshot needs no display: render offscreen unless a platform was chosen.
    if (wantsScreenshot(argc, argv) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");

    QApplication app(argc, argv);
    mcphub::setApplicationIdentity();
    // --lang, else the language chosen in Edit ▸ Preferences, else the system's.
    QString language = mcphub::languageFromArguments(QApplication::arguments());
    if (language.isEmpty())
        language = mcphub::ConsolePreferences::load().language;
    mcphub::installTranslators(app, language);
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
                                "Open this workspace: an MCPHub settings file (.json), a SQLite "
                                "file or the name of a saved connection profile."),
        QApplication::translate("main", "path or profile"));
    const QCommandLineOption tabOption(
        QStringLiteral("tab"),
        QApplication::translate(
            "main",
            "Show this area first: users, servers, groups, keys, config, "
            "records, usage, audit, backups (settings files), hubs or replication "
            "(PostgreSQL)."),
        QApplication::translate("main", "name"));
    // Issue 16: Redis for the workspaces opened here whose profile names none.
    const QCommandLineOption redisOption(
        QStringLiteral("redis"),
        QApplication::translate("main",
                                "Publish the changes to this Redis (config:update) and refresh "
                                "live from it: redis://host:port[/db]."),
        QApplication::translate("main", "url"));
    parser.addOption(redisOption);
    parser.addOption(langOption);
    parser.addOption(screenshotOption);
    parser.addOption(sqliteOption);
    parser.addOption(workspaceOption);
    const QCommandLineOption dialogOption(
        QStringLiteral("dialog"),
        QApplication::translate("main",
                                "With --screenshot: render this dialog instead of the main "
                                "window: open-settings (File ▸ Open settings file…), "
                                "connect-mcphub (File ▸ Connect to MCPHub database…), about "
                                "(Help ▸ About), apply-all (the preview of Edit ▸ Apply all, "
                                "with sample edits), shortcuts (Help ▸ Keyboard shortcuts), "
                                "connections (File ▸ Connections…) or preferences (Edit ▸ "
                                "Preferences…)."),
        QApplication::translate("main", "name"));
    parser.addOption(tabOption);
    parser.addOption(dialogOption);
    parser.process(app);
    if (parser.isSet(dialogOption) && parser.value(dialogOption) != QLatin1String("open-settings")
        && parser.value(dialogOption) != QLatin1String("connect-mcphub")
        && parser.value(dialogOption) != QLatin1String("about")
        && parser.value(dialogOption) != QLatin1String("apply-all")
        && parser.value(dialogOption) != QLatin1String("shortcuts")
        && parser.value(dialogOption) != QLatin1String("connections")
        && parser.value(dialogOption) != QLatin1String("preferences")) {
        std::fprintf(stderr,
                     "%s\n",
                     qPrintable(QApplication::translate(
                                    "main",
                                    "--dialog: unknown dialog \"%1\"; say open-settings, "
                                    "connect-mcphub, about, apply-all, shortcuts, "
                                    "connections or preferences.")
                                    .arg(parser.value(dialogOption))));
        return 2;
    }

    const mcphub::SecretStore secrets; // outlives the window and its workspace sessions
    mcphub::MainWindow window;
    window.setAboutFacts({mcphub::defaultSqliteWorkspacePath(), secrets.service()});
    if (parser.isSet(tabOption)) {
        const auto area = areaFromName(parser.value(tabOption));
        if (!area) {
            std::fprintf(stderr,
                         "%s\n",
                         qPrintable(QApplication::translate(
                                        "main",
                                        "--tab: unknown area \"%1\"; say users, servers, groups, "
                                        "keys, config, records, usage, audit, backups, hubs or "
                                        "replication.")
                                        .arg(parser.value(tabOption))));
            return 2;
        }
    }

    // The default workspace (or --sqlite PATH, --workspace PATH_OR_PROFILE, a .json settings
    // file included): opened and brought to the current schema. Hub monitoring and the
    // console's own health follow the open workspace.
    if (parser.isSet(redisOption)) {
        if (const auto redis = mcphub::RedisAddress::parse(parser.value(redisOption)); !redis) {
            std::fprintf(stderr, "%s\n", qPrintable(redis.error().toString()));
            return 2;
        }
        mcphub::Workspace::setSessionRedisUrl(parser.value(redisOption));
    }
    const bool screenshot = parser.isSet(screenshotOption);
    auto *switcher = new mcphub::WorkspaceSwitcher(&window, secrets, !screenshot);
    switcher->addMenuActions(window.fileMenu());
    const QString initial = parser.isSet(workspaceOption) ? parser.value(workspaceOption)
                            : parser.isSet(sqliteOption)  ? parser.value(sqliteOption)
                                                          : mcphub::defaultSqliteWorkspacePath();
    if (parser.isSet(workspaceOption))
        (void)switcher->openAtStartup(initial);
    else if (parser.isSet(sqliteOption) || screenshot)
        (void)switcher->openSqlite(initial); // the window shows what went wrong
    else
        (void)switcher->openAtStart(initial); // the last workspace when the preferences say so
    if (parser.isSet(tabOption))
        window.showArea(*areaFromName(parser.value(tabOption)));

    if (screenshot && parser.isSet(dialogOption)) {
        // A standard dialog, in the chosen language (Qt's own strings included).
        if (parser.value(dialogOption) == QLatin1String("about")) {
            mcphub::AboutDialog about(window.aboutFacts(), &window);
            return saveScreenshot(about, parser.value(screenshotOption));
        }
        if (parser.value(dialogOption) == QLatin1String("apply-all")) {
            mcphub::ApplyAllDialog preview(sampleApplyAllPreview(), &window);
            return saveScreenshot(preview, parser.value(screenshotOption));
        }
        if (parser.value(dialogOption) == QLatin1String("shortcuts")) {
            mcphub::ShortcutsDialog shortcuts(&window, &window);
            return saveScreenshot(shortcuts, parser.value(screenshotOption));
        }
        if (parser.value(dialogOption) == QLatin1String("connections")) {
            // An example profile in the form, as an administrator fills it in.
            mcphub::ConnectionsDialog connections(&window);
            connections.addProfile();
            const auto set = [&connections](const char *name, const QString &text) {
                if (auto *edit = connections.findChild<QLineEdit *>(QLatin1String(name)))
                    edit->setText(text);
            };
            set("name", QStringLiteral("team"));
            set("hosts", QStringLiteral("db1.example.org, db2.example.org"));
            set("database", QStringLiteral("mcphub"));
            set("user", QStringLiteral("admin"));
            // Issue 16: the optional Redis and pg_auto_failover monitor.
            set("redisUrl", QStringLiteral("redis://cache.example.org:6379/0"));
            set("failoverMonitor",
                QStringLiteral("host=monitor.example.org port=5431 dbname=pg_auto_failover"));
            return saveScreenshot(connections, parser.value(screenshotOption));
        }
        if (parser.value(dialogOption) == QLatin1String("preferences")) {
            mcphub::PreferencesDialog preferences(&window);
            return saveScreenshot(preferences, parser.value(screenshotOption));
        }
        if (parser.value(dialogOption) == QLatin1String("connect-mcphub")) {
            mcphub::ConnectMcphubDialog connect(&window);
            connect.setConninfo(QStringLiteral("postgresql://mcphub@db.example.org/mcphub"));
            return saveScreenshot(connect, parser.value(screenshotOption));
        }
        const std::unique_ptr<QFileDialog> dialog(switcher->createSettingsFileDialog());
        dialog->resize(800, 500);
        return saveScreenshot(*dialog, parser.value(screenshotOption));
    }
    if (screenshot)
        return saveScreenshot(window, parser.value(screenshotOption));

    window.show();
    return QApplication::exec();
}
