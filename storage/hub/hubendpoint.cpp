#include "storage/hub/hubendpoint.h"

namespace mcphub {

QUrl HubEndpoint::urlFor(const QString &path) const
{
    QUrl url = baseUrl;
    QString query;
    QString pathOnly = path;
    if (const qsizetype q = path.indexOf(QLatin1Char('?')); q >= 0) {
        query = path.mid(q + 1);
        pathOnly = path.left(q);
    }
    const bool atRoot
        = pathOnly == QLatin1String("/health") || pathOnly.startsWith(QLatin1String("/oauth/"));
    QString basePath = atRoot ? QString() : baseUrl.path();
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + pathOnly);
    url.setQuery(query.isEmpty() ? QString() : query);
    url.setFragment({});
    return url;
}

QString HubEndpoint::where(const QString &path) const
{
    return QStringLiteral("%1 (%2)").arg(name, urlFor(path).toString(QUrl::RemoveUserInfo));
}

QByteArray HubEndpoint::normalizedFingerprint(const QString &fingerprint)
{
    QByteArray hex;
    for (const QChar c : fingerprint) {
        if (c.isLetterOrNumber())
            hex.append(c.toLower().toLatin1());
    }
    return hex;
}

QString HubEndpoint::displayFingerprint(const QByteArray &sha256)
{
    return QString::fromLatin1(sha256.toHex(':').toUpper());
}

} // namespace mcphub
