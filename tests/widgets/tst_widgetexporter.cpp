#include "../app/ScreenshotCheck.h"
#include "ColourBlindPalette.h"
#include "PixelChecks.h"
#include "PlotGrid.h"
#include "SyntheticDashboard.h"
#include "TestPaths.h"
#include "TimeSeriesPlot.h"
#include "WidgetExporter.h"

#include <QClipboard>
#include <QLabel>
#include <QPainter>
#include <QRegularExpression>
#include <QVBoxLayout>
#include <QXmlStreamReader>
#include <QtTest>

using namespace Qt::StringLiterals;

// WidgetExporter as the command line uses it (widgets never shown, the
// offscreen platform) and as the window does (a widget inside a layout):
// exact sizes, real glyphs, parseable SVG with vector plots, a PDF page.
class TestWidgetExporter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fontsHaveGlyphsNotBoxes();
    void pngOfANeverShownDashboardHasTheRequestedSize_data();
    void pngOfANeverShownDashboardHasTheRequestedSize();
    void svgIsXmlWithThePlotsAsVectors();
    void pdfIsOnePageTheSizeOfTheWidget();
    void clipboardGetsTheImage();
    void aWidgetInALayoutKeepsItsSize();
    void unwritablePathSaysWhy();

private:
    static std::unique_ptr<PlotGrid> dashboard();
    static SeriesStyle wideStyle(int index);
};

// Wide enough for the series' colour to survive antialiasing.
SeriesStyle TestWidgetExporter::wideStyle(int index)
{
    SeriesStyle style = ColourBlindPalette::style(index);
    style.width = 3;
    return style;
}

std::unique_ptr<PlotGrid> TestWidgetExporter::dashboard()
{
    auto grid = std::make_unique<PlotGrid>();
    SyntheticDashboard::build(*grid);
    SyntheticDashboard::fill(*grid, 0, 60, 10);
    grid->refresh(); // ranges; nothing is drawn while never shown
    return grid;
}

void TestWidgetExporter::fontsHaveGlyphsNotBoxes()
{
    // Without fonts (fonts-dejavu-core missing) Qt draws every glyph as the
    // same box, silently: two different digits would come out alike.
    const auto render = [](const QString &text) {
        QLabel label(text);
        QFont font = label.font();
        font.setPixelSize(40);
        label.setFont(font);
        return WidgetExporter::toImage(&label, QSize(60, 60));
    };
    QVERIFY(render(u"1"_s) != render(u"8"_s));
    QVERIFY(render(u"I"_s) != render(u"W"_s));
}

void TestWidgetExporter::pngOfANeverShownDashboardHasTheRequestedSize_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("1200x800") << QSize(1200, 800);
    QTest::newRow("1920x1080") << QSize(1920, 1080);
    QTest::newRow("801x601") << QSize(801, 601);
}

void TestWidgetExporter::pngOfANeverShownDashboardHasTheRequestedSize()
{
    QFETCH(QSize, size);
    const auto grid = dashboard();
    QVERIFY(!grid->isVisible());
    const QString path = TestPaths::outputDir()
                         + u"/export-dashboard-%1x%2.png"_s.arg(size.width()).arg(size.height());
    QString error;
    QVERIFY2(WidgetExporter::savePng(grid.get(), path, size, &error), qPrintable(error));
    const QImage image(path);
    QCOMPARE(image.size(), size);
    QVERIFY(distinctColours(image) >= minimumColoursOfAPaintedWindow);
    for (const QColor &colour : SyntheticDashboard::columnColours())
        QVERIFY2(pixelsNear(image, colour, image.rect()) > 300, qPrintable(colour.name()));
    QVERIFY(!grid->isVisible());
}

void TestWidgetExporter::svgIsXmlWithThePlotsAsVectors()
{
    const auto grid = dashboard();
    const QString path = TestPaths::outputDir() + u"/export-dashboard.svg"_s;
    QString error;
    QVERIFY2(WidgetExporter::saveSvg(grid.get(), path, QSize(1200, 800), &error),
             qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QString root;
    int paths = 0;
    int images = 0;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (root.isEmpty())
            root = xml.name().toString();
        if (xml.name() == u"path" || xml.name() == u"polyline")
            ++paths;
        if (xml.name() == u"image")
            ++images;
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(root, u"svg"_s);
    QVERIFY2(paths > 100, qPrintable(QString::number(paths)));
    // QCustomPlot drawn as lines, not as pictures of its screen buffer.
    QCOMPARE(images, 0);
    file.seek(0);
    const QString text = QString::fromUtf8(file.readAll());
    QVERIFY(text.contains(u"width=\"1200"_s) || text.contains(u"viewBox=\"0 0 1200 800\""_s));
    QVERIFY(text.contains(u"Throughput"_s)); // text stays text
    // In the row's key only: the plots' legends are hidden in a grid.
    QCOMPARE(text.count(u">completed<"_s), 1);
    // A family a browser knows, not Qt's "Sans Serif" (drawn with serifs).
    QVERIFY(text.contains(u"font-family=\"sans-serif\""_s));
}

void TestWidgetExporter::pdfIsOnePageTheSizeOfTheWidget()
{
    const auto grid = dashboard();
    const QString path = TestPaths::outputDir() + u"/export-dashboard.pdf"_s;
    QString error;
    const QSize size(1200, 800);
    QVERIFY2(WidgetExporter::savePdf(grid.get(), path, size, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray pdf = file.readAll();
    QVERIFY(pdf.startsWith("%PDF"));
    QCOMPARE(pdf.count("/Type /Page\n") + pdf.count("/Type /Page "), 1);
    // The page is the widget's size at the screen's resolution, in points.
    const QRegularExpression mediaBox(u"/MediaBox \\[0 0 ([0-9.]+) ([0-9.]+)\\]"_s);
    const QRegularExpressionMatch match = mediaBox.match(QString::fromLatin1(pdf));
    QVERIFY(match.hasMatch());
    const double dpi = grid->logicalDpiX();
    QVERIFY(std::abs(match.captured(1).toDouble() - size.width() * 72.0 / dpi) < 1);
    QVERIFY(std::abs(match.captured(2).toDouble() - size.height() * 72.0 / dpi) < 1);
}

void TestWidgetExporter::clipboardGetsTheImage()
{
    TimeSeriesPlot plot;
    const int series = plot.addSeries(u"a"_s, wideStyle(0));
    plot.appendData(series, {0, 1, 2}, {1, 3, 2});
    WidgetExporter::copyToClipboard(&plot, QSize(500, 300));
    const QImage copied = QGuiApplication::clipboard()->image();
    QCOMPARE(copied.size(), QSize(500, 300));
    QVERIFY(pixelsNear(copied, ColourBlindPalette::colour(0), copied.rect()) > 50);
}

void TestWidgetExporter::aWidgetInALayoutKeepsItsSize()
{
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *title = new QLabel(u"A window with a plot in it"_s);
    auto *plot = new TimeSeriesPlot;
    layout->addWidget(title);
    layout->addWidget(plot);
    const int series = plot->addSeries(u"a"_s, wideStyle(1));
    plot->appendData(series, {0, 1, 2}, {1, 3, 2});
    window.resize(640, 480);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QSize onScreen = plot->size();

    const QString path = TestPaths::outputDir() + u"/export-plot-in-window.png"_s;
    QVERIFY(WidgetExporter::savePng(plot, path, QSize(1280, 720)));
    QCOMPARE(QImage(path).size(), QSize(1280, 720));
    QCOMPARE(plot->size(), onScreen);
    QCOMPARE(window.size(), QSize(640, 480));
    QVERIFY(pixelsNear(QImage(path), ColourBlindPalette::colour(1), QRect(0, 0, 1280, 720)) > 100);
}

void TestWidgetExporter::unwritablePathSaysWhy()
{
    TimeSeriesPlot plot;
    const QString path = u"/nonexistent-directory/plot.png"_s;
    QString error;
    QVERIFY(!WidgetExporter::savePng(&plot, path, QSize(100, 100), &error));
    QVERIFY2(error.contains(path), qPrintable(error));
    QVERIFY(!WidgetExporter::saveSvg(&plot, path, QSize(100, 100), &error));
    QVERIFY(!WidgetExporter::savePdf(&plot, path, QSize(100, 100), &error));
}

QTEST_MAIN(TestWidgetExporter)
#include "tst_widgetexporter.moc"
