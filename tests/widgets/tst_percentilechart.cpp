#include "../app/ScreenshotCheck.h"
#include "PercentileChart.h"
#include "PixelChecks.h"
#include "SyntheticDashboard.h"
#include "TestPaths.h"
#include "WidgetExporter.h"

#include <QtTest>
#include <cmath>

using namespace Qt::StringLiterals;

// PercentileChart: the tail spread out (90%, 99%, 99.9% a decade apart),
// labelled in percent, in ms on a linear or log scale.
class TestPercentileChart : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void percentilesAreADecadeApart();
    void labelsThePercentiles();
    void logScaleSpacesMillisecondsByDecade();
    void screenshots_data();
    void screenshots();

private:
    static void fill(PercentileChart &chart);
};

void TestPercentileChart::fill(PercentileChart &chart)
{
    chart.setTitle(u"Latency by percentile"_s);
    chart.setYLabel(u"latency (ms)"_s);
    const QList<double> percentiles{50, 75, 90, 95, 99, 99.9, 100};
    const QList<QList<double>> ms{{12, 20, 45, 80, 400, 1050, 1300},
                                  {8, 11, 18, 25, 60, 210, 380},
                                  {2.1, 2.6, 3.4, 4.2, 7.5, 19, 31}};
    for (int subject = 0; subject < 3; ++subject) {
        QList<QPointF> points;
        for (qsizetype i = 0; i < percentiles.size(); ++i)
            points.append({percentiles.at(i), ms.at(subject).at(i)});
        SeriesStyle style;
        style.colour = SyntheticDashboard::columnColours().at(subject);
        style.penStyle = subject == 0 ? Qt::SolidLine : subject == 1 ? Qt::DashLine : Qt::DotLine;
        chart.addCurve(SyntheticDashboard::columns().at(subject), style, points);
    }
}

void TestPercentileChart::percentilesAreADecadeApart()
{
    QCOMPARE(PercentileChart::percentileToX(90), 1.0);
    QCOMPARE(PercentileChart::percentileToX(99), 2.0);
    QVERIFY(std::abs(PercentileChart::percentileToX(99.9) - 3.0) < 1e-9);
    QVERIFY(std::abs(PercentileChart::percentileToX(50) - std::log10(2.0)) < 1e-12);

    PercentileChart chart;
    chart.addCurve(u"a"_s, Qt::red, {{50, 1}, {90, 2}, {99, 3}, {99.9, 4}});
    chart.resize(800, 400);
    (void)WidgetExporter::toImage(&chart);
    const double x90 = chart.pixelFor(90, 1).x();
    const double x99 = chart.pixelFor(99, 1).x();
    const double x999 = chart.pixelFor(99.9, 1).x();
    QVERIFY2(x99 - x90 > 100, qPrintable(u"%1 %2"_s.arg(x90).arg(x99)));
    QVERIFY2(std::abs((x999 - x99) - (x99 - x90)) <= 1.5,
             qPrintable(u"%1 %2 %3"_s.arg(x90).arg(x99).arg(x999)));
}

void TestPercentileChart::labelsThePercentiles()
{
    PercentileChart chart;
    chart.addCurve(u"a"_s, Qt::red, {{50, 1}, {99.99, 4}});
    QCOMPARE(chart.xLabels(), (QStringList{u"50%"_s, QLocale().toString(90.0, 'f', 0) + u'%',
                                           QLocale().toString(99.0, 'f', 0) + u'%',
                                           QLocale().toString(99.9, 'f', 1) + u'%',
                                           QLocale().toString(99.99, 'f', 2) + u'%'}));
    chart.addCurve(u"b"_s, Qt::blue, {{50, 1}, {100, 9}});
    QCOMPARE(chart.xLabels().last(), u"max"_s);
}

void TestPercentileChart::logScaleSpacesMillisecondsByDecade()
{
    PercentileChart chart;
    chart.addCurve(u"a"_s, Qt::red, {{50, 1}, {90, 10}, {99, 100}, {99.9, 1000}});
    chart.setLogScale(true);
    QVERIFY(chart.isLogScale());
    chart.resize(800, 500);
    (void)WidgetExporter::toImage(&chart);
    const double y1 = chart.pixelFor(50, 1).y();
    const double y10 = chart.pixelFor(50, 10).y();
    const double y100 = chart.pixelFor(50, 100).y();
    QVERIFY(y1 - y10 > 50);
    QVERIFY2(std::abs((y1 - y10) - (y10 - y100)) <= 1.5,
             qPrintable(u"%1 %2 %3"_s.arg(y1).arg(y10).arg(y100)));
}

void TestPercentileChart::screenshots_data()
{
    QTest::addColumn<bool>("logScale");
    QTest::addColumn<bool>("dark");
    QTest::addColumn<bool>("presentation");
    QTest::newRow("linear") << false << false << false;
    QTest::newRow("log") << true << false << false;
    QTest::newRow("log-presentation-dark") << true << true << true;
}

void TestPercentileChart::screenshots()
{
    QFETCH(bool, logScale);
    QFETCH(bool, dark);
    QFETCH(bool, presentation);
    PercentileChart chart;
    PlotTheme theme;
    theme.dark = dark;
    theme.presentation = presentation;
    chart.applyTheme(theme);
    fill(chart);
    chart.setLogScale(logScale);
    const QSize size = presentation ? QSize(1000, 650) : QSize(720, 440);
    const QString path =
        TestPaths::outputDir()
        + u"/percentiles-%1.png"_s.arg(QString::fromLatin1(QTest::currentDataTag()));
    QVERIFY(WidgetExporter::savePng(&chart, path, size));
    const QImage image(path);
    QCOMPARE(image.size(), size);
    QVERIFY(distinctColours(image) >= minimumColoursOfAPaintedWindow);
    for (const QColor &colour : SyntheticDashboard::columnColours())
        QVERIFY2(pixelsNear(image, colour, image.rect()) > 100, qPrintable(colour.name()));
}

QTEST_MAIN(TestPercentileChart)
#include "tst_percentilechart.moc"
