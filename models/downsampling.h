#pragma once

#include <QList>
#include <QPointF>

namespace mcphub {

// Largest-Triangle-Three-Buckets downsampling (Steinarsson, 2013): keeps the visual shape of
// a line with `threshold` points, always keeping the first and last. Points must be sorted by
// x. Returns the input unchanged when it already has no more than `threshold` points or when
// threshold < 3. Hand-written: no Debian-packaged C++ library offers it, and it is 40 lines.
QList<QPointF> downsampleLttb(const QList<QPointF> &points, int threshold);

} // namespace mcphub
