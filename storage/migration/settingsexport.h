#pragma once

#include "storage/db/repositorycontext.h"
#include "storage/result.h"
#include "storage/settings/settingsdocument.h"
#include "storage/settings/settingsfilestore.h"

#include <QString>
#include <QStringList>

namespace mcphub {

// The workspace as an MCPHub settings file, for `export OUTFILE` and File ▸ Export settings
// file… alike. read(): SettingsMapper::exportDocument, on the thread of the context's
// connection. save(): through SettingsFileStore (validated, errors refused, warnings
// allowed, an existing file backed up before it is replaced, written atomically in exactly
// MCPHub's format); replacing the file at `path` is what was asked, so a file that changed
// on disk is replaced too (its content is in the backup). Nothing is written on failure.
class SettingsExport
{
public:
    // `warnings`: what the document leaves out ("table/id/column: why": a JSON column of
    // MCPHub's database whose text is not JSON).
    static Result<SettingsDocument> read(const RepositoryContext &context,
                                         QStringList *warnings = nullptr);
    static Result<SaveReport> save(SettingsDocument document, const QString &path);
};

} // namespace mcphub
