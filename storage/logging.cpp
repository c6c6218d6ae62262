#include "storage/logging.h"

Q_LOGGING_CATEGORY(lcStorage, "mcphub.storage", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSettings, "mcphub.settings", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDatabase, "mcphub.db", QtInfoMsg)
Q_LOGGING_CATEGORY(lcKeychain, "mcphub.keychain", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHub, "mcphub.hub", QtInfoMsg)
Q_LOGGING_CATEGORY(lcMigrationTiming, "mcphub.migration.timing", QtInfoMsg)
