#pragma once

#include "storage/migration/migrationreport.h"
#include "storage/migration/settingsmapper.h"
#include "storage/settings/settingsdocument.h"

namespace mcphub {

// The migrator's validation step: the settings store's validator (JSON Schema and rules)
// over the source text. An error inside one record (a user, a server, a systemConfig
// section) takes that record out of `mapped` into mapped.issues, with every reason and its
// line:column; an error of the document as a whole cannot be skipped and is returned.
// Warnings go to `warnings`. Pure function.
class MigrationValidation
{
public:
    // The source text as the settings store parses it (its JSON and where each value is);
    // a parse error names FILE:LINE:COL. Parsed once: apply() validates this same document.
    static Result<SettingsDocument> parse(const QByteArray &bytes, const QString &sourcePath);
    // A key that appears twice in one object of the document's text (JSON.parse would keep
    // the last silently) is an error naming its place. Separate from parse(), so that the
    // document can be used while its text is searched.
    static Result<void> checkDuplicateKeys(const SettingsDocument &document,
                                           const QString &sourcePath);

    static Result<void> apply(MappedSettings &mapped,
                              const SettingsDocument &document,
                              const QString &sourcePath,
                              QList<MigrationReport::Item> *warnings);
};

} // namespace mcphub
