#include "storage/error.h"

#include <atomic>

namespace mcphub {

namespace {

std::atomic<Error::RemedyWording> g_wording{nullptr};

} // namespace

void Error::setRemedyWording(RemedyWording wording)
{
    g_wording.store(wording);
}

QString Error::remedyText() const
{
    const RemedyWording wording = g_wording.load();
    if (remedy == Remedy::None || !wording)
        return {};
    return wording(remedy, *this);
}

Error Error::make(Code code, const QString &message, const QString &where, const QString &detail)
{
    Error e;
    e.code = code;
    e.message = message;
    e.where = where;
    e.detail = detail;
    return e;
}

QString Error::messageWithRemedy() const
{
    const QString what = remedyText();
    return what.isEmpty() ? message : message + QLatin1Char(' ') + what;
}

QString Error::toString() const
{
    QString text = where.isEmpty() ? message : where + QStringLiteral(": ") + message;
    if (!detail.isEmpty())
        text += QStringLiteral(" (") + detail + QLatin1Char(')');
    if (const QString what = remedyText(); !what.isEmpty())
        text += QLatin1Char(' ') + what;
    return text;
}

} // namespace mcphub
