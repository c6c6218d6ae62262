#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <nlohmann/json.hpp>

namespace mcphub::test {

// One recorded HTTP exchange of tests/fixtures/hub-captures (see its README): the response's
// status, headers in wire order, and body bytes re-serialised compactly with the recorded key
// order (what Express's res.json sent). Read-only value.
struct HubCapture
{
    QString file;
    QByteArray requestLine;
    int status = 0;
    QByteArray reason;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;             // exact bytes to send
    nlohmann::ordered_json json; // the body as JSON (null for bodyText captures)
    int recordedContentLength = -1;

    // `relativePath` under tests/fixtures/hub-captures, e.g. "db-mode/GET_config.json".
    // Aborts the test run (qFatal) when the fixture is missing: fixtures are part of the tree.
    static HubCapture load(const QString &relativePath);
    static QString directory();
    QByteArray header(const QByteArray &name) const;
};

} // namespace mcphub::test
