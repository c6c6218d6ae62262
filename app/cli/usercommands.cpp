#include "app/cli/usercommands.h"

#include "app/cli/workspaceoptions.h"
#include "storage/db/useradministration.h"
#include "storage/db/workspace.h"
#include "storage/db/workspacecapabilities.h"
#include "storage/nametext.h"
#include "storage/passwordhasher.h"
#include "storage/passwordpolicy.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace mcphub::cli {

namespace {

// The texts' translation context, declared so that lupdate files them under it (a tr()
// helper calling translate() was filed under the enclosing namespace or class).
struct UserCommandTexts
{
    Q_DECLARE_TR_FUNCTIONS(UserCommand)
};

QString readLine(QFile &in)
{
    return QString::fromUtf8(in.readLine()).remove(QLatin1Char('\n')).remove(QLatin1Char('\r'));
}

// Reads a line from the terminal with echo off.
QString askHidden(const QString &prompt)
{
    err() << prompt << Qt::flush;
    termios old{};
    const bool tty = tcgetattr(STDIN_FILENO, &old) == 0;
    if (tty) {
        termios silent = old;
        silent.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent);
    }
    QFile in;
    QString line;
    if (in.open(stdin, QIODevice::ReadOnly))
        line = readLine(in);
    if (tty)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
    err() << Qt::endl;
    return line;
}

// The new password: one line of standard input with --password-stdin, else asked twice on
// the terminal. Empty with `error` set when there is none.
QString newPassword(bool fromStdin, QString *error)
{
    if (fromStdin) {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly)) {
            *error = UserCommandTexts::tr("cannot read the password from standard input.");
            return {};
        }
        const QString password = readLine(in);
        if (password.isEmpty())
            *error = UserCommandTexts::tr("standard input held no password.");
        return password;
    }
    if (!isatty(STDIN_FILENO)) {
        *error = UserCommandTexts::tr("standard input is not a terminal; pass the password with "
                                      "--password-stdin.");
        return {};
    }
    const QString first = askHidden(UserCommandTexts::tr("New password: "));
    const QString second = askHidden(UserCommandTexts::tr("Repeat the password: "));
    if (first != second) {
        *error = UserCommandTexts::tr("the two passwords differ; nothing was changed.");
        return {};
    }
    if (first.isEmpty())
        *error = UserCommandTexts::tr("the password is empty; nothing was changed.");
    return first;
}

int runUser(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(UserCommandTexts::tr(
        "List, add and remove the users who sign in to MCPHub, and set their passwords.\n"
        "  list                      the users and their admin flag\n"
        "  add NAME [--admin]        add a user (password from --password-stdin)\n"
        "  set-password NAME         set or reset a password (asked twice on a terminal)\n"
        "  set NAME [--admin|--no-admin] [--status S] [--email E] [--full-name N]\n"
        "                            change a user's fields (status, e-mail and full name\n"
        "                            are console notes MCPHub never reads; a settings\n"
        "                            file has no place for them)\n"
        "  remove NAME               delete a user (never the last administrator)"));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption admin(QStringLiteral("admin"),
                                   UserCommandTexts::tr("The new user is an administrator."));
    const QCommandLineOption passwordStdin(
        QStringLiteral("password-stdin"),
        UserCommandTexts::tr("Read the password from the first line of standard input."));
    const QCommandLineOption cost(
        QStringLiteral("cost"),
        UserCommandTexts::tr("bcrypt cost, 10 to 14 (default 10, as MCPHub)."),
        UserCommandTexts::tr("cost"),
        QString::number(PasswordHasher::kDefaultCost));
    const QCommandLineOption notAdmin(
        QStringLiteral("no-admin"),
        UserCommandTexts::tr("set: the user is no longer an administrator."));
    const QCommandLineOption status(
        QStringLiteral("status"),
        UserCommandTexts::tr(
            "set: the console's status note (MCPHub never reads it: it does not stop a user "
            "signing in)."),
        UserCommandTexts::tr("status"));
    const QCommandLineOption email(QStringLiteral("email"),
                                   UserCommandTexts::tr("set: the console's e-mail note."),
                                   UserCommandTexts::tr("address"));
    const QCommandLineOption fullName(QStringLiteral("full-name"),
                                      UserCommandTexts::tr("set: the console's full-name note."),
                                      UserCommandTexts::tr("name"));
    parser.addOption(admin);
    parser.addOption(passwordStdin);
    parser.addOption(cost);
    parser.addOptions({notAdmin, status, email, fullName});
    parser.addPositionalArgument(QStringLiteral("action"),
                                 UserCommandTexts::tr("list, add, set-password, set or remove."),
                                 QStringLiteral("list|add|set-password|set|remove [NAME]"));
    const WorkspaceOptions workspaceOptions;
    workspaceOptions.addTo(parser);
    if (const int code = parseCommandLine(parser, QStringLiteral("user"), arguments, help);
        code >= 0)
        return code;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    const bool needsName = action != QLatin1String("list");
    if (!QStringList{QStringLiteral("list"),
                     QStringLiteral("add"),
                     QStringLiteral("set-password"),
                     QStringLiteral("set"),
                     QStringLiteral("remove")}
             .contains(action)
        || positional.size() != (needsName ? 2 : 1)) {
        return fail(UserCommandTexts::tr(
                        "say list, add NAME, set-password NAME, set NAME or remove NAME. Run "
                        "\"%1 user --help\".")
                        .arg(QCoreApplication::applicationName()));
    }
    // The fields "set" changes, by their declared names (WorkspaceCapabilities).
    QList<QPair<QString, QString>> fieldValues;
    if (parser.isSet(status))
        fieldValues.append({QStringLiteral("status"), parser.value(status)});
    if (parser.isSet(email))
        fieldValues.append({QStringLiteral("email"), parser.value(email)});
    if (parser.isSet(fullName))
        fieldValues.append({QStringLiteral("fullName"), parser.value(fullName)});
    if (parser.isSet(admin) && parser.isSet(notAdmin))
        return fail(UserCommandTexts::tr("--admin and --no-admin contradict each other."));
    const bool setsAdmin
        = parser.isSet(notAdmin) || (action == QLatin1String("set") && parser.isSet(admin));
    if (action != QLatin1String("set") && (!fieldValues.isEmpty() || parser.isSet(notAdmin)))
        return fail(UserCommandTexts::tr(
            "--no-admin, --status, --email and --full-name go with \"user set\"."));
    if (action == QLatin1String("set") && fieldValues.isEmpty() && !setsAdmin)
        return fail(
            UserCommandTexts::tr("say what to change: --admin, --no-admin, --status, --email or "
                                 "--full-name."));
    const QString name = positional.value(1);
    bool costOk = false;
    const int bcryptCost = parser.value(cost).toInt(&costOk);
    if (!costOk || bcryptCost < PasswordHasher::kMinCost || bcryptCost > PasswordHasher::kMaxCost)
        return fail(UserCommandTexts::tr("--cost takes a number from 10 to 14."));

    // Ask for the password before opening the workspace: no transaction waits on a human.
    QString hash;
    if (action == QLatin1String("add") || action == QLatin1String("set-password")) {
        QString error;
        const QString password = newPassword(parser.isSet(passwordStdin), &error);
        if (!error.isEmpty())
            return fail(error);
        for (const QString &problem : PasswordPolicy::problems(password))
            err() << UserCommandTexts::tr("warning: ") << problem << Qt::endl;
        const auto hashed = PasswordHasher::hash(password, bcryptCost);
        if (!hashed)
            return fail(hashed.error().toString());
        hash = *hashed;
    }

    QStringList warnings;
    auto ws = workspaceOptions.open(parser, QStringLiteral("mcphub-adminctl"), &warnings);
    for (const QString &w : std::as_const(warnings))
        err() << UserCommandTexts::tr("warning: ") << w << Qt::endl;
    if (!ws)
        return fail(ws.error().toString());
    UserAdministration users(ws->context());
    int code = ExitOk;
    if (action == QLatin1String("list")) {
        const auto all = users.all();
        if (!all) {
            code = fail(all.error().toString());
        } else {
            for (const UserRecord &u : *all) {
                out() << QStringLiteral("%1  %2  %3")
                             .arg(NameText::forDisplay(u.username).leftJustified(24),
                                  (u.isAdmin ? UserCommandTexts::tr("admin")
                                             : UserCommandTexts::tr("user"))
                                      .leftJustified(6),
                                  u.status)
                      << Qt::endl;
            }
            // Rows MCPHub's database holds in a shape the console or MCPHub cannot use as it
            // is (McphubRowCheck): named, listed all the same, and left as they are.
            for (const UserRecord &u : *all) {
                for (const RowFinding &f : u.findings)
                    err() << UserCommandTexts::tr("warning: ") << NameText::forDisplay(f.toString())
                          << Qt::endl;
            }
        }
    } else {
        Result<void> done;
        QString message;
        // A field the workspace cannot store is refused before anything is written.
        const WorkspaceCapabilities capabilities(ws->context().kind);
        for (const auto &[field, value] : std::as_const(fieldValues)) {
            if (!capabilities.stores(QStringLiteral("users"), field)) {
                done = capabilities.notStored(
                    QStringLiteral("users"), field, QStringLiteral("users/") + name);
                break;
            }
        }
        if (!done) {
            // refused above
        } else if (action == QLatin1String("set")) {
            done = users.set(name,
                             setsAdmin ? std::optional<bool>(parser.isSet(admin))
                                       : std::optional<bool>(),
                             fieldValues);
            message = UserCommandTexts::tr("Changed user %1.");
        } else if (action == QLatin1String("add")) {
            done = users.add(name, hash, parser.isSet(admin));
            message = UserCommandTexts::tr("Added user %1.");
        } else if (action == QLatin1String("set-password")) {
            done = users.setPassword(name, hash);
            message = UserCommandTexts::tr("Set the password of %1.");
        } else {
            done = users.remove(name);
            message = UserCommandTexts::tr("Removed user %1.");
        }
        if (!done) {
            code = fail(NameText::forDisplay(done.error().toString()));
        } else {
            out() << message.arg(NameText::forDisplay(name)) << Qt::endl;
            // MCPHub's dashboard sessions are 24-hour tokens checked without the database
            // (mcphub-dbmode.md §2.3): removing or demoting a user does not end them.
            const bool weakens = action == QLatin1String("remove")
                                 || action == QLatin1String("set-password")
                                 || (setsAdmin && !parser.isSet(admin));
            if (ws->context().kind == WorkspaceKind::McphubDatabase && weakens)
                out() << UserCommandTexts::tr(
                             "Note: a dashboard session %1 already has stays valid for up to 24 "
                             "hours (MCPHub checks its sign-in token without the database); "
                             "restart the hubs on this database to end it now.")
                             .arg(NameText::forDisplay(name))
                      << Qt::endl;
            if (ws->binding() && ws->binding()->saveCount() > 0)
                out() << UserCommandTexts::tr("Saved to the bound settings file %1 too.")
                             .arg(ws->binding()->path())
                      << Qt::endl;
        }
    }
    ws->close();
    return code;
}

} // namespace

CliCommand userCommand()
{
    return {QStringLiteral("user"),
            UserCommandTexts::tr("List, add and remove users and set their passwords."),
            runUser};
}

} // namespace mcphub::cli
