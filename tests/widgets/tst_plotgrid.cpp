#include "../app/ScreenshotCheck.h"
#include "ColourBlindPalette.h"
#include "PixelChecks.h"
#include "PlotGrid.h"
#include "SeriesKey.h"
#include "SyntheticDashboard.h"
#include "TestPaths.h"
#include "TimeSeriesPlot.h"
#include "WidgetExporter.h"

#include <QtTest>

using namespace Qt::StringLiterals;

// PlotGrid: shared axes across a row, the overlay, and which plots a
// refresh redraws. Screenshots of the whole dashboard, normal, dark for a
// projector and overlaid, land in tests/output.
class TestPlotGrid : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rowsShareTheirYRangeAfterAppendsToOneColumn();
    void everyPlotSharesTheXRange();
    void overlayShowsEverySeriesOfItsRow();
    void overlayNamesColumnAndSeriesWhenColoursAreTheSeries();
    void refreshRedrawsOnlyDirtyPlotsOnScreen();
    void columnsOfPlotsLineUp();
    void aMovedRangeIsDrawnAgainOverTheNextTurns();
    void dashboardScreenshots_data();
    void dashboardScreenshots();

private:
    static void buildSmallGrid(PlotGrid &grid);
    static bool showAndRefresh(PlotGrid &grid);
};

// Shows the grid at 900x500 and lets it draw what it holds.
bool TestPlotGrid::showAndRefresh(PlotGrid &grid)
{
    grid.resize(900, 500);
    grid.show();
    if (!QTest::qWaitForWindowExposed(&grid))
        return false;
    grid.refresh();
    return true;
}

void TestPlotGrid::buildSmallGrid(PlotGrid &grid)
{
    grid.setColumns({u"prefork"_s, u"worker"_s, u"event"_s}, SyntheticDashboard::columnColours());
    grid.addRow(u"Throughput"_s, u"requests/s"_s);
    grid.addRow(u"Memory"_s, u"MiB"_s);
    for (int row = 0; row < 2; ++row) {
        for (int column = 0; column < 3; ++column) {
            SeriesStyle style;
            style.colour = SyntheticDashboard::columnColours().at(column);
            grid.addSeries(row, column, u"a"_s, style);
            style.penStyle = Qt::DashLine;
            grid.addSeries(row, column, u"b"_s, style);
        }
    }
}

void TestPlotGrid::rowsShareTheirYRangeAfterAppendsToOneColumn()
{
    PlotGrid grid;
    buildSmallGrid(grid);
    // Only worker has throughput so far; memory has points in every column.
    for (int i = 0; i < 50; ++i) {
        grid.append(0, 1, 0, i / 10.0, 1000 + 40 * i);
        for (int column = 0; column < 3; ++column)
            grid.append(1, column, 1, i / 10.0, 10.0 * (column + 1));
    }
    grid.refresh();

    const QCPRange throughput = grid.plot(0, 1)->yRange();
    QCOMPARE(throughput.lower, 0.0);
    QVERIFY2(throughput.upper >= 1000 + 40 * 49, qPrintable(QString::number(throughput.upper)));
    for (int column = 0; column < 3; ++column)
        QCOMPARE(grid.plot(0, column)->yRange(), throughput);
    QCOMPARE(grid.overlayPlot(0)->yRange(), throughput);

    const QCPRange memory = grid.plot(1, 0)->yRange();
    QCOMPARE(memory.lower, 0.0);
    QVERIFY(memory.upper >= 30 && memory.upper < 1000);
    for (int column = 0; column < 3; ++column)
        QCOMPARE(grid.plot(1, column)->yRange(), memory);

    // A new high in one column raises its whole row, and only its row.
    grid.append(0, 2, 1, 5.0, 9000);
    grid.refresh();
    for (int column = 0; column < 3; ++column) {
        QVERIFY(grid.plot(0, column)->yRange().upper >= 9000);
        QCOMPARE(grid.plot(1, column)->yRange(), memory);
    }
}

void TestPlotGrid::everyPlotSharesTheXRange()
{
    PlotGrid grid;
    buildSmallGrid(grid);
    grid.append(0, 0, 0, 0, 1);
    grid.append(0, 0, 0, 12, 1);
    grid.append(1, 2, 1, 30, 5);
    grid.refresh();
    const QCPRange shared = grid.plot(0, 0)->xRange();
    QCOMPARE(shared.lower, 0.0);
    QVERIFY2(shared.upper >= 30 && shared.upper <= 40, qPrintable(QString::number(shared.upper)));
    for (int row = 0; row < 2; ++row) {
        for (int column = 0; column < 3; ++column)
            QCOMPARE(grid.plot(row, column)->xRange(), shared);
        QCOMPARE(grid.overlayPlot(row)->xRange(), shared);
    }

    // The axis holds until the data reaches its end, then moves on.
    grid.append(1, 2, 1, shared.upper - 0.5, 5);
    grid.refresh();
    QCOMPARE(grid.plot(0, 1)->xRange(), shared);
    grid.append(1, 2, 1, shared.upper + 0.5, 5);
    grid.refresh();
    QVERIFY(grid.plot(0, 1)->xRange().upper > shared.upper + 0.5);
    QCOMPARE(grid.plot(1, 0)->xRange(), grid.plot(0, 1)->xRange());

    grid.setXRange(0, 60);
    grid.refresh();
    QCOMPARE(grid.plot(1, 1)->xRange(), QCPRange(0, 60));
}

void TestPlotGrid::overlayShowsEverySeriesOfItsRow()
{
    PlotGrid grid;
    buildSmallGrid(grid);
    for (int column = 0; column < 3; ++column) {
        for (int i = 0; i < 100; ++i) {
            grid.append(0, column, 0, i / 10.0, 100.0 * (column + 1));
            grid.append(0, column, 1, i / 10.0, 100.0 * (column + 1) + 50);
        }
    }
    grid.setOverlay(true);
    QVERIFY(grid.isOverlay());
    TimeSeriesPlot *overlay = grid.overlayPlot(0);
    QCOMPARE(overlay->seriesCount(), 6);
    QCOMPARE(overlay->seriesName(0), u"prefork – a"_s);
    QCOMPARE(overlay->seriesName(5), u"event – b"_s);
    for (int series = 0; series < 6; ++series)
        QCOMPARE(overlay->pointCount(series), 100);

    grid.resize(900, 500);
    grid.refresh();
    const QString path = TestPaths::outputDir() + u"/plotgrid-overlay-small.png"_s;
    QVERIFY(WidgetExporter::savePng(&grid, path, QSize(900, 500)));
    const QImage image(path);
    QVERIFY(grid.plot(0, 0)->isHidden());
    QVERIFY(!overlay->isHidden());
    // Colour stands for the column here: a key of column colours on top and
    // the row's key of dash patterns replace a twelve-entry legend.
    QVERIFY(!overlay->isLegendVisible());
    const auto keys = grid.findChildren<SeriesKey *>();
    const auto columnKey = std::find_if(keys.cbegin(), keys.cend(), [](const SeriesKey *key) {
        return !key->items().isEmpty() && key->items().front().name == u"prefork"_s;
    });
    QVERIFY(columnKey != keys.cend());
    QVERIFY((*columnKey)->isVisibleTo(&grid));
    QCOMPARE((*columnKey)->items().size(), 3);
    // Every column's colour inside the overlay plot.
    const QRect plotArea(overlay->mapTo(&grid, QPoint(0, 0)), overlay->size());
    for (const QColor &colour : SyntheticDashboard::columnColours())
        QVERIFY2(pixelsNear(image, colour, plotArea) > 100, qPrintable(colour.name()));
}

void TestPlotGrid::overlayNamesColumnAndSeriesWhenColoursAreTheSeries()
{
    // Each series its own colour, the same in every column: only a legend
    // can say which line of the overlay is which column's.
    PlotGrid grid;
    grid.setColumns({u"prefork"_s, u"worker"_s}, SyntheticDashboard::columnColours().mid(0, 2));
    grid.addRow(u"Memory"_s, u"MiB"_s);
    for (int column = 0; column < 2; ++column) {
        grid.addSeries(0, column, u"PSS"_s, ColourBlindPalette::style(3));
        grid.addSeries(0, column, u"RSS"_s, ColourBlindPalette::style(4));
    }
    QVERIFY(!grid.overlayPlot(0)->isLegendVisible()); // not overlaid yet
    grid.setOverlay(true);
    QVERIFY(grid.overlayPlot(0)->isLegendVisible());
    QCOMPARE(grid.overlayPlot(0)->seriesName(3), u"worker – RSS"_s);
    grid.setOverlay(false);
    QVERIFY(!grid.overlayPlot(0)->isLegendVisible());
}

void TestPlotGrid::refreshRedrawsOnlyDirtyPlotsOnScreen()
{
    PlotGrid grid;
    buildSmallGrid(grid);
    for (int column = 0; column < 3; ++column) {
        grid.append(0, column, 0, 0, 10);
        grid.append(0, column, 0, 10, 100);
    }
    QCOMPARE(grid.refresh(), 0); // never shown

    QVERIFY(showAndRefresh(grid));
    QCOMPARE(grid.refresh(), 0); // nothing changed

    // Within the ranges already shown: only that cell is redrawn (its
    // overlay twin is hidden).
    grid.append(0, 1, 0, 10, 50);
    QCOMPARE(grid.refresh(), 1);
    QVERIFY(grid.overlayPlot(0)->isDirty());

    // A new x extends every plot's range: all six cells.
    grid.append(0, 1, 0, 20, 50);
    QCOMPARE(grid.refresh(), 6);

    // Overlay: the cells are hidden and stay dirty; the two overlays redraw.
    grid.setOverlay(true);
    grid.append(1, 0, 0, 21, 5);
    QCOMPARE(grid.refresh(), 2);
    QVERIFY(grid.plot(1, 0)->isDirty());
    QVERIFY(!grid.overlayPlot(1)->isDirty());

    // A hidden grid redraws nothing.
    grid.hide();
    grid.append(1, 0, 0, 22, 6);
    QCOMPARE(grid.refresh(), 0);
}

void TestPlotGrid::columnsOfPlotsLineUp()
{
    // Rows with tick labels of very different widths: the plot areas of a
    // column still start at the same x.
    PlotGrid grid;
    buildSmallGrid(grid);
    for (int column = 0; column < 3; ++column) {
        grid.append(0, column, 0, 0, 0);
        grid.append(0, column, 0, 10, 123456);
        grid.append(1, column, 0, 0, 0);
        grid.append(1, column, 0, 10, 2);
    }
    QVERIFY(showAndRefresh(grid));
    for (int column = 0; column < 3; ++column) {
        const QPointF top = grid.plot(0, column)->pixelFor(0, 0);
        const QPointF bottom = grid.plot(1, column)->pixelFor(0, 0);
        QCOMPARE(grid.plot(0, column)->mapTo(&grid, top.toPoint()).x(),
                 grid.plot(1, column)->mapTo(&grid, bottom.toPoint()).x());
    }
}

void TestPlotGrid::aMovedRangeIsDrawnAgainOverTheNextTurns()
{
    // With no time to spare, a refresh after the x range moved redraws one
    // plot (every line again) and leaves the others for the next turns of
    // the event loop, one plot a turn, until every plot shows the new range.
    PlotGrid grid;
    SyntheticDashboard::build(grid);
    SyntheticDashboard::fill(grid, 0, 60, 10);
    grid.setRedrawBudget(std::chrono::milliseconds(0));
    grid.resize(1200, 900);
    grid.show();
    QVERIFY(QTest::qWaitForWindowExposed(&grid));
    grid.refresh(); // the first shared ranges
    QTRY_VERIFY_WITH_TIMEOUT(!grid.hasPendingRedraws(), 10000);
    const int plots = grid.rowCount() * grid.columnCount();
    const auto count = [&](auto &&predicate) {
        int n = 0;
        for (int row = 0; row < grid.rowCount(); ++row) {
            for (int column = 0; column < grid.columnCount(); ++column)
                n += predicate(grid.plot(row, column)) ? 1 : 0;
        }
        return n;
    };
    QCOMPARE(count([](TimeSeriesPlot *plot) { return plot->isDirty(); }), 0);

    // New points only: every plot they changed is redrawn at once, whatever
    // the budget.
    for (int column = 0; column < grid.columnCount(); ++column)
        grid.append(0, column, 0, 60.05, 1);
    QCOMPARE(grid.refresh(), grid.columnCount());
    QVERIFY(!grid.hasPendingRedraws());

    grid.setXRange(0, 120);
    QCOMPARE(grid.refresh(), 1);
    QVERIFY(grid.hasPendingRedraws());
    QCOMPARE(count([](TimeSeriesPlot *plot) { return plot->willRedrawWhole(); }), plots - 1);
    QTRY_VERIFY_WITH_TIMEOUT(!grid.hasPendingRedraws(), 10000);
    QCOMPARE(count([](TimeSeriesPlot *plot) { return plot->isDirty(); }), 0);
    QCOMPARE(count([](TimeSeriesPlot *plot) { return plot->willRedrawWhole(); }), 0);
}

void TestPlotGrid::dashboardScreenshots_data()
{
    QTest::addColumn<bool>("dark");
    QTest::addColumn<bool>("presentation");
    QTest::addColumn<bool>("overlay");
    QTest::addColumn<QSize>("size");
    QTest::newRow("light") << false << false << false << QSize(1600, 1000);
    QTest::newRow("presentation-dark") << true << true << false << QSize(1920, 1080);
    QTest::newRow("overlay") << false << false << true << QSize(1600, 1000);
    QTest::newRow("small") << false << false << false << QSize(1024, 700);
}

void TestPlotGrid::dashboardScreenshots()
{
    QFETCH(bool, dark);
    QFETCH(bool, presentation);
    QFETCH(bool, overlay);
    QFETCH(QSize, size);
    PlotGrid grid;
    PlotTheme theme;
    theme.dark = dark;
    theme.presentation = presentation;
    grid.applyTheme(theme);
    grid.setNoDataText(u"no data yet"_s);
    SyntheticDashboard::build(grid);
    SyntheticDashboard::fill(grid, 0, 60, 10);
    grid.setOverlay(overlay);
    grid.resize(size);
    grid.show();
    QVERIFY(QTest::qWaitForWindowExposed(&grid));
    QVERIFY(grid.refresh() > 0);

    // As on screen (the plots' own buffers), then as exported (drawn anew).
    const QString tag = QString::fromLatin1(QTest::currentDataTag());
    const QImage screen = grid.grab().toImage();
    QVERIFY(screen.save(TestPaths::outputDir() + u"/plotgrid-%1-screen.png"_s.arg(tag)));
    for (const QColor &colour : SyntheticDashboard::columnColours())
        QVERIFY2(pixelsNear(screen, colour, screen.rect()) > 500, qPrintable(colour.name()));
    const QString path = TestPaths::outputDir() + u"/plotgrid-%1.png"_s.arg(tag);
    QString error;
    QVERIFY2(WidgetExporter::savePng(&grid, path, size, &error), qPrintable(error));
    const QImage image(path);
    QCOMPARE(image.size(), size);
    QVERIFY(distinctColours(image) >= minimumColoursOfAPaintedWindow);
    for (const QColor &colour : SyntheticDashboard::columnColours())
        QVERIFY2(pixelsNear(image, colour, image.rect()) > 500, qPrintable(colour.name()));
}

QTEST_MAIN(TestPlotGrid)
#include "tst_plotgrid.moc"
