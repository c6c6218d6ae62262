#pragma once

#include <QList>

namespace mcphub {

// One page of a listing: rows [offset, offset + limit) in the repository's order.
struct PageRequest
{
    int offset = 0;
    int limit = 100;
    bool countTotal = true; // false skips the COUNT(*) (Page::total is then -1)
};

// A page of rows and the number of rows matching the filter in all.
template<typename T>
struct Page
{
    QList<T> items;
    qint64 total = 0;
};

} // namespace mcphub
