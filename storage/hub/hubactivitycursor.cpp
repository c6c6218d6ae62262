#include "storage/hub/hubactivitycursor.h"

namespace mcphub {

void HubActivityCursor::reset(const QDateTime &newest, const QSet<QString> &idsAtNewest)
{
    m_newest = newest.isValid() ? newest.toUTC() : QDateTime();
    m_idsAtNewest = idsAtNewest;
}

bool HubActivityCursor::takeNew(const QList<ActivityRecord> &page,
                                QList<ActivityRecord> &into,
                                QSet<QString> &taken) const
{
    bool reachedOld = false;
    for (const ActivityRecord &r : page) {
        if (m_newest.isValid()) {
            if (r.timestamp < m_newest) {
                reachedOld = true;
                continue;
            }
            if (r.timestamp == m_newest && m_idsAtNewest.contains(r.id)) {
                reachedOld = true; // rows after it share the millisecond or are older
                continue;
            }
        }
        // Rows shift down a page when new calls arrive during a sync: skip repeats.
        if (taken.contains(r.id))
            continue;
        taken.insert(r.id);
        into.append(r);
    }
    return reachedOld;
}

void HubActivityCursor::advance(const QList<ActivityRecord> &rows)
{
    for (const ActivityRecord &r : rows) {
        if (!m_newest.isValid() || r.timestamp > m_newest) {
            m_newest = r.timestamp;
            m_idsAtNewest = {r.id};
        } else if (r.timestamp == m_newest) {
            m_idsAtNewest.insert(r.id);
        }
    }
}

} // namespace mcphub
