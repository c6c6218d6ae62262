#include "storage/settings/finding.h"

#include "storage/nametext.h"
#include "storage/settings/jsonpointer.h"

#include <algorithm>

namespace mcphub {

QString Finding::severityName(Severity severity)
{
    return severity == Severity::Error ? QStringLiteral("error") : QStringLiteral("warning");
}

QString Finding::toString(const QString &file) const
{
    QString place = file;
    if (position.isValid())
        place += QStringLiteral(":%1:%2").arg(position.line).arg(position.column);
    // Names from the file may hold line breaks or terminal escapes: one finding, one line.
    return QStringLiteral("%1: %2: %3: %4")
        .arg(NameText::forDisplay(place),
             severityName(severity),
             NameText::forDisplay(JsonPointer::display(pointer)),
             NameText::forDisplay(message));
}

bool hasErrors(const QList<Finding> &findings)
{
    return countSeverity(findings, Finding::Severity::Error) > 0;
}

qsizetype countSeverity(const QList<Finding> &findings, Finding::Severity severity)
{
    return std::count_if(
        findings.begin(), findings.end(), [&](const Finding &f) { return f.severity == severity; });
}

} // namespace mcphub
