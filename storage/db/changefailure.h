#pragma once

#include "storage/error.h"

#include <QString>

namespace mcphub {

// Where a batch of changes written in one transaction failed: the index of the change in the
// batch, the field to blame (empty when the whole row is), and the error. Nothing of the
// batch was written when a ChangeFailure is returned.
struct ChangeFailure
{
    int index = -1;
    QString field;
    Error error;
};

} // namespace mcphub
