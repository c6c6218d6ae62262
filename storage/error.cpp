#include "storage/error.h"

namespace mcphub {

Error Error::make(Code code, const QString &message, const QString &where, const QString &detail)
{
    Error e;
    e.code = code;
    e.message = message;
    e.where = where;
    e.detail = detail;
    return e;
}

QString Error::toString() const
{
    QString text = where.isEmpty() ? message : where + QStringLiteral(": ") + message;
    if (!detail.isEmpty())
        text += QStringLiteral(" (") + detail + QLatin1Char(')');
    return text;
}

} // namespace mcphub
