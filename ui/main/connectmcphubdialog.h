#pragma once

#include "storage/db/connectionprofile.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace mcphub {

// File ▸ Connect to MCPHub database…: where a hub in database mode keeps its tables (a
// PostgreSQL connection string or URI, as psql takes it), the password for this session,
// and whether to create MCPHub's tables when the database has none (exactly as MCPHub does;
// unticked by default). OK is refused, with the reason, for a string libpq cannot parse.
class ConnectMcphubDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ConnectMcphubDialog(QWidget *parent = nullptr);

    // The profile to open: MCPHub's database, the typed password in memory only.
    ConnectionProfile profile() const { return m_profile; }
    bool createTables() const;

    void setConninfo(const QString &conninfo);

    void accept() override;

private:
    QLineEdit *m_conninfo = nullptr;
    QLineEdit *m_password = nullptr;
    QCheckBox *m_create = nullptr;
    QLabel *m_problem = nullptr;
    ConnectionProfile m_profile;
};

} // namespace mcphub
