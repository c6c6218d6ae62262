#pragma once

#include "storage/settings/jsonsourcemap.h"

#include <QList>
#include <QString>

namespace mcphub {

// One problem found in a settings document, for the GUI (a list with jump-to-line), the CLI
// (one line on stderr) and the migrator alike.
struct Finding
{
    enum class Severity {
        Error,   // MCPHub would misbehave or lose data; saving is refused
        Warning, // suspicious but usable; saving needs the caller's explicit override
    };

    Severity severity = Severity::Error;
    QString code;            // stable identifier for programs: "schema.type", "group.duplicate-id"
    QString pointer;         // JSON pointer of the value concerned; "" is the whole document
    SourcePosition position; // where that value (or its nearest ancestor) starts in the file
    QString message;         // translated; says what is wrong and what to do

    // "error" or "warning": untranslated, as compilers print them, so scripts can match.
    static QString severityName(Severity severity);
    // "FILE:LINE:COL: error: /pointer: message" (no LINE:COL when the position is unknown).
    QString toString(const QString &file) const;
};

bool hasErrors(const QList<Finding> &findings);
qsizetype countSeverity(const QList<Finding> &findings, Finding::Severity severity);

} // namespace mcphub
