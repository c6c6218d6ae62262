#include "storage/migration/migrationvalidation.h"

#include "storage/settings/settingsdocument.h"
#include "storage/settings/settingsvalidator.h"

#include <QCoreApplication>

#include <set>

namespace mcphub {

Result<void> MigrationValidation::apply(MappedSettings &mapped,
                                        const QByteArray &sourceText,
                                        const QString &sourcePath,
                                        QList<MigrationReport::Item> *warnings)
{
    const auto document = SettingsDocument::parse(sourceText, sourcePath);
    if (!document)
        return document.error(); // a byte order mark or bytes that are not UTF-8
    std::optional<Finding> documentError;
    for (const Finding &finding : SettingsValidator::validate(*document)) {
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
        mapped.issues.append({record, reason, entity->source});
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

Result<OrderedJson> MigrationValidation::parse(const QByteArray &bytes, const QString &sourcePath)
{
    // JSON.parse keeps the last of two equal keys silently (so would we): a duplicate server
    // name or key is an error that names it.
    std::vector<std::pair<std::set<std::string>, std::string>> objects; // keys, current key
    QString duplicate;
    const auto watch = [&](int, OrderedJson::parse_event_t event, OrderedJson &parsed) {
        using Event = OrderedJson::parse_event_t;
        if (event == Event::object_start) {
            objects.emplace_back();
        } else if (event == Event::object_end && !objects.empty()) {
            objects.pop_back();
        } else if (event == Event::key && !objects.empty()) {
            const std::string key = parsed.get<std::string>();
            if (!objects.back().first.insert(key).second && duplicate.isEmpty()) {
                for (const auto &o : objects) {
                    duplicate += QLatin1Char('/')
                                 + QString::fromStdString(&o == &objects.back() ? key : o.second);
                }
            }
            objects.back().second = key;
        }
        return true;
    };
    try {
        OrderedJson document
            = OrderedJson::parse(bytes.constData(), bytes.constData() + bytes.size(), watch);
        if (!duplicate.isEmpty()) {
            return Error::make(Error::Code::Invalid,
                               QCoreApplication::translate(
                                   "Migrator",
                                   "A key appears twice in one object (MCPHub would silently "
                                   "keep the last one). Remove or rename one; nothing was "
                                   "migrated."),
                               sourcePath + QLatin1Char('#') + duplicate);
        }
        return document;
    } catch (const nlohmann::json::parse_error &e) {
        const qsizetype at = qMin<qsizetype>(qsizetype(e.byte) - 1, bytes.size());
        int line = 1, column = 1;
        for (qsizetype i = 0; i < at; ++i) {
            if (bytes.at(i) == '\n') {
                ++line;
                column = 1;
            } else if ((bytes.at(i) & 0xC0) != 0x80) {
                ++column;
            }
        }
        return Error::make(Error::Code::Parse,
                           QCoreApplication::translate(
                               "Migrator",
                               "The settings file is not valid JSON. Repair it (MCPHub would "
                               "replace it with an empty one) and run the migration again."),
                           QStringLiteral("%1:%2:%3")
                               .arg(sourcePath, QString::number(line), QString::number(column)),
                           QString::fromUtf8(e.what()));
    }
}

} // namespace mcphub
