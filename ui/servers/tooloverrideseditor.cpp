#include "ui/servers/tooloverrideseditor.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QTableWidget>
#include <QVBoxLayout>

#include <nlohmann/json.hpp>

namespace mcphub {

ToolOverridesEditor::ToolOverridesEditor(QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_add(new QPushButton(tr("Add"), this))
    , m_remove(new QPushButton(tr("Remove"), this))
{
    m_table->setHorizontalHeaderLabels({tr("Tool"), tr("Enabled"), tr("Description")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setToolTip(tr("Per-tool switches and descriptions. Tool names are the exposed, "
                           "prefixed names MCPHub shows, such as fetch-fetch."));
    m_add->setToolTip(tr("Add a tool override."));
    m_remove->setToolTip(tr("Remove the selected tool overrides."));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
    layout->addLayout(buttons);

    connect(m_table, &QTableWidget::itemChanged, this, [this] {
        if (!m_loading)
            Q_EMIT changed();
    });
    connect(m_add, &QPushButton::clicked, this, [this] {
        const int row = m_table->rowCount();
        {
            const QScopedValueRollback loading(m_loading, true);
            m_table->insertRow(row);
            m_table->setItem(row, ToolColumn, new QTableWidgetItem());
            auto *enabled = new QTableWidgetItem();
            enabled->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
            enabled->setCheckState(Qt::Checked);
            m_table->setItem(row, EnabledColumn, enabled);
            m_table->setItem(row, DescriptionColumn, new QTableWidgetItem());
        }
        m_table->setCurrentCell(row, ToolColumn);
        m_table->editItem(m_table->item(row, ToolColumn));
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        QList<int> rows;
        for (const QModelIndex &index : m_table->selectionModel()->selectedIndexes())
            if (!rows.contains(index.row()))
                rows << index.row();
        std::sort(rows.rbegin(), rows.rend());
        for (int row : std::as_const(rows))
            m_table->removeRow(row);
        if (!rows.isEmpty())
            Q_EMIT changed();
    });
}

void ToolOverridesEditor::setEditable(bool editable)
{
    m_table->setEditTriggers(editable ? QAbstractItemView::DoubleClicked
                                            | QAbstractItemView::EditKeyPressed
                                      : QAbstractItemView::NoEditTriggers);
    m_table->setEnabled(editable);
    m_add->setEnabled(editable);
    m_remove->setEnabled(editable);
}

void ToolOverridesEditor::setJson(const QString &toolsObject)
{
    if (json() == toolsObject)
        return; // the user's own edit coming back
    const QScopedValueRollback loading(m_loading, true);
    m_table->setRowCount(0);
    const nlohmann::ordered_json object
        = nlohmann::ordered_json::parse(toolsObject.toStdString(), nullptr, false);
    if (!object.is_object())
        return;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, ToolColumn, new QTableWidgetItem(QString::fromStdString(it.key())));
        auto *enabled = new QTableWidgetItem();
        enabled->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        const auto &value = it.value();
        const bool on
            = !value.is_object() || !value.contains("enabled") || value.value("enabled", true);
        enabled->setCheckState(on ? Qt::Checked : Qt::Unchecked);
        m_table->setItem(row, EnabledColumn, enabled);
        const std::string description
            = value.is_object() && value.contains("description") && value["description"].is_string()
                  ? value["description"].get<std::string>()
                  : std::string();
        m_table->setItem(
            row, DescriptionColumn, new QTableWidgetItem(QString::fromStdString(description)));
    }
}

QString ToolOverridesEditor::json() const
{
    if (m_table->rowCount() == 0)
        return {};
    nlohmann::ordered_json object = nlohmann::ordered_json::object();
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QTableWidgetItem *tool = m_table->item(row, ToolColumn);
        const QTableWidgetItem *enabled = m_table->item(row, EnabledColumn);
        const QTableWidgetItem *description = m_table->item(row, DescriptionColumn);
        nlohmann::ordered_json entry = nlohmann::ordered_json::object();
        entry["enabled"] = !enabled || enabled->checkState() == Qt::Checked;
        if (description && !description->text().isEmpty())
            entry["description"] = description->text().toStdString();
        object[tool ? tool->text().toStdString() : std::string()] = entry;
    }
    return QString::fromStdString(object.dump());
}

} // namespace mcphub
