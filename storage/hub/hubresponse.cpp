#include "storage/hub/hubresponse.h"

namespace mcphub {

QByteArray HubResponse::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

} // namespace mcphub
