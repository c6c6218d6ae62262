// Reading MCPHub answers with HubResponseParser, against the floor of a bare parse of the
// same bytes (QJsonDocument::fromJson, which the parser uses, and nlohmann::json for
// reference; the parser should beat it): a large /api/servers list (1,000 servers, 10 tools each,
// built from the recorded capture) and a full /api/activities page (100 rows, the hub's maximum).

#include "storage/hub/hubresponseparser.h"
#include "tests/support/benchreport.h"
#include "tests/support/hubcapture.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <nlohmann/json.hpp>

#include <algorithm>

using namespace mcphub;
using namespace mcphub::test;
using ojson = nlohmann::ordered_json;

namespace {

QByteArray largeServerList(int servers, int toolsPerServer)
{
    const HubCapture c = HubCapture::load(
        QStringLiteral("rate-limit/GET_api_servers.general-limiter-headers.json"));
    const ojson &model = c.json["data"][0];
    ojson body;
    body["success"] = true;
    body["data"] = ojson::array();
    for (int i = 0; i < servers; ++i) {
        ojson s = model;
        s["name"] = "server-" + std::to_string(i);
        s["status"] = i % 7 == 0 ? "disconnected" : "connected";
        s["tools"] = ojson::array();
        for (int t = 0; t < toolsPerServer; ++t) {
            ojson tool = model["tools"][size_t(t % 3)];
            tool["name"] = "server-" + std::to_string(i) + "-tool-" + std::to_string(t);
            s["tools"].push_back(std::move(tool));
        }
        body["data"].push_back(std::move(s));
    }
    return QByteArray::fromStdString(body.dump());
}

QByteArray fullActivityPage()
{
    const HubCapture c
        = HubCapture::load(QStringLiteral("db-mode/GET_api_activities.default.json"));
    ojson body = c.json;
    ojson rows = ojson::array();
    for (int i = 0; i < 100; ++i) {
        ojson row = c.json["data"][size_t(i % 11)];
        row["id"] = "00000000-0000-4000-8000-" + std::to_string(100000000000 + i);
        rows.push_back(std::move(row));
    }
    body["data"] = std::move(rows);
    body["pagination"] = {{"page", 1},
                          {"limit", 100},
                          {"total", 100000},
                          {"totalPages", 1000},
                          {"hasNextPage", true},
                          {"hasPrevPage", false}};
    return QByteArray::fromStdString(body.dump());
}

// Median times of `parse` and of the two bare parses, measured in alternation so that the
// load of a shared machine falls on all three alike.
void bench(const QString &name,
           const QByteArray &bytes,
           int iterations,
           const QString &target,
           const std::function<bool()> &parse)
{
    QList<double> qt, nl, value;
    for (int i = 0; i < iterations; ++i) {
        qt.append(medianMilliseconds(1, [&] {
            if (QJsonDocument::fromJson(bytes).isNull())
                qFatal("bench input is not JSON");
        }));
        nl.append(medianMilliseconds(1, [&] {
            if (nlohmann::json::parse(bytes.constData(), bytes.constData() + bytes.size())
                    .is_discarded())
                qFatal("bench input is not JSON");
        }));
        value.append(medianMilliseconds(1, [&] {
            if (!parse())
                qFatal("parser failed on the bench input");
        }));
    }
    const auto median = [](QList<double> v) {
        std::sort(v.begin(), v.end());
        return v.at(v.size() / 2);
    };
    printBench(name + QStringLiteral("_ms"), median(value), median(qt), target);
    printBench(name + QStringLiteral("_vs_nlohmann_ms"),
               median(value),
               median(nl),
               QStringLiteral("ratio<1"));
    std::printf("# %s: %lld bytes\n", qPrintable(name), static_cast<long long>(bytes.size()));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QByteArray servers = largeServerList(1000, 10);
    // The servers list keeps only four fields per server: the walk costs little beside the parse.
    bench(
        QStringLiteral("hub_parse_servers_1000x10"), servers, 30, QStringLiteral("ratio<1.5"), [&] {
            const auto list = HubResponseParser::servers(servers, QString());
            return list.ok() && list->size() == 1000;
        });
    const QByteArray page = fullActivityPage();
    // An activity row is all strings the record keeps (input and output JSON texts included),
    // each one converted out of the parsed document: allow twice the bare parse.
    bench(
        QStringLiteral("hub_parse_activities_page100"), page, 300, QStringLiteral("ratio<2"), [&] {
            const auto p = HubResponseParser::activities(page, QString());
            return p.ok() && p->records.size() == 100;
        });
    return 0;
}
