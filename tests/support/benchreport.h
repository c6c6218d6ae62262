#pragma once

#include <QString>

#include <chrono>
#include <functional>

namespace mcphub::test {

// Prints one line "BENCH <name> value=<v> floor=<f> ratio=<v/f> target=<t>" on stdout.
// `target` is the ratio (or value) the benchmark should stay under; it is informative.
void printBench(const QString &name, double value, double floor, const QString &target);

// Median wall time of `iterations` runs of `work`, in milliseconds.
double medianMilliseconds(int iterations, const std::function<void()> &work);

} // namespace mcphub::test
