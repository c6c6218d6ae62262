#pragma once

#include "tests/support/testenv.h" // readFile, writeFile

#include <QByteArray>
#include <QString>

#include <nlohmann/json.hpp>

namespace mcphub::test {

// A valid settings document (no findings) with `servers` stdio servers, two users, a group
// and a bearer key, about 1 KB per server; "counter" is a top-level number the process tests
// increment. Deterministic: the same arguments give the same document.
nlohmann::ordered_json sampleSettings(int servers, qint64 counter = 0);

// Node's JSON.stringify(JSON.parse(text), null, 2): MCPHub's own writer. Empty and `error` set
// when node is missing or fails.
QByteArray nodeStringify(const QByteArray &text, QString *error = nullptr);
// Evaluates a JavaScript expression with node and returns what it writes to stdout.
QByteArray nodeEval(const QString &script, QString *error = nullptr);
bool nodeAvailable();

} // namespace mcphub::test
