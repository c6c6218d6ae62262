#include "ui/main/aboutdialog.h"

#include "storage/sqlconnection.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSqlDatabase>
#include <QVBoxLayout>

namespace mcphub {

AboutDialog::AboutDialog(const AboutFacts &facts, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About MCPHub Admin Console"));
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("<h3>MCPHub Admin Console %1</h3>"
                                "<p>Safe settings files, one database schema on SQLite and "
                                "PostgreSQL, MCPHub's own database, migration and monitoring "
                                "for MCPHub.</p>")
                                 .arg(QCoreApplication::applicationVersion()),
                             this);
    title->setWordWrap(true);
    title->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    layout->addWidget(title);

    m_rows = {
        {tr("Version"), QCoreApplication::applicationVersion()},
        {tr("Qt"),
         tr("%1 (built with %2)")
             .arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR))},
        {tr("SQL drivers"), QSqlDatabase::drivers().join(QStringLiteral(", "))},
        {tr("Database libraries"), databaseLibraryVersions().join(QStringLiteral(", "))},
        {tr("Settings"), QDir::toNativeSeparators(QSettings().fileName())},
        {tr("Keychain service"), facts.keychainService},
        {tr("Embedded database"), QDir::toNativeSeparators(facts.embeddedDatabase)},
        {tr("Licence"), tr("Apache License 2.0")},
    };
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    for (const auto &[label, value] : std::as_const(m_rows)) {
        auto *field = new QLabel(value, this);
        field->setTextInteractionFlags(Qt::TextSelectableByMouse);
        field->setTextFormat(Qt::PlainText);
        form->addRow(label + QLatin1Char(':'), field);
    }
    layout->addLayout(form);
    layout->addStretch(1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copy = buttons->addButton(tr("&Copy"), QDialogButtonBox::ActionRole);
    copy->setToolTip(tr("Copy these facts to the clipboard, for a bug report."));
    connect(
        copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(text()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    setMinimumWidth(640);
    adjustSize();
}

QString AboutDialog::text() const
{
    QStringList lines{windowTitle()};
    for (const auto &[label, value] : m_rows)
        lines << label + QStringLiteral(": ") + value;
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace mcphub
