#include "models/pagedlogmodel.h"

#include <QIODevice>
#include <QJsonDocument>
#include <QScopedValueRollback>

namespace mcphub {

namespace {

QByteArray csvField(const QString &text)
{
    QString value = text;
    if (value.contains(QLatin1Char('"')) || value.contains(QLatin1Char(','))
        || value.contains(QLatin1Char('\n')) || value.contains(QLatin1Char('\r'))) {
        value.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        value = QLatin1Char('"') + value + QLatin1Char('"');
    }
    return value.toUtf8();
}

QByteArray csvLine(const QStringList &cells)
{
    QByteArray line;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i > 0)
            line += ',';
        line += csvField(cells.at(i));
    }
    return line + "\r\n";
}

} // namespace

PagedLogModel::PagedLogModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

Result<void> PagedLogModel::refresh()
{
    beginResetModel();
    clearRows();
    m_exhausted = false;
    const auto total = countMatching();
    m_total = total ? *total : -1;
    if (!total) {
        m_exhausted = true;
        m_lastError = total.error();
    }
    {
        // Listeners of modelReset must not insert rows while it is still being delivered.
        const QScopedValueRollback fetching(m_fetching, true);
        endResetModel();
    }
    Q_EMIT totalCountChanged(m_total);
    if (!total) {
        Q_EMIT loadFailed(total.error().toString());
        return total.error();
    }
    fetchMore({});
    if (!m_lastError.message.isEmpty() && m_exhausted && loadedRows() == 0 && m_total > 0)
        return m_lastError;
    return {};
}

bool PagedLogModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_exhausted && !m_fetching;
}

void PagedLogModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_exhausted || m_fetching)
        return;
    const QScopedValueRollback fetching(m_fetching, true);
    const auto staged = stagePage(m_pageSize);
    if (!staged) {
        m_exhausted = true;
        m_lastError = staged.error();
        Q_EMIT loadFailed(staged.error().toString());
        return;
    }
    m_lastError = {};
    if (*staged < m_pageSize)
        m_exhausted = true;
    if (*staged == 0)
        return;
    const int first = loadedRows();
    beginInsertRows({}, first, first + *staged - 1);
    commitStaged();
    endInsertRows();
    if (m_total >= 0 && loadedRows() >= m_total)
        m_exhausted = true; // counted at refresh(); rows appended since show after the next one
}

int PagedLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : loadedRows();
}

Result<qint64>
PagedLogModel::exportTo(QIODevice *device, ExportFormat format, const Progress &progress)
{
    qint64 done = 0;
    bool cancelled = false;
    const auto write = [device](const QByteArray &bytes) {
        return device->write(bytes) == bytes.size();
    };
    bool ok = true;
    if (format == ExportFormat::Csv)
        ok = write(csvLine(exportHeader()));
    else
        ok = write("[\n");
    const auto walked = forEachMatching([&](const QStringList &cells, const QJsonObject &json) {
        if (format == ExportFormat::Csv) {
            ok = write(csvLine(cells));
        } else {
            QByteArray line = done > 0 ? ",\n  " : "  ";
            line += QJsonDocument(json).toJson(QJsonDocument::Compact);
            ok = write(line);
        }
        ++done;
        if (ok && progress && done % 500 == 0 && !progress(done, m_total)) {
            cancelled = true;
            return false;
        }
        return ok;
    });
    if (!walked)
        return walked.error();
    if (ok && format == ExportFormat::Json)
        ok = write("\n]\n");
    if (!ok) {
        return Error::make(Error::Code::Io,
                           tr("The export could not be written: %1. Choose another file or free "
                              "some space.")
                               .arg(device->errorString()));
    }
    if (cancelled)
        return Error::make(Error::Code::Cancelled, tr("The export was cancelled."));
    if (progress)
        progress(done, done);
    return done;
}

} // namespace mcphub
