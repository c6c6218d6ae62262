#pragma once

#include <QDialog>
#include <QList>
#include <QPair>
#include <QString>

namespace mcphub {

// What the About dialog says beside what it finds itself (Qt, drivers, settings file): the
// places the application chose at start.
struct AboutFacts
{
    QString embeddedDatabase; // the default SQLite workspace
    QString keychainService;  // the service the secrets are kept under
};

// Help ▸ About: the version, Qt and database library versions, the SQL drivers, where the
// settings, the secrets and the embedded database are, and the licence; "Copy" puts it all on
// the clipboard as text for a bug report.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(const AboutFacts &facts, QWidget *parent = nullptr);

    // The rows shown, label and value, in order.
    const QList<QPair<QString, QString>> &rows() const { return m_rows; }
    QString text() const; // "Label: value" lines

private:
    QList<QPair<QString, QString>> m_rows;
};

} // namespace mcphub
