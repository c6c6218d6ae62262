#include "models/keyvaluemodel.h"

#include <QBrush>
#include <QRegularExpression>

namespace mcphub {

KeyValueModel::KeyValueModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void KeyValueModel::setPairs(const QList<QPair<QString, QString>> &pairs)
{
    beginResetModel();
    m_pairs = pairs;
    endResetModel();
}

void KeyValueModel::setSecretsRevealed(bool revealed)
{
    if (revealed == m_revealed)
        return;
    m_revealed = revealed;
    if (!m_pairs.isEmpty())
        Q_EMIT dataChanged(
            index(0, ValueColumn), index(rowCount() - 1, ValueColumn), {Qt::DisplayRole});
}

bool KeyValueModel::looksSecret(const QString &key)
{
    static const QRegularExpression pattern(
        QStringLiteral("token|secret|passw|api[-_]?key|private|credential|^authorization$|cookie"),
        QRegularExpression::CaseInsensitiveOption);
    return pattern.match(key).hasMatch();
}

QString KeyValueModel::problemAt(int row) const
{
    const QString key = m_pairs.at(row).first;
    if (key.trimmed().isEmpty())
        return tr("The name is empty. Enter a name or remove the row.");
    for (int other = 0; other < m_pairs.size(); ++other) {
        if (other != row && m_pairs.at(other).first == key)
            return tr("\"%1\" appears more than once; only one value can be kept.").arg(key);
    }
    return {};
}

bool KeyValueModel::hasProblems() const
{
    for (int row = 0; row < m_pairs.size(); ++row) {
        if (!problemAt(row).isEmpty())
            return true;
    }
    return false;
}

int KeyValueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_pairs.size());
}

int KeyValueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant KeyValueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &[key, value] = m_pairs.at(index.row());
    const bool secret = looksSecret(key);
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == KeyColumn)
            return key;
        return secret && !m_revealed && !value.isEmpty() ? QString(8, QChar(0x2022)) : value;
    case Qt::EditRole:
        return index.column() == KeyColumn ? key : value;
    case Qt::ToolTipRole:
    case ProblemRole:
        return index.column() == KeyColumn ? QVariant(problemAt(index.row())) : QVariant();
    case Qt::ForegroundRole:
        if (index.column() == KeyColumn && !problemAt(index.row()).isEmpty())
            return QBrush(Qt::red);
        return {};
    case SecretRole:
        return secret;
    default:
        return {};
    }
}

bool KeyValueModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    auto &pair = m_pairs[index.row()];
    QString &target = index.column() == KeyColumn ? pair.first : pair.second;
    const QString text = value.toString();
    if (target == text)
        return true;
    target = text;
    if (index.column() == KeyColumn) {
        // A key change can create or clear duplicates elsewhere, and change masking.
        Q_EMIT dataChanged(this->index(0, KeyColumn), this->index(rowCount() - 1, ValueColumn));
    } else {
        Q_EMIT dataChanged(index, index);
    }
    return true;
}

QVariant KeyValueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    return section == KeyColumn ? tr("Name") : tr("Value");
}

Qt::ItemFlags KeyValueModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable;
}

bool KeyValueModel::insertRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || row > rowCount() || count <= 0)
        return false;
    beginInsertRows(parent, row, row + count - 1);
    for (int i = 0; i < count; ++i)
        m_pairs.insert(row, {});
    endInsertRows();
    return true;
}

bool KeyValueModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count <= 0 || row + count > rowCount())
        return false;
    beginRemoveRows(parent, row, row + count - 1);
    m_pairs.remove(row, count);
    endRemoveRows();
    return true;
}

} // namespace mcphub
