#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QVBoxLayout;

namespace mcphub {

// One area of the main window (Users, Servers, ...): a heading, a one-line description and
// the area's content. Until a workspace with that data is open it shows an empty state
// that tells the administrator what to do.
class AreaPage : public QWidget
{
    Q_OBJECT

public:
    AreaPage(const QString &title, const QString &description, QWidget *parent = nullptr);

    void setEmptyStateText(const QString &text);
    QString emptyStateText() const;
    // Replaces the empty state or the previous content (deleted later); takes ownership.
    void setContent(QWidget *content);
    void clearContent(); // back to the empty state
    QWidget *content() const { return m_content; }

private:
    QLabel *m_title = nullptr;
    QLabel *m_description = nullptr;
    QLabel *m_emptyState = nullptr;
    QVBoxLayout *m_layout = nullptr;
    QPointer<QWidget> m_content;
};

} // namespace mcphub
