#include "../app/ScreenshotCheck.h"
#include "CachedGraph.h"
#include "ColourBlindPalette.h"
#include "PixelChecks.h"
#include "TestPaths.h"
#include "TimeSeriesPlot.h"
#include "WidgetExporter.h"

#include <QtTest>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

// TimeSeriesPlot on the offscreen platform: what it draws (looked at in
// tests/output), where NaN goes, which ranges it picks, and when it redraws.
class TestTimeSeriesPlot : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void exportsAtTheRequestedSizeWithTheSeriesColours();
    void nanIsAGapNotAZero_data();
    void nanIsAGapNotAZero();
    void dataYRangeIgnoresNanAndPointsOutsideTheXRange();
    void countsStartAtZero();
    void tickLabelsDoNotOverlapWhenSmall_data();
    void tickLabelsDoNotOverlapWhenSmall();
    void showsNoDataTextUntilThereIsData();
    void redrawsOnlyWhenDirtyAndShown();
    void appendsDrawTheSameAsAFullRedraw_data();
    void appendsDrawTheSameAsAFullRedraw();

private:
    static constexpr double nan = std::numeric_limits<double>::quiet_NaN();
};

namespace {

QColor vermillion() { return ColourBlindPalette::colour(ColourBlindPalette::Colour::Vermillion); }
QColor blue() { return ColourBlindPalette::colour(ColourBlindPalette::Colour::Blue); }

// 0..60 s at 10 points/s of a slow wave around `level`.
void fillWave(TimeSeriesPlot &plot, int series, double level)
{
    QVector<double> xs;
    QVector<double> ys;
    for (int i = 0; i <= 600; ++i) {
        xs.append(i / 10.0);
        ys.append(level * (1.0 + 0.3 * std::sin(i / 40.0)));
    }
    plot.setData(series, xs, ys);
}

} // namespace

void TestTimeSeriesPlot::exportsAtTheRequestedSizeWithTheSeriesColours()
{
    TimeSeriesPlot plot;
    plot.setTitle(u"Latency"_s);
    plot.setXLabel(u"time (s)"_s);
    plot.setYLabel(u"p99 (ms)"_s);
    SeriesStyle solid = ColourBlindPalette::style(0);
    SeriesStyle dashed = ColourBlindPalette::style(1);
    solid.width = dashed.width = 2; // wide enough for the colour to survive antialiasing
    const int first = plot.addSeries(u"prefork"_s, solid);
    const int second = plot.addSeries(u"worker"_s, dashed);
    fillWave(plot, first, 80);
    fillWave(plot, second, 30);

    const QString path = TestPaths::outputDir() + u"/timeseriesplot.png"_s;
    QString error;
    QVERIFY2(WidgetExporter::savePng(&plot, path, QSize(640, 360), &error), qPrintable(error));
    const QImage image(path);
    QCOMPARE(image.size(), QSize(640, 360));
    QVERIFY2(distinctColours(image) >= minimumColoursOfAPaintedWindow,
             qPrintable(u"%1 colours in %2"_s.arg(distinctColours(image)).arg(path)));
    QVERIFY(pixelsNear(image, vermillion(), image.rect()) > 300);
    QVERIFY(pixelsNear(image, blue(), image.rect()) > 150);
}

void TestTimeSeriesPlot::nanIsAGapNotAZero_data()
{
    QTest::addColumn<bool>("stepLine");
    QTest::addColumn<bool>("markers");
    QTest::addColumn<int>("points");
    QTest::newRow("line") << false << false << 1000;
    QTest::newRow("step line") << true << false << 1000;
    QTest::newRow("markers") << false << true << 1000;
    // Many points to a pixel: QCustomPlot's adaptive sampling merges them.
    QTest::newRow("dense line") << false << false << 20000;
    QTest::newRow("dense step line") << true << false << 20000;
}

void TestTimeSeriesPlot::nanIsAGapNotAZero()
{
    QFETCH(bool, stepLine);
    QFETCH(bool, markers);
    QFETCH(int, points);
    TimeSeriesPlot plot;
    SeriesStyle style = ColourBlindPalette::style(0);
    style.width = 2;
    style.stepLine = stepLine;
    style.markers = markers;
    const int series = plot.addSeries(u"p99"_s, style);
    // 50 ms everywhere but from 40 s to 60 s, where nothing completed.
    QVector<double> xs;
    QVector<double> ys;
    for (int i = 0; i <= points; ++i) {
        const double t = 100.0 * i / points;
        xs.append(t);
        ys.append(t >= 40 && t < 60 ? nan : 50.0);
    }
    plot.appendData(series, xs, ys);
    // 0 well inside the plot, where a line drawn at 0 would show.
    plot.setYRange(-20, 100);
    plot.resize(600, 300);
    const QImage image = WidgetExporter::toImage(&plot);
    QVERIFY(image.save(TestPaths::outputDir()
                       + u"/timeseriesplot-nan-%1.png"_s.arg(
                           QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-'))));

    // In the gap, nothing of the series' colour from y = -20 up to y = 100;
    // outside it, the line at 50.
    const QPoint gapBottom = plot.pixelFor(50, -20).toPoint();
    const QPoint gapTop = plot.pixelFor(50, 100).toPoint();
    const QRect gapColumn(gapBottom.x() - 3, gapTop.y(), 7, gapBottom.y() - gapTop.y() + 1);
    QCOMPARE(pixelsNear(image, vermillion(), gapColumn), 0);
    const QPoint nearZero = plot.pixelFor(50, 0).toPoint();
    QCOMPARE(pixelsNear(image, vermillion(), QRect(nearZero - QPoint(20, 6), QSize(41, 7))), 0);
    const QPoint onLine = plot.pixelFor(20, 50).toPoint();
    QVERIFY(pixelsNear(image, vermillion(), QRect(onLine - QPoint(3, 3), QSize(7, 7))) > 0);
}

void TestTimeSeriesPlot::dataYRangeIgnoresNanAndPointsOutsideTheXRange()
{
    TimeSeriesPlot plot;
    const int a = plot.addSeries(u"a"_s, ColourBlindPalette::style(0));
    const int b = plot.addSeries(u"b"_s, ColourBlindPalette::style(1));
    plot.appendData(a, {0, 1, 2, 3}, {5, nan, 7, 2});
    plot.appendPoint(a, 4, nan);
    plot.appendData(b, {0, 10}, {nan, 40});
    QCOMPARE(plot.dataYRange(), QCPRange(2, 40));
    QCOMPARE(plot.dataXRange(), QCPRange(0, 10));

    plot.setXRange(0, 3.5);
    QCOMPARE(plot.dataYRange(), QCPRange(2, 7));
    plot.setAutoXRange();
    QCOMPARE(plot.xRange(), QCPRange(0, 10));
    QCOMPARE(plot.dataYRange(), QCPRange(2, 40));

    plot.clearData();
    QVERIFY(!plot.hasData());
    QCOMPARE(plot.dataYRange(), QCPRange());
}

void TestTimeSeriesPlot::countsStartAtZero()
{
    TimeSeriesPlot plot;
    const int series = plot.addSeries(u"busy workers"_s, ColourBlindPalette::style(0));
    plot.appendData(series, {0, 1, 2}, {140, 150, 145});
    QCOMPARE(plot.yRange().lower, 0.0);
    QVERIFY2(plot.yRange().upper >= 150 && plot.yRange().upper <= 200,
             qPrintable(QString::number(plot.yRange().upper)));

    // Values on both sides of 0 get both sides, still through 0.
    plot.appendPoint(series, 3, -20);
    QVERIFY(plot.yRange().lower <= -20);
    QVERIFY(plot.yRange().upper >= 150);
}

void TestTimeSeriesPlot::tickLabelsDoNotOverlapWhenSmall_data()
{
    QTest::addColumn<bool>("presentation");
    QTest::addColumn<QSize>("size");
    QTest::newRow("normal, small") << false << QSize(240, 110);
    QTest::newRow("presentation, small") << true << QSize(320, 150);
    QTest::newRow("presentation, wide") << true << QSize(900, 160);
}

void TestTimeSeriesPlot::tickLabelsDoNotOverlapWhenSmall()
{
    QFETCH(bool, presentation);
    QFETCH(QSize, size);
    TimeSeriesPlot plot;
    PlotTheme theme;
    theme.presentation = presentation;
    plot.applyTheme(theme);
    const int series = plot.addSeries(u"requests/s"_s, ColourBlindPalette::style(0));
    QVector<double> xs;
    QVector<double> ys;
    for (int i = 0; i <= 6000; ++i) {
        xs.append(i / 10.0);
        ys.append(12000 + 3000 * std::sin(i / 300.0));
    }
    plot.setData(series, xs, ys);
    plot.resize(size);
    // Twice: the first lays the plot out, the second fits the ticks to it.
    for (int i = 0; i < 2; ++i)
        (void)WidgetExporter::toImage(&plot);
    const QImage image = WidgetExporter::toImage(&plot);
    QVERIFY(image.save(TestPaths::outputDir()
                       + u"/timeseriesplot-ticks-%1x%2-%3.png"_s.arg(size.width())
                             .arg(size.height())
                             .arg(presentation ? u"presentation"_s : u"normal"_s)));

    const auto *custom = plot.findChild<QCustomPlot *>();
    QVERIFY(custom);
    for (QCPAxis *axis : {custom->xAxis, custom->yAxis}) {
        const QFontMetrics metrics(axis->tickLabelFont());
        const QVector<double> ticks = axis->tickVector();
        const QVector<QString> labels = axis->tickVectorLabels();
        QVERIFY2(ticks.size() >= 2, qPrintable(u"%1 ticks"_s.arg(ticks.size())));
        for (qsizetype i = 1; i < ticks.size(); ++i) {
            const double gap =
                std::abs(axis->coordToPixel(ticks.at(i)) - axis->coordToPixel(ticks.at(i - 1)));
            // Horizontal labels must not touch side by side; stacked ones
            // must not touch one above the other.
            const double needed = axis->orientation() == Qt::Horizontal
                                      ? (metrics.horizontalAdvance(labels.at(i))
                                         + metrics.horizontalAdvance(labels.at(i - 1)))
                                                / 2.0
                                            + metrics.averageCharWidth()
                                      : metrics.height();
            QVERIFY2(gap >= needed, qPrintable(u"%1 and %2: %3 px apart, %4 needed"_s
                                                   .arg(labels.at(i - 1), labels.at(i))
                                                   .arg(gap)
                                                   .arg(needed)));
        }
    }
}

void TestTimeSeriesPlot::showsNoDataTextUntilThereIsData()
{
    TimeSeriesPlot plot;
    plot.setNoDataText(u"Waiting for the first sample…"_s);
    const int series = plot.addSeries(u"a"_s, ColourBlindPalette::style(0));
    const auto *text = plot.findChild<QCPItemText *>();
    QVERIFY(text);
    QVERIFY(text->visible());
    QVERIFY(WidgetExporter::savePng(&plot, TestPaths::outputDir() + u"/timeseriesplot-nodata.png"_s,
                                    QSize(480, 240)));
    plot.appendPoint(series, 0, 1);
    QVERIFY(!text->visible());
    plot.clearData();
    QVERIFY(text->visible());
}

void TestTimeSeriesPlot::redrawsOnlyWhenDirtyAndShown()
{
    TimeSeriesPlot plot;
    const int series = plot.addSeries(u"a"_s, ColourBlindPalette::style(0));
    plot.appendPoint(series, 0, 1);
    QVERIFY(plot.isDirty());
    QVERIFY(!plot.refresh()); // never shown

    plot.resize(400, 200);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    plot.refresh(); // whatever the first paint left
    QVERIFY(!plot.isDirty());
    QVERIFY(!plot.refresh());
    plot.appendPoint(series, 1, 2);
    QVERIFY(plot.refresh());
    QVERIFY(!plot.isDirty());

    plot.hide();
    plot.appendPoint(series, 2, 3);
    QVERIFY(!plot.refresh());
    QVERIFY(plot.isDirty());
    // Shown again, it catches up when painted, without being asked.
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    QTRY_VERIFY(!plot.isDirty());
}

void TestTimeSeriesPlot::appendsDrawTheSameAsAFullRedraw_data()
{
    QTest::addColumn<SeriesStyle>("style");
    QTest::addColumn<bool>("gap");
    SeriesStyle style = ColourBlindPalette::style(0);
    QTest::newRow("solid 1 px") << style << false;
    style = ColourBlindPalette::style(1);
    style.width = 2;
    QTest::newRow("dashed 2 px") << style << false;
    QTest::newRow("dashed 2 px, gap") << style << true;
    style = ColourBlindPalette::style(2);
    style.width = 3;
    style.stepLine = true;
    QTest::newRow("dotted step line 3 px, gap") << style << true;
    style = ColourBlindPalette::style(3);
    style.markers = true;
    QTest::newRow("markers") << style << false;
}

void TestTimeSeriesPlot::appendsDrawTheSameAsAFullRedraw()
{
    // Live plots draw only what was appended (CachedGraph); the result must
    // not differ from drawing everything at once.
    QFETCH(SeriesStyle, style);
    QFETCH(bool, gap);
    QVector<double> xs;
    QVector<double> ys;
    for (int i = 0; i < 400; ++i) {
        xs.append(i / 4.0);
        ys.append(gap && xs.back() >= 40 && xs.back() < 50 ? nan
                                                           : 50 + 30 * std::sin(xs.back() / 5));
    }
    TimeSeriesPlot incremental;
    TimeSeriesPlot whole;
    for (TimeSeriesPlot *plot : {&incremental, &whole}) {
        plot->addSeries(u"a"_s, style);
        plot->setXRange(0, 100);
        plot->setYRange(0, 100);
        plot->resize(500, 260);
        plot->show();
        QVERIFY(QTest::qWaitForWindowExposed(plot));
    }
    whole.setData(0, xs, ys);
    whole.refresh();
    auto *graph = incremental.findChild<CachedGraph *>();
    QVERIFY(graph);
    for (qsizetype from = 0; from < xs.size(); from += 7) {
        const qsizetype count = std::min<qsizetype>(7, xs.size() - from);
        incremental.appendData(0, xs.mid(from, count), ys.mid(from, count));
        QVERIFY(incremental.refresh());
        if (from > 0)
            QVERIFY(graph->lastDrawWasIncremental());
    }
    const QImage appended = incremental.grab().toImage();
    const QImage drawnWhole = whole.grab().toImage();
    const QString tag = QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-');
    QVERIFY(appended.save(TestPaths::outputDir() + u"/timeseriesplot-appended-%1.png"_s.arg(tag)));
    QCOMPARE(appended.size(), drawnWhole.size());
    int differing = 0;
    for (int y = 0; y < appended.height(); ++y) {
        for (int x = 0; x < appended.width(); ++x) {
            const QColor a = appended.pixelColor(x, y);
            const QColor b = drawnWhole.pixelColor(x, y);
            if (std::abs(a.red() - b.red()) + std::abs(a.green() - b.green())
                    + std::abs(a.blue() - b.blue())
                > 96)
                ++differing;
        }
    }
    // Antialiased ends overlap where two appends meet: a few pixels, no more.
    QVERIFY2(differing < 60, qPrintable(u"%1 pixels differ"_s.arg(differing)));
}

QTEST_MAIN(TestTimeSeriesPlot)
#include "tst_timeseriesplot.moc"
