#include "storage/migration/settingsexport.h"

#include "storage/migration/settingsmapper.h"

namespace mcphub {

Result<SettingsDocument> SettingsExport::read(const RepositoryContext &context,
                                              QStringList *warnings)
{
    const auto exported = SettingsMapper::exportDocument(context);
    if (!exported)
        return exported.error();
    if (warnings)
        *warnings = exported->warnings;
    return SettingsDocument::fromJson(exported->document);
}

Result<SaveReport> SettingsExport::save(SettingsDocument document, const QString &path)
{
    document.setPath(path);
    SaveOptions options;
    options.allowWarnings = true;
    options.force = true; // replacing the file is what was asked; its old content is backed up
    return SettingsFileStore::save(document, options);
}

} // namespace mcphub
