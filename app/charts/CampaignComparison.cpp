#include "CampaignComparison.h"

#include "ComparisonBarChart.h"
#include "MpmStyle.h"
#include "PercentileChart.h"
#include "run/MetricCatalog.h"
#include "scenario/CampaignResult.h"

#include <QGridLayout>
#include <QJsonObject>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace mpmlab;

namespace {

constexpr int chartColumns = 4;
constexpr int chartMinimumWidth = 240;  // px
constexpr int chartMinimumHeight = 160; // px: three rows leave the verdicts room

// The run whose percentiles stand for an MPM: its first complete one.
const RunRecord *representative(const CampaignResult &campaign, MpmKind mpm)
{
    for (const RunRecord *run : campaign.runsOf(mpm)) {
        if (run->completed)
            return run;
    }
    return nullptr;
}

} // namespace

CampaignComparison::CampaignComparison(QWidget *parent)
    : QWidget(parent)
    , m_charts(new QWidget(this))
    , m_percentiles(new PercentileChart(m_charts))
    , m_verdicts(new QTextBrowser(this))
{
    auto *grid = new QGridLayout(m_charts);
    grid->setContentsMargins(0, 0, 0, 0);
    const QStringList figures = metrics();
    for (int i = 0; i < figures.size(); ++i) {
        auto *chart = new ComparisonBarChart(m_charts);
        chart->setMinimumSize(chartMinimumWidth, chartMinimumHeight);
        grid->addWidget(chart, i / chartColumns, i % chartColumns);
        m_bars << chart;
    }
    m_percentiles->setMinimumSize(chartMinimumWidth, chartMinimumHeight);
    m_percentiles->setTitle(tr("Latency by percentile"));
    m_percentiles->setYLabel(tr("latency (ms)"));
    m_percentiles->setMaxLabel(tr("max"));
    m_percentiles->setLogScale(true);
    grid->addWidget(m_percentiles, int(figures.size()) / chartColumns,
                    int(figures.size()) % chartColumns, 1,
                    chartColumns - int(figures.size()) % chartColumns);
    m_verdicts->setObjectName(u"verdicts"_s);
    m_verdicts->setOpenLinks(false);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_charts);
    splitter->addWidget(m_verdicts);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
}

QStringList CampaignComparison::metrics()
{
    return {u"requestsPerSecond"_s,  u"p50Ms"_s,           u"p99Ms"_s,      u"failureRatio"_s,
            u"clientsNeverServed"_s, u"peakPssKib"_s,      u"peakRssKib"_s, u"peakProcesses"_s,
            u"peakThreads"_s,        u"serverCpuSeconds"_s};
}

void CampaignComparison::showCampaign(const CampaignResult &campaign, const QString &language)
{
    QStringList names;
    QList<QColor> colours;
    for (MpmKind mpm : campaign.mpms) {
        names << mpmName(mpm);
        colours << MpmStyle::colour(mpm);
    }
    const QStringList figures = metrics();
    for (int i = 0; i < figures.size(); ++i) {
        const QString &metric = figures.at(i);
        const std::optional<MetricCatalog::Info> info = MetricCatalog::find(metric);
        const double divisor = info ? info->divisor : 1.0;
        ComparisonBarChart *chart = m_bars.at(i);
        chart->setTitle(MetricCatalog::label(metric, language));
        chart->setUnit(info ? info->unit : QString());
        chart->setMaxDecimals(info ? info->decimals : 2);
        chart->setSubjects(names, colours);
        QList<BarValue> values;
        for (MpmKind mpm : campaign.mpms) {
            BarValue bar;
            if (const std::optional<Spread> spread = campaign.spread(mpm, metric)) {
                bar.value = spread->median / divisor;
                if (spread->runs > 1) {
                    bar.low = spread->min / divisor;
                    bar.high = spread->max / divisor;
                }
            } else {
                const QList<const RunRecord *> runs = campaign.runsOf(mpm);
                const bool started = std::any_of(runs.begin(), runs.end(),
                                                 [](const RunRecord *r) { return r->started; });
                bar.note = runs.isEmpty() ? tr("not run")
                           : !started     ? tr("did not start")
                                          : tr("not measured");
            }
            values << bar;
        }
        chart->setValues(values);
    }

    m_percentiles->clear();
    for (MpmKind mpm : campaign.mpms) {
        const RunRecord *run = representative(campaign, mpm);
        if (!run)
            continue;
        const QJsonObject percentiles =
            run->loadResult.value(u"total"_s).toObject().value(u"percentilesMs"_s).toObject();
        if (run->summary.counters.completed == 0 || percentiles.isEmpty())
            continue; // nothing completed: no latency to draw, not a flat 0
        QList<QPointF> points;
        for (auto it = percentiles.begin(); it != percentiles.end(); ++it)
            points << QPointF(it.key().toDouble(), it.value().toDouble());
        m_percentiles->addCurve(mpmName(mpm), MpmStyle::series(mpm, 0), points);
    }
    m_verdicts->setHtml(verdictsHtml(campaign, language));
}

QString CampaignComparison::verdictsHtml(const CampaignResult &campaign, const QString &language)
{
    QString html = u"<h3>%1</h3><p>%2</p>"_s.arg(
        campaign.scenario.name.in(language).toHtmlEscaped(),
        QString(tr("The course expects: ") + campaign.scenario.expectation.in(language))
            .toHtmlEscaped());
    for (const Verdict &verdict : campaign.verdicts) {
        const QString mark =
            !verdict.held   ? u"<span style='color:#7a6a00'>? %1</span>"_s.arg(tr("undecided"))
            : *verdict.held ? u"<span style='color:#1b7f3a'>✔ %1</span>"_s.arg(tr("held"))
                            : u"<span style='color:#b3261e'>✘ %1</span>"_s.arg(tr("did not hold"));
        html += u"<p><b>%1</b> — %2<br>"_s.arg(mark, verdict.expected.in(language).toHtmlEscaped());
        for (const LocalizedText &line : verdict.evidence)
            html += u"<span style='color:gray'>&nbsp;&nbsp;%1</span><br>"_s.arg(
                line.in(language).toHtmlEscaped());
        html += u"</p>"_s;
    }
    if (campaign.cancelled)
        html += u"<p><i>%1</i></p>"_s.arg(tr("The campaign was stopped before its end."));
    if (!campaign.restoreError.isEmpty()) {
        html += u"<p style='color:#b3261e'>%1</p>"_s.arg(
            tr("The server could not be put back: %1").arg(campaign.restoreError).toHtmlEscaped());
    }
    return html;
}

QString CampaignComparison::verdictsText() const { return m_verdicts->toPlainText(); }

void CampaignComparison::applyTheme(const PlotTheme &theme)
{
    for (ComparisonBarChart *chart : std::as_const(m_bars))
        chart->applyTheme(theme);
    m_percentiles->applyTheme(theme);
}
