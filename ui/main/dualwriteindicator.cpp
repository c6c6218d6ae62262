#include "ui/main/dualwriteindicator.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QToolButton>

namespace mcphub {

DualWriteIndicator::DualWriteIndicator(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_drift(new QToolButton(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_drift);
    m_drift->setAutoRaise(true);
    m_drift->setToolButtonStyle(Qt::ToolButtonTextOnly);
    connect(m_drift, &QToolButton::clicked, this, &DualWriteIndicator::showDriftDetails);
    setBinding({}, {}, 0);
}

void DualWriteIndicator::setBinding(const QString &path,
                                    const QStringList &driftLines,
                                    int driftCount)
{
    m_path = path;
    m_driftLines = driftLines;
    m_driftCount = driftCount;
    m_label->setText(tr("Dual-write: %1").arg(path));
    m_label->setToolTip(tr("Every change applied here is also saved to %1, in the same step as "
                           "the database, or neither.")
                            .arg(path));
    m_drift->setText(tr("Drift: %n difference(s) · Details…", nullptr, driftCount));
    m_drift->setToolTip(tr("The bound settings file differed from the database when the "
                           "workspace was opened. Show the differences."));
    m_drift->setVisible(!driftLines.isEmpty());
    setVisible(!path.isEmpty());
}

QString DualWriteIndicator::text() const
{
    return m_label->text();
}

bool DualWriteIndicator::driftShown() const
{
    return !m_driftLines.isEmpty();
}

void DualWriteIndicator::showDriftDetails()
{
    auto *box = new QMessageBox(
        QMessageBox::Warning,
        tr("Bound settings file differs from the database"),
        tr("%1 differs from the database in %n place(s).", nullptr, m_driftCount).arg(m_path),
        QMessageBox::Close,
        window());
    box->setInformativeText(tr("Nothing was written when the workspace was opened. The "
                               "database is the source of truth: the next change you apply "
                               "rewrites %1 with what the database holds. To keep something "
                               "that only the file has, migrate the file into the database "
                               "first.")
                                .arg(QFileInfo(m_path).fileName()));
    box->setDetailedText(m_driftLines.mid(1).join(QLatin1Char('\n')));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setModal(false);
    box->show();
}

} // namespace mcphub
