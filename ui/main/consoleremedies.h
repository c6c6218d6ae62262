#pragma once

#include "storage/error.h"

#include <QString>

namespace mcphub {

// The remedies of storage errors (Error::Remedy) in the console's terms: menu actions and the
// controls of its dialogs, never a command-line flag. installConsoleRemedies() makes every
// Error::toString() in the console use them (MainWindow installs it).
QString consoleRemedyWording(Error::Remedy remedy, const Error &error);
void installConsoleRemedies();

} // namespace mcphub
