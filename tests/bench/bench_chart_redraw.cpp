// Redrawing a chart over 7 days of 5-second samples (120,960 points, downsampled to the
// chart's point budget), against the floor of drawing 2,000 points. Target: ratio <= 2.

#include "models/timeseriesmodel.h"
#include "tests/support/benchreport.h"
#include "ui/monitoring/timeserieschart.h"

#include <QApplication>

#include <cmath>

using namespace mcphub;

namespace {

double redrawMs(int samples)
{
    TimeSeriesModel model;
    model.setSeriesNames({QStringLiteral("calls"), QStringLiteral("errors")});
    for (int i = 0; i < samples; ++i)
        model.appendSample(1'764'000'000'000LL + i * 5000LL,
                           {50 + 40 * std::sin(i / 300.0), double(i % 7)});
    TimeSeriesChart chart;
    chart.resize(1000, 500);
    chart.setRange(TimeSeriesChart::Range::All);
    chart.setModel(&model);
    chart.show();
    QApplication::processEvents();
    return test::medianMilliseconds(15, [&] {
        chart.refresh();
        chart.grab(); // renders the scene
    });
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const double floor = redrawMs(2000);
    const double value = redrawMs(7 * 24 * 60 * 12);
    test::printBench(
        QStringLiteral("chart_redraw_week_5s_ms"), value, floor, QStringLiteral("ratio<=2"));
    return 0;
}
