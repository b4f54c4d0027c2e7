#include "../app/ScreenshotCheck.h"
#include "ComparisonBarChart.h"
#include "PixelChecks.h"
#include "SyntheticDashboard.h"
#include "TestPaths.h"
#include "WidgetExporter.h"

#include <QtTest>

using namespace Qt::StringLiterals;

// ComparisonBarChart: bars from 0 in their subjects' colours, values over
// them, and a subject without a value shown as such, never as a bar of 0.
class TestComparisonBarChart : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void barsCarryTheirValues();
    void aMissingValueIsNotABarOfZero();
    void screenshots_data();
    void screenshots();

private:
    static void fill(ComparisonBarChart &chart);
};

void TestComparisonBarChart::fill(ComparisonBarChart &chart)
{
    chart.setTitle(u"Requests per second"_s);
    chart.setUnit(u"requests/s"_s);
    chart.setSubjects(SyntheticDashboard::columns(), SyntheticDashboard::columnColours());
    BarValue prefork{4210.0, 3950.0, 4480.0, QString()};
    BarValue worker{std::nullopt, std::nullopt, std::nullopt, u"did not start"_s};
    BarValue event{6120.0, 6050.0, 6300.0, u"3 runs"_s};
    chart.setValues({prefork, worker, event});
}

void TestComparisonBarChart::barsCarryTheirValues()
{
    ComparisonBarChart chart;
    fill(chart);
    QCOMPARE(chart.labelText(0), ComparisonBarChart::formatValue(4210));
    QCOMPARE(chart.labelText(2), ComparisonBarChart::formatValue(6120) + u"\n3 runs"_s);
    QCOMPARE(ComparisonBarChart::formatValue(0.4213), QLocale().toString(0.42, 'f', 2));
    QCOMPARE(ComparisonBarChart::formatValue(12.34), QLocale().toString(12.3, 'f', 1));

    chart.resize(640, 420);
    const QImage image = WidgetExporter::toImage(&chart);
    // The bar fills its slot near the baseline in its subject's colour.
    const QRectF slot = chart.slotRect(0);
    const QRect nearBaseline(int(slot.left()) + 4, int(slot.bottom()) - 12, int(slot.width()) - 8,
                             8);
    QVERIFY(pixelsNear(image, SyntheticDashboard::columnColours().at(0), nearBaseline, 10)
            > nearBaseline.width() * nearBaseline.height() / 2);
}

void TestComparisonBarChart::aMissingValueIsNotABarOfZero()
{
    ComparisonBarChart chart;
    fill(chart);
    QCOMPARE(chart.labelText(1), u"did not start"_s);
    QVERIFY(chart.labelText(1) != ComparisonBarChart::formatValue(0));

    chart.resize(640, 420);
    const QImage image = WidgetExporter::toImage(&chart);
    QVERIFY(image.save(TestPaths::outputDir() + u"/barchart-missing.png"_s));
    // Inside the empty slot (its dashed outline aside), nothing of the
    // subject's colour: no bar, not even a flat one at 0.
    const QRectF slot = chart.slotRect(1);
    const QRect inside = slot.toRect().adjusted(6, 6, -6, -6);
    QVERIFY(inside.height() > 100);
    QCOMPARE(pixelsNear(image, SyntheticDashboard::columnColours().at(1), inside, 60), 0);
    const QRect baseline(inside.left(), int(slot.bottom()) - 3, inside.width(), 3);
    QCOMPARE(pixelsNear(image, SyntheticDashboard::columnColours().at(1), baseline, 60), 0);
}

void TestComparisonBarChart::screenshots_data()
{
    QTest::addColumn<bool>("dark");
    QTest::addColumn<bool>("presentation");
    QTest::addColumn<QSize>("size");
    QTest::newRow("light") << false << false << QSize(640, 420);
    QTest::newRow("presentation-dark") << true << true << QSize(1000, 650);
    QTest::newRow("small") << false << false << QSize(360, 260);
}

void TestComparisonBarChart::screenshots()
{
    QFETCH(bool, dark);
    QFETCH(bool, presentation);
    QFETCH(QSize, size);
    ComparisonBarChart chart;
    PlotTheme theme;
    theme.dark = dark;
    theme.presentation = presentation;
    chart.applyTheme(theme);
    fill(chart);
    const QString path = TestPaths::outputDir()
                         + u"/barchart-%1.png"_s.arg(QString::fromLatin1(QTest::currentDataTag()));
    QVERIFY(WidgetExporter::savePng(&chart, path, size));
    const QImage image(path);
    QCOMPARE(image.size(), size);
    QVERIFY(distinctColours(image) >= minimumColoursOfAPaintedWindow);
    QVERIFY(pixelsNear(image, SyntheticDashboard::columnColours().at(2), image.rect(), 10) > 500);
}

QTEST_MAIN(TestComparisonBarChart)
#include "tst_comparisonbarchart.moc"
