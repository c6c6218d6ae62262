#pragma once

#include <QCoreApplication>
#include <QString>

namespace mcphub {

// What went wrong, where, and what to do: the one error value used across the project.
// Storage returns it inside Result<T>; only ui/ turns it into a dialog, the CLI prints it.
struct Error
{
    enum class Code {
        Generic,
        Io,       // a file could not be read or written
        Parse,    // a file is not valid JSON
        Invalid,  // validation failed
        Conflict, // the data changed underneath us
        Locked,   // another process holds the lock
        NotFound,
        Database, // a driver or SQL error
        Drift,    // an applied schema migration changed
        ReadOnly, // a write on a read-only workspace or profile
        Keychain, // the OS keychain is unavailable or refused
        Cancelled,
        Network,
    };

    Code code = Code::Generic;
    QString message; // translated, one or two sentences, says what to do next
    QString where;   // "file:line:col", "/json/pointer", "table.field", a profile name...
    QString detail;  // the underlying text (driver, OS), untranslated

    static Error
    make(Code code, const QString &message, const QString &where = {}, const QString &detail = {});

    // "where: message (detail)", the form used on stderr and in logs.
    QString toString() const;
};

} // namespace mcphub
