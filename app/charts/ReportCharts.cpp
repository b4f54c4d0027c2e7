#include "ReportCharts.h"

#include "CampaignComparison.h"
#include "CampaignDashboard.h"
#include "ComparisonBarChart.h"
#include "PercentileChart.h"
#include "WidgetExporter.h"
#include "common/AtomicFile.h"
#include "results/CampaignFile.h"
#include "results/SeriesCsv.h"
#include "results/TextReport.h"
#include "run/MetricCatalog.h"
#include "scenario/CampaignResult.h"

#include <QBuffer>
#include <QDir>

using namespace Qt::StringLiterals;
using namespace mpmlab;

namespace {

Error cannotWrite(const QString &path, const QString &why)
{
    return Error{Error::Kind::Io, u"cannot write %1: %2"_s.arg(path, why), {}};
}

// `widget` as PNG and SVG named `stem` in `directory`; the PNG's bytes.
Result<QByteArray> exportBoth(QWidget *widget, const QString &directory, const QString &stem,
                              QSize size)
{
    const QImage image = WidgetExporter::toImage(widget, size);
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    if (image.isNull() || !image.save(&buffer, "PNG"))
        return cannotWrite(stem + u".png"_s, u"the chart could not be drawn"_s);
    const QString pngPath = QDir(directory).filePath(stem + u".png"_s);
    if (Status written = writeFileAtomically(pngPath, png); !written)
        return written.error();
    const QString svgPath = QDir(directory).filePath(stem + u".svg"_s);
    QString error;
    if (!WidgetExporter::saveSvg(widget, svgPath, size, &error))
        return cannotWrite(svgPath, error);
    return png;
}

} // namespace

Result<QList<HtmlReport::Chart>> ReportCharts::write(const CampaignResult &campaign,
                                                     const QString &directory,
                                                     const QString &language,
                                                     const PlotTheme &theme)
{
    QList<HtmlReport::Chart> charts;
    CampaignDashboard dashboard;
    dashboard.applyTheme(theme);
    dashboard.showCampaign(campaign, language);
    const Result<QByteArray> board =
        exportBoth(&dashboard, directory, u"dashboard"_s, dashboardSize);
    if (!board)
        return board.error();
    charts << HtmlReport::Chart{tr("Side by side, as it ran"), *board};

    CampaignComparison comparison;
    comparison.applyTheme(theme);
    comparison.showCampaign(campaign, language);
    const Result<QByteArray> compared =
        exportBoth(comparison.chartsArea(), directory, u"comparison"_s, comparisonSize);
    if (!compared)
        return compared.error();
    charts << HtmlReport::Chart{tr("Compared"), *compared};

    const QStringList metrics = CampaignComparison::metrics();
    for (int i = 0; i < metrics.size(); ++i) {
        const Result<QByteArray> one = exportBoth(comparison.barCharts().at(i), directory,
                                                  u"chart-"_s + metrics.at(i), chartSize);
        if (!one)
            return one.error();
    }
    if (const Result<QByteArray> percentiles =
            exportBoth(comparison.percentileChart(), directory, u"chart-percentiles"_s, chartSize);
        !percentiles) {
        return percentiles.error();
    }
    return charts;
}

Status ReportCharts::writeAll(const CampaignResult &campaign, const QString &directory,
                              const QString &language)
{
    if (Status saved = CampaignFile::save(campaign, QDir(directory).filePath(u"campaign.json"_s));
        !saved)
        return saved;
    if (Result<QStringList> csv = SeriesCsv::write(campaign, directory); !csv)
        return csv.error();
    if (Status text = writeFileAtomically(QDir(directory).filePath(u"report.txt"_s),
                                          TextReport::render(campaign, language).toUtf8());
        !text)
        return text;
    const Result<QList<HtmlReport::Chart>> charts = write(campaign, directory, language);
    if (!charts)
        return charts.error();
    return writeFileAtomically(QDir(directory).filePath(u"report.html"_s),
                               HtmlReport::render(campaign, *charts, language));
}
