#include "ui/main/consoleremedies.h"

#include <QCoreApplication>

namespace mcphub {

QString consoleRemedyWording(Error::Remedy remedy, const Error &error)
{
    Q_UNUSED(error)
    switch (remedy) {
    case Error::Remedy::None:
        break;
    case Error::Remedy::Reload:
        return QCoreApplication::translate("ConsoleRemedies",
                                           "Reload the workspace (File ▸ Reload, F5) to load "
                                           "the file's new content, then make the change again.");
    case Error::Remedy::AllowWarnings:
        return QCoreApplication::translate("ConsoleRemedies",
                                           "Save again and confirm the warnings to save them "
                                           "anyway.");
    case Error::Remedy::ConflictPolicy:
        return QCoreApplication::translate("ConsoleRemedies",
                                           "On the Target page, set \"Conflicting entries\" to "
                                           "skip or overwrite.");
    case Error::Remedy::SkipInvalid:
        return QCoreApplication::translate("ConsoleRemedies",
                                           "On the Target page, tick \"Skip invalid records and "
                                           "migrate the rest\" and choose a rejects file.");
    case Error::Remedy::RejectsFile:
        return QCoreApplication::translate("ConsoleRemedies",
                                           "On the Target page, choose a rejects file.");
    case Error::Remedy::UnbindSettings:
        return QCoreApplication::translate("ConsoleRemedies",
                                           "Open the profile and choose File ▸ Unbind settings "
                                           "file.");
    case Error::Remedy::OpenAsMcphubDatabase:
        return QCoreApplication::translate("ConsoleRemedies",
                                           "Open it with File ▸ Connect to MCPHub database… to "
                                           "administer the hub's own tables.");
    case Error::Remedy::CreateMcphubTables:
        return QCoreApplication::translate("ConsoleRemedies",
                                           "Connect again with \"Create MCPHub's tables\" "
                                           "ticked.");
    case Error::Remedy::AcceptLoss:
        return QCoreApplication::translate("ConsoleRemedies",
                                           "On the Plan page, tick the box that accepts losing "
                                           "what MCPHub's tables cannot hold.");
    }
    return {};
}

void installConsoleRemedies()
{
    Error::setRemedyWording(consoleRemedyWording);
}

} // namespace mcphub
