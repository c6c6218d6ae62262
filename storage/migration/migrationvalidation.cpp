#include "storage/migration/migrationvalidation.h"

#include "storage/settings/settingsdocument.h"
#include "storage/settings/settingsvalidator.h"

#include <QCoreApplication>

namespace mcphub {

Result<void> MigrationValidation::apply(MappedSettings &mapped,
                                        const SettingsDocument &document,
                                        const QString &sourcePath,
                                        QList<MigrationReport::Item> *warnings)
{
    std::optional<Finding> documentError;
    for (const Finding &finding : SettingsValidator::validate(document)) {
        QString reason = finding.message;
        if (finding.position.isValid()) {
            reason += QStringLiteral(" (%1, %2:%3)")
                          .arg(finding.pointer,
                               QString::number(finding.position.line),
                               QString::number(finding.position.column));
        }
        if (finding.severity == Finding::Severity::Warning) {
            warnings->append({finding.pointer, reason});
            continue;
        }
        // "/users/3/password" belongs to the record "/users/3".
        const QString record = finding.pointer.section(QLatin1Char('/'), 0, 2);
        auto issue = std::find_if(mapped.issues.begin(), mapped.issues.end(), [&](const auto &i) {
            return i.pointer == record;
        });
        if (issue != mapped.issues.end()) {
            issue->reason += QStringLiteral("; ") + reason;
            continue;
        }
        const auto entity
            = std::find_if(mapped.entities.begin(),
                           mapped.entities.end(),
                           [&](const MappedEntity &e) { return e.pointer == record; });
        if (entity == mapped.entities.end()) {
            if (!documentError)
                documentError = finding;
            mapped.issues.append({finding.pointer, reason, OrderedJson(nullptr)});
            continue;
        }
        OrderedJson source = std::move(entity->source);
        if (source.is_null()) { // mapped for its place only: its value from the document
            try {
                const OrderedJson::json_pointer at(record.toStdString());
                if (document.json().contains(at))
                    source = document.json().at(at);
            } catch (const OrderedJson::exception &) {
            }
        }
        mapped.issues.append({record, reason, std::move(source)});
        mapped.entities.erase(entity);
    }
    if (documentError) {
        return Error::make(Error::Code::Invalid,
                           QCoreApplication::translate(
                               "MigrationValidation",
                               "The settings file has an error that is not inside one record, "
                               "so it cannot be skipped: %1 Repair the file; nothing was "
                               "migrated.")
                               .arg(documentError->message),
                           documentError->position.isValid()
                               ? QStringLiteral("%1:%2:%3")
                                     .arg(sourcePath,
                                          QString::number(documentError->position.line),
                                          QString::number(documentError->position.column))
                               : sourcePath + QLatin1Char('#') + documentError->pointer);
    }
    return {};
}

Result<SettingsDocument> MigrationValidation::parse(const QByteArray &bytes,
                                                    const QString &sourcePath)
{
    // The settings store's parser, so that a file the store refuses (too deeply nested, a NUL
    // byte, a number beyond the double range, not UTF-8) is refused here the same way, with
    // FILE:LINE:COL, before anything walks the tree.
    return SettingsDocument::parse(bytes, sourcePath);
}

Result<void> MigrationValidation::checkDuplicateKeys(const SettingsDocument &document,
                                                     const QString &sourcePath)
{
    // JSON.parse keeps the last of two equal keys silently (so would we): a duplicate server
    // name or key is an error that names it.
    if (const auto &duplicates = document.duplicateKeys(); !duplicates.empty()) {
        const SourcePosition position = document.positionAt(duplicates.front().lastOffset);
        return Error::make(
            Error::Code::Invalid,
            QCoreApplication::translate("Migrator",
                                        "A key appears twice in one object (MCPHub would silently "
                                        "keep the last one). Remove or rename one; nothing was "
                                        "migrated."),
            sourcePath + QLatin1Char('#') + QString::fromStdString(duplicates.front().pointer),
            QStringLiteral("%1:%2:%3")
                .arg(sourcePath, QString::number(position.line), QString::number(position.column)));
    }
    return {};
}

} // namespace mcphub
