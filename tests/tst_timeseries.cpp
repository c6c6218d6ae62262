// Monitoring charts: LTTB downsampling, the sample model and the chart fed with known samples.

#include "models/downsampling.h"
#include "models/timeseriesmodel.h"
#include "ui/monitoring/timeserieschart.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QImage>
#include <QLineSeries>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace mcphub;

namespace {

constexpr qint64 kStart = 1'764'000'000'000LL; // a fixed instant, msecs since the epoch
constexpr qint64 kStep = 5000;                 // 5-second samples

QList<QPointF> sine(int count)
{
    QList<QPointF> points;
    for (int i = 0; i < count; ++i)
        points.append(QPointF(i, std::sin(i / 50.0)));
    return points;
}

} // namespace

class TestTimeSeries : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lttbKeepsShape_data();
    void lttbKeepsShape();
    void lttbKeepsSpike();
    void modelSortsAndSlices();
    void modelCsv();
    void chartShowsRangeAndDownsamples();
    void chartPauseAndExports();
    void chartCustomRange();
};

void TestTimeSeries::lttbKeepsShape_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("threshold");
    QTest::addColumn<int>("expected");
    QTest::newRow("week of 5 s samples") << 120960 << 2000 << 2000;
    QTest::newRow("already small") << 100 << 2000 << 100;
    QTest::newRow("threshold too small") << 1000 << 2 << 1000;
    QTest::newRow("exactly threshold") << 500 << 500 << 500;
}

void TestTimeSeries::lttbKeepsShape()
{
    QFETCH(int, count);
    QFETCH(int, threshold);
    QFETCH(int, expected);
    const QList<QPointF> input = sine(count);
    const QList<QPointF> output = downsampleLttb(input, threshold);
    QCOMPARE(output.size(), expected);
    QCOMPARE(output.first(), input.first());
    QCOMPARE(output.last(), input.last());
    for (qsizetype i = 1; i < output.size(); ++i)
        QVERIFY(output.at(i).x() > output.at(i - 1).x());
    // Every kept point is a real input point.
    for (const QPointF &p : output)
        QCOMPARE(input.at(int(p.x())), p);
}

void TestTimeSeries::lttbKeepsSpike()
{
    QList<QPointF> flat;
    for (int i = 0; i < 10000; ++i)
        flat.append(QPointF(i, i == 6543 ? 100.0 : 1.0));
    const QList<QPointF> output = downsampleLttb(flat, 100);
    QVERIFY(output.contains(QPointF(6543, 100.0)));
}

void TestTimeSeries::modelSortsAndSlices()
{
    TimeSeriesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSeriesNames({QStringLiteral("calls"), QStringLiteral("errors")});
    QCOMPARE(model.columnCount(), 3);
    model.appendSample(kStart + 2 * kStep, {3, 0});
    model.appendSample(kStart, {1, 0});
    model.appendSample(kStart + kStep, {2, std::nan("")});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.data(model.index(0, 0), TimeSeriesModel::MsecsRole).toLongLong(), kStart);
    QCOMPARE(model.firstMsecs(), kStart);
    QCOMPARE(model.lastMsecs(), kStart + 2 * kStep);
    QCOMPARE(model.points(0, kStart, kStart + 2 * kStep),
             (QList<QPointF>{{double(kStart), 1},
                             {double(kStart + kStep), 2},
                             {double(kStart + 2 * kStep), 3}}));
    QCOMPARE(model.points(1, kStart, kStart + 2 * kStep).size(), 2); // the NaN is a gap
    QCOMPARE(model.points(0, kStart + 1, kStart + kStep).size(), 1);
    QVERIFY(!model.data(model.index(1, 2)).isValid());
    QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("calls"));
}

void TestTimeSeries::modelCsv()
{
    TimeSeriesModel model;
    model.setSeriesNames({QStringLiteral("latency \"ms\"")});
    model.appendSample(kStart, {12.5});
    model.appendSample(kStart + kStep, {std::nan("")});
    const QByteArray csv = model.toCsv(kStart, kStart + kStep);
    QCOMPARE(csv,
             QByteArray("time,\"latency \"\"ms\"\"\"\n"
                        "2025-11-24T16:00:00.000Z,12.5\n"
                        "2025-11-24T16:00:05.000Z,\n"));
}

void TestTimeSeries::chartShowsRangeAndDownsamples()
{
    TimeSeriesModel model;
    model.setSeriesNames({QStringLiteral("calls")});
    const int week = 7 * 24 * 60 * 12; // 120,960 five-second samples
    for (int i = 0; i < week; ++i)
        model.appendSample(kStart + i * kStep, {double(i % 100)});

    TimeSeriesChart chart;
    chart.resize(800, 400);
    chart.setModel(&model);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));

    chart.setRange(TimeSeriesChart::Range::OneHour);
    QCOMPARE(chart.rangeEnd(), model.lastMsecs());
    QCOMPARE(chart.rangeStart(), model.lastMsecs() - 3600 * 1000);
    // One hour of 5-second samples (721 with both ends) is below the budget: drawn as is.
    QVERIFY(chart.pointBudget() >= 721);
    QCOMPARE(chart.lineSeries().at(0)->count(), 721);
    QCOMPARE(chart.lineSeries().at(0)->at(0).x(), double(model.lastMsecs() - 3600 * 1000));

    chart.setRange(TimeSeriesChart::Range::All);
    QCOMPARE(chart.lineSeries().at(0)->count(), chart.pointBudget());
    QCOMPARE(chart.lineSeries().at(0)->at(0).x(), double(kStart));
    QCOMPARE(chart.lineSeries().last()->points().last().x(), double(model.lastMsecs()));
}

void TestTimeSeries::chartPauseAndExports()
{
    TimeSeriesModel model;
    model.setSeriesNames({QStringLiteral("calls"), QStringLiteral("errors")});
    for (int i = 0; i < 10; ++i)
        model.appendSample(kStart + i * kStep, {double(i), double(i % 2)});
    TimeSeriesChart chart;
    chart.resize(640, 360);
    chart.setModel(&model);
    chart.setRange(TimeSeriesChart::Range::All);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    QCOMPARE(chart.lineSeries().size(), 2);
    QCOMPARE(chart.lineSeries().at(0)->count(), 10);

    chart.setPaused(true);
    model.appendSample(kStart + 10 * kStep, {10, 0});
    QTest::qWait(20);
    QCOMPARE(chart.lineSeries().at(0)->count(), 10); // frozen while paused
    chart.setPaused(false);
    QCOMPARE(chart.lineSeries().at(0)->count(), 11);
    model.appendSample(kStart + 11 * kStep, {11, 1});
    QTRY_COMPARE(chart.lineSeries().at(0)->count(), 12); // follows again

    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("chart.png"));
    QVERIFY(chart.exportPng(png));
    const QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() >= 600);
    const QString csv = dir.filePath(QStringLiteral("chart.csv"));
    QVERIFY(chart.exportCsv(csv));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.first(), QByteArray("time,\"calls\",\"errors\""));
    QCOMPARE(lines.size(), 1 + 12 + 1); // header, rows, trailing empty
    QVERIFY(!chart.exportPng(dir.filePath(QStringLiteral("missing/dir/x.png"))));
}

void TestTimeSeries::chartCustomRange()
{
    TimeSeriesModel model;
    model.setSeriesNames({QStringLiteral("calls")});
    for (int i = 0; i < 100; ++i)
        model.appendSample(kStart + i * kStep, {double(i)});
    TimeSeriesChart chart;
    chart.resize(640, 360);
    chart.setModel(&model);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));

    // Choosing "Custom range" in the combo box starts from all the data.
    auto *box = chart.findChild<QComboBox *>();
    QVERIFY(box);
    box->setCurrentIndex(box->findData(QVariant::fromValue(TimeSeriesChart::Range::Custom)));
    QCOMPARE(chart.range(), TimeSeriesChart::Range::Custom);
    QCOMPARE(chart.rangeStart(), kStart);
    QCOMPARE(chart.lineSeries().at(0)->count(), 100);
    const auto edits = chart.findChildren<QDateTimeEdit *>();
    QCOMPARE(edits.size(), 2);
    QVERIFY(edits.at(0)->isVisible());

    // From/to given in either order; only the samples inside are drawn, and new samples
    // after the range do not move it.
    chart.setCustomRange(kStart + 50 * kStep, kStart + 10 * kStep);
    QCOMPARE(chart.rangeStart(), kStart + 10 * kStep);
    QCOMPARE(chart.rangeEnd(), kStart + 50 * kStep);
    QCOMPARE(chart.lineSeries().at(0)->count(), 41);
    model.appendSample(kStart + 100 * kStep, {100});
    QTest::qWait(20);
    QCOMPARE(chart.rangeEnd(), kStart + 50 * kStep);

    chart.setRange(TimeSeriesChart::Range::All);
    QVERIFY(!edits.at(0)->isVisible());
    QCOMPARE(chart.lineSeries().at(0)->count(), 101);
}

QTEST_MAIN(TestTimeSeries)
#include "tst_timeseries.moc"
