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

    // What the user can do about it, when that is a choice the front end offers: storage
    // names the choice, each front end words it in its own terms (the CLI as a flag or a
    // command, the console as a menu action or a control), so that a message never sends a
    // console user to a flag or a CLI user to a menu.
    enum class Remedy {
        None,
        Reload,               // load the file's current content again, then redo the change
        AllowWarnings,        // save although validation found warnings
        ConflictPolicy,       // choose to skip or overwrite records that already exist differently
        SkipInvalid,          // migrate the valid records, the others into a reject file
        RejectsFile,          // name the reject file that skipping invalid records needs
        UnbindSettings,       // stop writing the profile's bound settings file
        OpenAsMcphubDatabase, // open MCPHub's own database as such (not as the console's)
        CreateMcphubTables,   // create MCPHub's tables (its own DDL) in an empty database
        AcceptLoss,           // migrate although MCPHub's tables cannot hold some of the file
    };

    Code code = Code::Generic;
    Remedy remedy = Remedy::None;
    QString message; // translated, one or two sentences, says what to do next
    QString where;   // "file:line:col", "/json/pointer", "table.field", a profile name...
    QString detail;  // the underlying text (driver, OS), untranslated

    static Error
    make(Code code, const QString &message, const QString &where = {}, const QString &detail = {});

    Error withRemedy(Remedy r) const
    {
        Error e = *this;
        e.remedy = r;
        return e;
    }

    // "where: message (detail) remedy", the form used on stderr, in logs and in dialogs; the
    // remedy in the words of the front end that installed them (none: left out).
    QString toString() const;
    // The remedy alone in the front end's words ("" for Remedy::None or none installed).
    QString remedyText() const;
    // The message followed by the remedy: what a dialog or a message line shows.
    QString messageWithRemedy() const;

    // Each executable installs its wording of the remedies once, at start-up.
    using RemedyWording = QString (*)(Remedy remedy, const Error &error);
    static void setRemedyWording(RemedyWording wording);
};

} // namespace mcphub
