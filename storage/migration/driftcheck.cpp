#include "storage/migration/driftcheck.h"

#include "storage/migration/migrator.h"

#include <QCoreApplication>

namespace mcphub {

namespace {

QString token(const std::string &key)
{
    QString t = QString::fromStdString(key);
    t.replace(QLatin1Char('~'), QStringLiteral("~0"));
    t.replace(QLatin1Char('/'), QStringLiteral("~1"));
    return t;
}

// The entries of one entity type by key, each with its pointer in the file.
std::vector<std::pair<std::string, OrderedJson>> entries(const EntitySpec &spec,
                                                         const OrderedJson &container)
{
    std::vector<std::pair<std::string, OrderedJson>> list;
    if (spec.shape == EntitySpec::Shape::Array) {
        if (!container.is_array())
            return list;
        for (const OrderedJson &item : container) {
            const std::string key = item.is_object() && item.contains(spec.keyField.toStdString())
                                            && item[spec.keyField.toStdString()].is_string()
                                        ? item[spec.keyField.toStdString()].get<std::string>()
                                        : item.dump();
            list.emplace_back(key, item);
        }
    } else if (container.is_object()) {
        for (auto it = container.begin(); it != container.end(); ++it)
            list.emplace_back(it.key(), it.value());
    }
    return list;
}

} // namespace

QList<MigrationReport::Item> DriftCheck::compare(const OrderedJson &file,
                                                 const OrderedJson &database)
{
    QList<MigrationReport::Item> out;
    const OrderedJson emptyObject = OrderedJson::object();
    const OrderedJson &f = file.is_object() ? file : emptyObject;
    const OrderedJson &d = database.is_object() ? database : emptyObject;

    for (auto it = f.begin(); it != f.end(); ++it) {
        const EntitySpec *spec = settingsEntity(QString::fromStdString(it.key()));
        const QString pointer = QLatin1Char('/') + token(it.key());
        if (!d.contains(it.key())) {
            out.append({pointer, QCoreApplication::translate("DriftCheck", "Only in the file.")});
        } else if (!spec) {
            Migrator::compareFields(it.value(), d[it.key()], pointer, &out);
        }
    }
    for (auto it = d.begin(); it != d.end(); ++it) {
        if (!f.contains(it.key()))
            out.append({QLatin1Char('/') + token(it.key()),
                        QCoreApplication::translate("DriftCheck", "Only in the database.")});
    }
    for (const EntitySpec &spec : settingsEntities()) {
        const std::string name = spec.name.toStdString();
        if (!f.contains(name) || !d.contains(name))
            continue;
        const auto inFile = entries(spec, f[name]);
        const auto inDb = entries(spec, d[name]);
        for (size_t i = 0; i < inFile.size(); ++i) {
            const QString pointer
                = QLatin1Char('/') + spec.name + QLatin1Char('/') + token(inFile[i].first);
            const auto match = std::find_if(inDb.begin(), inDb.end(), [&](const auto &e) {
                return e.first == inFile[i].first;
            });
            if (match == inDb.end())
                out.append(
                    {pointer, QCoreApplication::translate("DriftCheck", "Only in the file.")});
            else
                Migrator::compareFields(inFile[i].second, match->second, pointer, &out);
        }
        for (const auto &e : inDb) {
            const bool inBoth = std::any_of(
                inFile.begin(), inFile.end(), [&](const auto &x) { return x.first == e.first; });
            if (!inBoth)
                out.append({QLatin1Char('/') + spec.name + QLatin1Char('/') + token(e.first),
                            QCoreApplication::translate("DriftCheck", "Only in the database.")});
        }
    }
    return out;
}

QList<MigrationReport::Item> DriftCheck::compare(const SettingsDocument &file,
                                                 const OrderedJson &database)
{
    QList<MigrationReport::Item> differences = compare(file.json(), database);
    for (const auto &number : file.roundedNumbers()) {
        differences.append(
            {QString::fromStdString(number.pointer),
             QCoreApplication::translate("DriftCheck",
                                         "the file writes the number %1, which MCPHub and the "
                                         "database hold as %2")
                 .arg(QString::fromStdString(
                          number.text.size() <= 40
                              ? number.text
                              : number.text.substr(0, 24) + "..."
                                    + number.text.substr(number.text.size() - 12)),
                      QString::fromStdString(number.asRead))});
    }
    return differences;
}

} // namespace mcphub
