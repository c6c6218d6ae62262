#include "storage/migration/dualwriter.h"

#include "storage/db/transactionguard.h"
#include "storage/logging.h"
#include "storage/migration/settingsmapper.h"
#include "storage/settings/settingsfilestore.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace mcphub {

namespace {

Result<void> writeAtomically(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        return Error::make(Error::Code::Io,
                           QCoreApplication::translate(
                               "DualWriter",
                               "Cannot save the bound settings file, so the change was not "
                               "saved in the database either. Check the folder's permissions "
                               "and free space, then try again."),
                           path,
                           file.errorString());
    }
    return {};
}

} // namespace

DualWriter::DualWriter(RepositoryContext context, QString settingsPath)
    : m_context(std::move(context))
    , m_path(std::move(settingsPath))
{}

Result<void> DualWriter::apply(const std::function<Result<void>()> &change)
{
    // Loaded before the change, so that the save refuses a file MCPHub rewrote meanwhile.
    SettingsDocument document;
    document.setPath(m_path);
    QByteArray previousBytes;
    const bool existed = QFileInfo::exists(m_path);
    if (existed) {
        auto loaded = SettingsFileStore::load(m_path);
        if (!loaded)
            return loaded.error();
        document = std::move(*loaded);
        previousBytes = document.sourceText();
    }
    TransactionGuard tx(QSqlDatabase::database(m_context.connectionName));
    if (!tx.active())
        return tx.error();
    if (auto changed = change(); !changed)
        return changed; // the guard rolls back; the file was not touched
    const auto exported = SettingsMapper::exportDocument(m_context);
    if (!exported)
        return exported.error();
    document.json() = exported->document;
    SaveOptions options;
    options.allowWarnings = true;
    if (auto saved = SettingsFileStore::save(document, options); !saved) {
        Error error = saved.error();
        error.message = QCoreApplication::translate("DualWriter",
                                                    "The bound settings file was not saved, so "
                                                    "the change was not saved in the database "
                                                    "either: %1")
                            .arg(error.message);
        return error; // the guard rolls the database back
    }
    if (auto committed = tx.commit(); !committed) {
        // The file is ahead of the database: put its previous content back.
        if (existed && !writeAtomically(m_path, previousBytes))
            qCWarning(lcStorage) << "could not restore" << m_path << "after a failed commit";
        else if (!existed)
            QFile::remove(m_path);
        return committed;
    }
    return {};
}

} // namespace mcphub
