#include "models/downsampling.h"

#include <cmath>

namespace mcphub {

QList<QPointF> downsampleLttb(const QList<QPointF> &points, int threshold)
{
    const qsizetype count = points.size();
    if (threshold < 3 || count <= threshold)
        return points;

    QList<QPointF> sampled;
    sampled.reserve(threshold);
    sampled.append(points.first());

    // Buckets exclude the first and last points, which are always kept.
    const double bucketSize = double(count - 2) / double(threshold - 2);
    qsizetype previous = 0;
    for (int bucket = 0; bucket < threshold - 2; ++bucket) {
        const qsizetype start = qsizetype(std::floor(bucket * bucketSize)) + 1;
        const qsizetype end
            = std::min(qsizetype(std::floor((bucket + 1) * bucketSize)) + 1, count - 1);

        // The average of the next bucket is the third corner of the triangle.
        const qsizetype nextStart = end;
        const qsizetype nextEnd
            = std::min(qsizetype(std::floor((bucket + 2) * bucketSize)) + 1, count);
        double avgX = 0;
        double avgY = 0;
        for (qsizetype i = nextStart; i < nextEnd; ++i) {
            avgX += points.at(i).x();
            avgY += points.at(i).y();
        }
        const double nextCount = double(std::max<qsizetype>(nextEnd - nextStart, 1));
        avgX /= nextCount;
        avgY /= nextCount;

        const QPointF &a = points.at(previous);
        double largestArea = -1;
        qsizetype chosen = start;
        for (qsizetype i = start; i < end; ++i) {
            const QPointF &p = points.at(i);
            const double area
                = std::abs((a.x() - avgX) * (p.y() - a.y()) - (a.x() - p.x()) * (avgY - a.y()));
            if (area > largestArea) {
                largestArea = area;
                chosen = i;
            }
        }
        sampled.append(points.at(chosen));
        previous = chosen;
    }
    sampled.append(points.last());
    return sampled;
}

} // namespace mcphub
