#pragma once

#include <QString>

class QAbstractItemView;

namespace mcphub {

// The selected cells of a table view as tab-separated text with a header line, in visual row
// and column order; check boxes become true/false. What Copy puts on the clipboard.
class SelectionCopier
{
public:
    static QString text(const QAbstractItemView *view);
};

} // namespace mcphub
