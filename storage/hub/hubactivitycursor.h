#pragma once

#include "storage/hub/activityrecord.h"

#include <QDateTime>
#include <QList>
#include <QSet>

namespace mcphub {

// Where the activity sync of one hub stands: the newest timestamp already taken and the ids
// taken at exactly that timestamp (several calls can share a millisecond). The hub serves
// /api/activities newest first, so a sync reads pages until it meets rows the cursor covers.
// A plain value.
class HubActivityCursor
{
public:
    bool isEmpty() const { return !m_newest.isValid(); }
    QDateTime newest() const { return m_newest; }
    QSet<QString> idsAtNewest() const { return m_idsAtNewest; }

    // Restores a cursor (from the rows already stored).
    void reset(const QDateTime &newest = {}, const QSet<QString> &idsAtNewest = {});

    // Appends the rows of `page` (newest first) that the cursor does not cover and that are
    // not in `taken` yet; returns true when the page reached older rows, so paging can stop.
    bool takeNew(const QList<ActivityRecord> &page,
                 QList<ActivityRecord> &into,
                 QSet<QString> &taken) const;

    // Moves the cursor past `rows`, once a sync has completed.
    void advance(const QList<ActivityRecord> &rows);

private:
    QDateTime m_newest;
    QSet<QString> m_idsAtNewest;
};

} // namespace mcphub
