#pragma once

#include <QLoggingCategory>

// One category per subsystem; enable with QT_LOGGING_RULES="mcphub.*.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcStorage)  // mcphub.storage
Q_DECLARE_LOGGING_CATEGORY(lcSettings) // mcphub.settings
Q_DECLARE_LOGGING_CATEGORY(lcDatabase) // mcphub.db
Q_DECLARE_LOGGING_CATEGORY(lcKeychain) // mcphub.keychain
Q_DECLARE_LOGGING_CATEGORY(lcHub)      // mcphub.hub
// mcphub.migration.timing: off unless asked for (storage/migration/migrationtiming.h)
Q_DECLARE_LOGGING_CATEGORY(lcMigrationTiming)
