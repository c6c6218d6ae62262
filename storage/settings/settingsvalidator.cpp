#include "storage/settings/settingsvalidator.h"

#include "storage/settings/settingsdocument.h"
#include "storage/settings/settingsrules.h"
#include "storage/settings/settingsschemacheck.h"

#include <algorithm>

namespace mcphub {

QList<Finding> SettingsValidator::validate(const SettingsDocument &document)
{
    QList<Finding> findings = SettingsSchemaCheck::check(document.json());
    findings.append(SettingsRules::check(document));
    for (Finding &finding : findings) {
        if (!finding.position.isValid())
            finding.position = document.position(finding.pointer);
    }
    // In file order, as an editor or a compiler lists them; unknown places last.
    std::stable_sort(findings.begin(), findings.end(), [](const Finding &a, const Finding &b) {
        const auto key = [](const Finding &f) {
            return std::pair(f.position.isValid() ? f.position.line : INT_MAX, f.position.column);
        };
        return key(a) < key(b);
    });
    return findings;
}

} // namespace mcphub
