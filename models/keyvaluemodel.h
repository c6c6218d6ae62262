#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QPair>

namespace mcphub {

// An ordered, editable list of key/value pairs: a stdio server's env, an HTTP server's
// headers. Keeps the order it was given (MCPHub writes objects in insertion order). Values of
// keys that look secret (token, secret, password, key, authorization...) are masked in the
// display role until revealed; the edit role always carries the real value.
class KeyValueModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { KeyColumn, ValueColumn, ColumnCount };
    enum Role { ProblemRole = Qt::UserRole, SecretRole };

    explicit KeyValueModel(QObject *parent = nullptr);

    void setPairs(const QList<QPair<QString, QString>> &pairs);
    QList<QPair<QString, QString>> pairs() const { return m_pairs; }

    void setSecretsRevealed(bool revealed);
    bool secretsRevealed() const { return m_revealed; }

    // Translated problems by row: empty key, duplicate key. Empty when all rows are fine.
    QString problemAt(int row) const;
    bool hasProblems() const;

    static bool looksSecret(const QString &key);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool insertRows(int row, int count, const QModelIndex &parent = {}) override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;

private:
    QList<QPair<QString, QString>> m_pairs;
    bool m_revealed = false;
};

} // namespace mcphub
