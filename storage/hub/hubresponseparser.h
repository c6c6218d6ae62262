#pragma once

#include "storage/hub/activityrecord.h"
#include "storage/hub/hubsample.h"
#include "storage/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>

namespace mcphub {

// Reads the JSON bodies of MCPHub's HTTP API (reference §3, and the shapes recorded in
// tests/fixtures/hub-captures). Stateless and thread-safe; `where` names the hub and URL in
// every error. Unknown fields are ignored, missing optional ones take their defaults.
class HubResponseParser
{
    Q_DECLARE_TR_FUNCTIONS(HubResponseParser)

public:
    struct Health
    {
        QString status; // healthy | degraded | unhealthy
        QString message;
        bool hasServerCounts = false;
        int total = 0;
        int connected = 0;
        int disconnected = 0;
    };

    struct Pagination
    {
        int page = 1;
        int limit = 0;
        int total = 0;
        int totalPages = 0;
        bool hasNextPage = false;
    };

    struct ActivityPage
    {
        QList<ActivityRecord> records; // newest first, as the hub sends them
        Pagination pagination;
    };

    static Result<Health> health(const QByteArray &body, const QString &where);
    static Result<QString> version(const QByteArray &body, const QString &where); // GET /config
    static Result<QByteArray> loginToken(const QByteArray &body, const QString &where);
    static Result<QList<HubServerStatus>> servers(const QByteArray &body, const QString &where);
    static Result<HubOpenApiStats> openApiStats(const QByteArray &body, const QString &where);
    static Result<HubUserStats> userStats(const QByteArray &body, const QString &where);
    static Result<bool> activitiesAvailable(const QByteArray &body, const QString &where);
    static Result<HubActivityStats> activityStats(const QByteArray &body, const QString &where);
    static Result<ActivityPage> activities(const QByteArray &body, const QString &where);
    static Result<ActivityRecord> activity(const QJsonObject &row, const QString &where);

    // The hub's own explanation in an error body ("message", or "error"); empty when the body
    // is not JSON (a 429 is text/html) or says nothing.
    static QString errorMessage(const QByteArray &body);

private:
    static Result<QJsonObject> object(const QByteArray &body, const QString &where);
    static Result<QJsonValue> data(const QByteArray &body, const QString &where);
    static Result<QJsonValue> data(const QJsonObject &obj, const QString &where);
};

} // namespace mcphub
