#include "tests/support/benchreport.h"

#include <QElapsedTimer>
#include <QList>

#include <algorithm>
#include <cstdio>

namespace mcphub::test {

void printBench(const QString &name, double value, double floor, const QString &target)
{
    const double ratio = floor > 0 ? value / floor : 0.0;
    std::printf("BENCH %s value=%.4f floor=%.4f ratio=%.3f target=%s\n",
                qPrintable(name),
                value,
                floor,
                ratio,
                qPrintable(target));
    std::fflush(stdout);
}

double medianMilliseconds(int iterations, const std::function<void()> &work)
{
    QList<double> samples;
    samples.reserve(iterations);
    for (int i = 0; i < iterations; ++i) {
        QElapsedTimer timer;
        timer.start();
        work();
        samples.append(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(samples.begin(), samples.end());
    return samples.at(samples.size() / 2);
}

std::pair<double, double> pairedMedianMilliseconds(int iterations,
                                                   const std::function<void()> &work,
                                                   const std::function<void()> &floor)
{
    QList<double> values, floors;
    for (int i = 0; i < iterations; ++i) {
        for (QList<double> *samples : {&values, &floors}) {
            QElapsedTimer timer;
            timer.start();
            (samples == &values ? work : floor)();
            samples->append(double(timer.nsecsElapsed()) / 1e6);
        }
    }
    std::sort(values.begin(), values.end());
    std::sort(floors.begin(), floors.end());
    return {values.at(values.size() / 2), floors.at(floors.size() / 2)};
}

} // namespace mcphub::test
