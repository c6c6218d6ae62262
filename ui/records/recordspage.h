#pragma once

#include "storage/db/recordentity.h"
#include "storage/db/repositorycontext.h"

#include <QWidget>

#include <QHash>
#include <QList>

class QTabWidget;

namespace mcphub {

class RecordDetailPage;
class RecordTableModel;

// The "Clients & content" area: a tab per record entity (OAuth clients, Prompts, Resources,
// User configs) of the open workspace, each loading its own model.
class RecordsPage : public QWidget
{
    Q_OBJECT

public:
    explicit RecordsPage(const RepositoryContext &context, QWidget *parent = nullptr);

    QList<RecordTableModel *> models() const { return m_models; }
    RecordTableModel *model(const QString &entity) const;
    RecordDetailPage *page(const QString &entity) const;
    QTabWidget *tabs() const { return m_tabs; }
    QStringList loadErrors() const { return m_loadErrors; }

private:
    QTabWidget *m_tabs;
    QList<RecordTableModel *> m_models;
    QList<RecordDetailPage *> m_pages;
    QStringList m_loadErrors;
};

} // namespace mcphub
