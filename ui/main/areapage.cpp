#include "ui/main/areapage.h"

#include <QLabel>
#include <QVBoxLayout>

namespace mcphub {

AreaPage::AreaPage(const QString &title, const QString &description, QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(title, this))
    , m_description(new QLabel(description, this))
    , m_emptyState(new QLabel(this))
    , m_layout(new QVBoxLayout(this))
{
    QFont headingFont = m_title->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.5);
    headingFont.setBold(true);
    m_title->setFont(headingFont);
    m_description->setWordWrap(true);
    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setWordWrap(true);
    m_emptyState->setForegroundRole(QPalette::PlaceholderText);

    m_layout->addWidget(m_title);
    m_layout->addWidget(m_description);
    m_layout->addWidget(m_emptyState, 1);
}

void AreaPage::setEmptyStateText(const QString &text)
{
    m_emptyState->setText(text);
}

QString AreaPage::emptyStateText() const
{
    return m_emptyState->text();
}

void AreaPage::setContent(QWidget *content)
{
    // A workspace switch replaces the previous content, which goes with its models.
    QWidget *previous = m_content ? m_content.data() : m_emptyState;
    m_layout->replaceWidget(previous, content);
    previous->hide();
    if (m_content)
        m_content->deleteLater();
    m_content = content;
}

void AreaPage::clearContent()
{
    if (!m_content)
        return;
    m_layout->replaceWidget(m_content, m_emptyState);
    m_content->deleteLater();
    m_content = nullptr;
    m_emptyState->show();
}

} // namespace mcphub
