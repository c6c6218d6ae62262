#include "app/common/appsetup.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QStandardPaths>
#include <QTranslator>

namespace mcphub {

void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("MCPHub"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("mcphub.app"));
    QCoreApplication::setApplicationName(QStringLiteral("mcphub-admin"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MCPHUB_VERSION));
}

QString languageFromArguments(const QStringList &arguments)
{
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (arg == QLatin1String("--lang") && i + 1 < arguments.size())
            return arguments.at(i + 1);
        if (arg.startsWith(QLatin1String("--lang=")))
            return arg.mid(7);
    }
    return {};
}

QStringList qtTranslationFolders()
{
    const QDir bin(QCoreApplication::applicationDirPath());
    return {
        bin.filePath(QStringLiteral("../share/mcphub-admin/translations")), // Linux, .tar.gz
        bin.filePath(QStringLiteral("translations")),                       // Windows (windeployqt)
        bin.filePath(QStringLiteral("../Resources/translations")),          // macOS app bundle
        QLibraryInfo::path(QLibraryInfo::TranslationsPath),                 // the system's Qt
    };
}

QString installTranslators(QCoreApplication &app, const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale() : QLocale(language);
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return {};

    auto *own = new QTranslator(&app);
    if (!own->load(locale,
                   QStringLiteral("mcphub-admin"),
                   QStringLiteral("_"),
                   QStringLiteral(":/i18n"))) {
        delete own;
        return {};
    }
    QCoreApplication::installTranslator(own);

    // Qt's own strings (standard dialogs, buttons, context menus): the copy the packages ship
    // beside the console first, then the system's Qt.
    auto *qt = new QTranslator(&app);
    const auto loaded = [&] {
        for (const QString &folder : qtTranslationFolders()) {
            if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), folder))
                return true;
        }
        return false;
    }();
    if (loaded)
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    QLocale::setDefault(locale);
    return locale.name();
}

QString defaultSqliteWorkspacePath()
{
    // AppDataLocation spelled out with fixed names: mcphub-adminctl renames its application,
    // and must still find the console's default workspace.
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(QStringLiteral("MCPHub/mcphub-admin/mcphub-admin.db"));
}

} // namespace mcphub
