#include "models/usagelogmodel.h"

#include <QBrush>
#include <QColor>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

namespace mcphub {

namespace {

QJsonObject toJson(const UsageLogEntry &e)
{
    QJsonObject o{{QStringLiteral("id"), QJsonValue::fromVariant(e.id)},
                  {QStringLiteral("timestamp"), e.timestamp.toUTC().toString(Qt::ISODateWithMs)},
                  {QStringLiteral("username"), e.username},
                  {QStringLiteral("serverName"), e.serverName},
                  {QStringLiteral("toolName"), e.toolName},
                  {QStringLiteral("success"), e.success},
                  {QStringLiteral("errorMessage"), e.errorMessage},
                  {QStringLiteral("ip"), e.ip},
                  {QStringLiteral("userAgent"), e.userAgent},
                  {QStringLiteral("sessionId"), e.sessionId}};
    if (e.durationMs)
        o.insert(QStringLiteral("durationMs"), *e.durationMs);
    // A payload that is JSON is shown as JSON, any other text as it is.
    const auto insertPayload = [&o](const QString &key, const QString &text) {
        const QJsonDocument json = QJsonDocument::fromJson(text.toUtf8());
        if (json.isObject())
            o.insert(key, json.object());
        else if (json.isArray())
            o.insert(key, json.array());
        else if (!text.isEmpty())
            o.insert(key, text);
    };
    insertPayload(QStringLiteral("arguments"), e.arguments);
    insertPayload(QStringLiteral("output"), e.output); // MCPHub's activities only
    return o;
}

} // namespace

UsageLogModel::UsageLogModel(const RepositoryContext &context, QObject *parent)
    : PagedEntryLogModel<UsageLogEntry>(parent)
    , m_context(context)
{}

void UsageLogModel::setFilter(const UsageLogFilter &filter)
{
    const auto sort = m_filter.sort;
    const bool ascending = m_filter.ascending;
    m_filter = filter;
    m_filter.sort = sort;
    m_filter.ascending = ascending;
    m_filter.before.reset();
}

bool UsageLogModel::keysetPaging() const
{
    return m_filter.sort == UsageLogFilter::Sort::Timestamp && !m_filter.ascending;
}

Result<int> UsageLogModel::stagePage(int limit)
{
    UsageLogFilter filter = m_filter;
    PageRequest page{0, limit, false};
    if (keysetPaging()) {
        if (!m_rows.isEmpty())
            filter.before = qMakePair(m_rows.last().timestamp, m_rows.last().id);
    } else {
        page.offset = int(m_rows.size());
    }
    auto loaded = UsageLogRepository(m_context).list(filter, page);
    if (!loaded)
        return loaded.error();
    m_staged = std::move(loaded->items);
    return int(m_staged.size());
}

Result<qint64> UsageLogModel::countMatching() const
{
    return UsageLogRepository(m_context).count(m_filter);
}

QStringList UsageLogModel::exportHeader() const
{
    QStringList header;
    for (int c = 0; c < ColumnCount; ++c)
        header << headerData(c, Qt::Horizontal).toString();
    header << tr("Arguments");
    return header;
}

QStringList UsageLogModel::cells(const UsageLogEntry &e) const
{
    return {e.timestamp.toUTC().toString(Qt::ISODateWithMs),
            e.serverName,
            e.toolName,
            e.username,
            e.success ? QStringLiteral("success") : QStringLiteral("error"),
            e.durationMs ? QString::number(*e.durationMs) : QString(),
            e.errorMessage,
            e.arguments};
}

Result<void> UsageLogModel::forEachMatching(
    const std::function<bool(const QStringList &, const QJsonObject &)> &sink) const
{
    UsageLogRepository repo(m_context);
    UsageLogFilter filter = m_filter;
    filter.before.reset();
    PageRequest page{0, 2000, false};
    for (;;) {
        const auto loaded = repo.list(filter, page);
        if (!loaded)
            return loaded.error();
        for (const UsageLogEntry &e : loaded->items) {
            if (!sink(cells(e), toJson(e)))
                return {};
        }
        if (loaded->items.size() < page.limit)
            return {};
        if (keysetPaging())
            filter.before = qMakePair(loaded->items.last().timestamp, loaded->items.last().id);
        else
            page.offset += page.limit;
    }
}

int UsageLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UsageLogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid()
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const UsageLogEntry &e = m_rows.at(index.row());
    if (role == EntryIdRole)
        return e.id;
    if (role == DetailsRole) {
        const QJsonDocument args = QJsonDocument::fromJson(e.arguments.toUtf8());
        return tr("Arguments:\n%1\n\nError: %2\nIP: %3\nUser agent: %4\nSession: %5")
            .arg(args.isNull() ? e.arguments
                               : QString::fromUtf8(args.toJson(QJsonDocument::Indented)),
                 e.errorMessage.isEmpty() ? tr("none") : e.errorMessage,
                 e.ip,
                 e.userAgent,
                 e.sessionId);
    }
    if (role == Qt::ForegroundRole && !e.success)
        return QBrush(QColor(176, 0, 32));
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (Column(index.column())) {
    case TimeColumn:
        return QLocale().toString(e.timestamp.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case ServerColumn:
        return e.serverName;
    case ToolColumn:
        return e.toolName;
    case UserColumn:
        return e.username;
    case ResultColumn:
        return e.success ? tr("success") : tr("error");
    case DurationColumn:
        return e.durationMs ? tr("%1 ms").arg(*e.durationMs) : QString();
    case ErrorColumn:
        return e.errorMessage;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant UsageLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case TimeColumn:
        return tr("Time");
    case ServerColumn:
        return tr("Server");
    case ToolColumn:
        return tr("Tool");
    case UserColumn:
        return tr("User");
    case ResultColumn:
        return tr("Result");
    case DurationColumn:
        return tr("Duration");
    case ErrorColumn:
        return tr("Error");
    case ColumnCount:
        break;
    }
    return {};
}

void UsageLogModel::sort(int column, Qt::SortOrder order)
{
    using Sort = UsageLogFilter::Sort;
    Sort sort = Sort::Timestamp;
    switch (Column(column)) {
    case ServerColumn:
        sort = Sort::Server;
        break;
    case ToolColumn:
        sort = Sort::Tool;
        break;
    case UserColumn:
        sort = Sort::User;
        break;
    case ResultColumn:
        sort = Sort::Success;
        break;
    case DurationColumn:
        sort = Sort::Duration;
        break;
    default:
        break;
    }
    const bool ascending = order == Qt::AscendingOrder;
    if (sort == m_filter.sort && ascending == m_filter.ascending)
        return;
    m_filter.sort = sort;
    m_filter.ascending = ascending;
    (void)refresh(); // a failure is reported through loadFailed
}

} // namespace mcphub
