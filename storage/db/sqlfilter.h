#pragma once

#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVariantMap>

namespace mcphub {

// A WHERE clause built from fixed SQL fragments and bound values: repositories add
// "server_name = :server" with its value; values never enter the SQL text.
class SqlFilter
{
public:
    void add(const QString &condition, const QVariantMap &values = {})
    {
        m_conditions << condition;
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            m_values.insert(it.key(), it.value());
    }
    QString whereClause() const
    {
        return m_conditions.isEmpty()
                   ? QString()
                   : QStringLiteral(" WHERE ") + m_conditions.join(QStringLiteral(" AND "));
    }
    const QVariantMap &values() const { return m_values; }

private:
    QStringList m_conditions;
    QVariantMap m_values;
};

} // namespace mcphub
