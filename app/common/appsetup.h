#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace mcphub {

// Identity shared by both executables: organisation and application names (which decide the
// QSettings and QStandardPaths locations) and the version from CMake's project version.
void setApplicationIdentity();

// The value of "--lang X" or "--lang=X" in raw arguments, read before QCommandLineParser
// runs so that the help text itself comes out translated. Empty when absent.
QString languageFromArguments(const QStringList &arguments);

// Installs the console's and Qt's own translators for `language` ("zh_CN"), or for the
// system locale when `language` is empty. English needs none. Returns the language loaded,
// empty when English (the source language) is used.
QString installTranslators(QCoreApplication &app, const QString &language);

// Where installTranslators() looks for Qt's own translations (qtbase_<lang>.qm), in order:
// the copy installed beside the executable by the packages, then the system's Qt.
QStringList qtTranslationFolders();

// The embedded SQLite workspace used when nothing else is opened:
// <AppDataLocation of MCPHub/mcphub-admin>/mcphub-admin.db, the same for the console and the CLI.
QString defaultSqliteWorkspacePath();

} // namespace mcphub
