#include "ui/records/recordspage.h"

#include "models/recordtablemodel.h"
#include "ui/records/recorddetailpage.h"
#include "ui/widgets/pendingtableeditor.h"

#include <QTabWidget>
#include <QVBoxLayout>

namespace mcphub {

RecordsPage::RecordsPage(const RepositoryContext &context, QWidget *parent)
    : QWidget(parent)
    , m_tabs(new QTabWidget(this))
{
    for (const RecordEntity &entity : RecordEntity::all()) {
        auto *model = new RecordTableModel(context, entity, this);
        if (auto r = model->reload(); !r)
            m_loadErrors << r.error().toString();
        auto *page = new RecordDetailPage(model, m_tabs);
        m_tabs->addTab(page, entity.titleText());
        m_models << model;
        m_pages << page;
    }
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
}

RecordTableModel *RecordsPage::model(const QString &entity) const
{
    for (RecordTableModel *m : m_models) {
        if (m->entity().name == entity)
            return m;
    }
    return nullptr;
}

RecordDetailPage *RecordsPage::page(const QString &entity) const
{
    for (RecordDetailPage *p : m_pages) {
        if (p->editor()->model() == model(entity))
            return p;
    }
    return nullptr;
}

} // namespace mcphub
