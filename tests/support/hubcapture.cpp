#include "tests/support/hubcapture.h"

#include "tests/support/testenv.h"

#include <QDir>
#include <QFile>

namespace mcphub::test {

QString HubCapture::directory()
{
    return fixturesDir() + QStringLiteral("/hub-captures");
}

HubCapture HubCapture::load(const QString &relativePath)
{
    const QString path = directory() + QLatin1Char('/') + relativePath;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing hub capture %s", qPrintable(path));
    const QByteArray bytes = file.readAll();
    nlohmann::ordered_json doc;
    try {
        doc = nlohmann::ordered_json::parse(bytes.constData(), bytes.constData() + bytes.size());
    } catch (const nlohmann::json::exception &e) {
        qFatal("hub capture %s is not JSON: %s", qPrintable(path), e.what());
    }
    HubCapture c;
    c.file = relativePath;
    c.requestLine = QByteArray::fromStdString(doc["request"].value("line", std::string()));
    const auto &response = doc["response"];
    c.status = response.value("status", 0);
    c.reason = QByteArray::fromStdString(response.value("reason", std::string()));
    for (const auto &pair : response["headers"]) {
        const QByteArray name = QByteArray::fromStdString(pair.at(0).get<std::string>());
        const QByteArray value = QByteArray::fromStdString(pair.at(1).get<std::string>());
        c.headers.append({name, value});
        if (name.compare("Content-Length", Qt::CaseInsensitive) == 0)
            c.recordedContentLength = value.toInt();
    }
    if (response.contains("body")) {
        c.json = response["body"];
        c.body = QByteArray::fromStdString(c.json.dump());
    } else {
        c.body = QByteArray::fromStdString(response.value("bodyText", std::string()));
    }
    return c;
}

QByteArray HubCapture::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

} // namespace mcphub::test
