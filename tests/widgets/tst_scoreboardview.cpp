#include "../app/ScreenshotCheck.h"
#include "ColourBlindPalette.h"
#include "PixelChecks.h"
#include "ScoreboardView.h"
#include "TestPaths.h"
#include "WidgetExporter.h"

#include <QtTest>

using namespace Qt::StringLiterals;

// ScoreboardView: counts in the legend, a cell per slot in its symbol's
// colour, wrapping for large scoreboards. Screenshots of a prefork
// scoreboard full of keep-alive slots and of a large event one.
class TestScoreboardView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void legendCountsEverySymbol();
    void cellsWearTheirSymbolsColour_data();
    void cellsWearTheirSymbolsColour();
    void largeScoreboardsWrapInsideTheWidget();
    void screenshots_data();
    void screenshots();

private:
    static QList<ScoreboardView::Entry> modStatusLegend();
};

QList<ScoreboardView::Entry> TestScoreboardView::modStatusLegend()
{
    using Colour = ColourBlindPalette::Colour;
    const auto colour = [](Colour c) { return ColourBlindPalette::colour(c); };
    return {
        {u'_', QColor(0xC8, 0xE6, 0xC9), u"waiting"_s},
        {u'S', colour(Colour::SkyBlue), u"starting"_s},
        {u'R', colour(Colour::Yellow), u"reading"_s},
        {u'W', colour(Colour::Orange), u"writing"_s},
        {u'K', colour(Colour::Vermillion), u"keep-alive"_s},
        {u'C', colour(Colour::ReddishPurple), u"closing"_s},
        {u'G', colour(Colour::Blue), u"finishing"_s},
        {u'.', Qt::transparent, u"open slot"_s},
    };
}

void TestScoreboardView::legendCountsEverySymbol()
{
    ScoreboardView view;
    view.setLegend(modStatusLegend());
    view.setSlots(u"KKKKW_R..X"_s);
    QCOMPARE(view.count(u'K'), 4);
    QCOMPARE(view.count(u'.'), 2);
    QCOMPARE(view.count(u'S'), 0);
    const QStringList texts = view.legendTexts();
    QVERIFY2(texts.contains(u"keep-alive: 4"_s), qPrintable(texts.join(u", ")));
    QVERIFY(texts.contains(u"writing: 1"_s));
    QVERIFY(texts.contains(u"waiting: 1"_s));
    QVERIFY(texts.contains(u"starting: 0"_s));
    QVERIFY(texts.contains(u"open slot: 2"_s));
    QVERIFY2(texts.contains(u"other: 1"_s), qPrintable(texts.join(u", "))); // the X

    view.setSlots(u"__________"_s);
    QVERIFY(view.legendTexts().contains(u"keep-alive: 0"_s));
    QVERIFY(view.legendTexts().contains(u"waiting: 10"_s));
    QVERIFY(!view.legendTexts().contains(u"other: 1"_s));
}

void TestScoreboardView::cellsWearTheirSymbolsColour_data()
{
    QTest::addColumn<int>("slotCount");
    QTest::newRow("150 slots, with symbols") << 150;
    QTest::newRow("1024 slots, plain cells") << 1024;
}

void TestScoreboardView::cellsWearTheirSymbolsColour()
{
    QFETCH(int, slotCount);
    ScoreboardView view;
    view.setLegend(modStatusLegend());
    QString symbols(slotCount, u'K');
    symbols[0] = u'_';
    symbols[slotCount - 1] = u'W';
    view.setSlots(symbols);
    view.resize(600, 400);
    const QImage image = WidgetExporter::toImage(&view);
    const auto corner = [&](int index) {
        // A cell's corner: its fill, away from the symbol drawn in its middle.
        const QRect cell = view.cellRect(index);
        return image.pixelColor(cell.topLeft() + QPoint(1, 1));
    };
    QVERIFY(!view.cellRect(slotCount - 1).isEmpty());
    QCOMPARE(corner(0), modStatusLegend().at(0).colour);
    QCOMPARE(corner(1), modStatusLegend().at(4).colour);
    QCOMPARE(corner(slotCount - 1), modStatusLegend().at(3).colour);
}

void TestScoreboardView::largeScoreboardsWrapInsideTheWidget()
{
    ScoreboardView view;
    view.setTitle(u"Scoreboard"_s);
    view.setCaption(u"a caption"_s);
    view.setLegend(modStatusLegend());
    view.setSlots(QString(4096, u'_'));
    for (const int width : {300, 700}) {
        view.resize(width, view.heightForWidth(width));
        const QRect last = view.cellRect(4095);
        QVERIFY(view.rect().contains(last));
        QVERIFY2(last.width() >= 4, qPrintable(QString::number(last.width())));
        QVERIFY(view.cellRect(1).left() > view.cellRect(0).left());
    }
    // Squeezed into less height than it wants, the cells shrink to fit.
    view.resize(700, 200);
    QVERIFY(view.rect().contains(view.cellRect(4095)));
}

void TestScoreboardView::screenshots_data()
{
    QTest::addColumn<QString>("symbols");
    QTest::addColumn<bool>("dark");
    QTest::addColumn<bool>("presentation");
    QTest::addColumn<QSize>("size");
    // prefork under the keep-alive scenario: 150 processes, nearly all
    // held by idle keep-alive connections.
    const QString prefork = QString(142, u'K') + u"WWR_C_K_"_s + QString(106, u'.');
    // event: 400 threads mostly free, the connections parked asynchronously.
    const QString event = u"_W__R___K_"_s.repeated(40) + QString(624, u'.');
    QTest::newRow("prefork") << prefork << false << false << QSize(640, 0);
    QTest::newRow("event-1024") << event << false << false << QSize(640, 0);
    QTest::newRow("prefork-presentation-dark") << prefork << true << true << QSize(900, 0);
}

void TestScoreboardView::screenshots()
{
    QFETCH(QString, symbols);
    QFETCH(bool, dark);
    QFETCH(bool, presentation);
    QFETCH(QSize, size);
    ScoreboardView view;
    PlotTheme theme;
    theme.dark = dark;
    theme.presentation = presentation;
    view.applyTheme(theme);
    view.setTitle(u"mod_status scoreboard"_s);
    view.setCaption(u"async connections: 0 writing, 140 keep-alive, 2 closing"_s);
    view.setLegend(modStatusLegend());
    view.setSlots(symbols);
    size.setHeight(view.heightForWidth(size.width()));
    const QString path =
        TestPaths::outputDir()
        + u"/scoreboard-%1.png"_s.arg(QString::fromLatin1(QTest::currentDataTag()));
    QVERIFY(WidgetExporter::savePng(&view, path, size));
    const QImage image(path);
    QCOMPARE(image.size(), size);
    QVERIFY(distinctColours(image) >= minimumColoursOfAPaintedWindow);
}

QTEST_MAIN(TestScoreboardView)
#include "tst_scoreboardview.moc"
