#pragma once

#include <QString>

#include <chrono>
#include <functional>
#include <utility>

namespace mcphub::test {

// Prints one line "BENCH <name> value=<v> floor=<f> ratio=<v/f> target=<t>" on stdout.
// `target` is the ratio (or value) the benchmark should stay under; it is informative.
void printBench(const QString &name, double value, double floor, const QString &target);

// Median wall time of `iterations` runs of `work`, in milliseconds.
double medianMilliseconds(int iterations, const std::function<void()> &work);

// The medians of `work` and `floor` run in turns (work, floor, work, floor ...), so that a
// busy spell of the machine weighs on both alike: {value, floor} in milliseconds.
std::pair<double, double> pairedMedianMilliseconds(int iterations,
                                                   const std::function<void()> &work,
                                                   const std::function<void()> &floor);

} // namespace mcphub::test
