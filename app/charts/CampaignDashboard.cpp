#include "CampaignDashboard.h"

#include "MpmStyle.h"
#include "PlotGrid.h"
#include "ScoreboardLegend.h"
#include "ScoreboardView.h"
#include "scenario/CampaignResult.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>
#include <cmath>
#include <functional>

using namespace Qt::StringLiterals;
using namespace mpmlab;

namespace {

// One plotted series: its name and how to read it from a point.
struct LoadSeries {
    const char *name;
    std::function<double(const LoadPoint &)> value;
};
struct ServerSeries {
    const char *name;
    std::function<double(const ServerPoint &)> value;
};

enum Row { Throughput, Latency, Failures, Clients, Memory, Processes, Cpu, RowCount };
constexpr int minimumRowHeight = 110; // px: a legend of five lines and a readable curve

double perSecond(std::uint64_t count, const LoadPoint &p)
{
    return p.interval > 0 ? double(count) / p.interval : 0.0;
}

const std::vector<LoadSeries> &loadRow(int row)
{
    static const std::vector<LoadSeries> rows[] = {
        {{QT_TRANSLATE_NOOP("CampaignDashboard", "requests/s"),
          [](const LoadPoint &p) { return p.requestsPerSecond; }}},
        {{QT_TRANSLATE_NOOP("CampaignDashboard", "p50"),
          [](const LoadPoint &p) { return p.p50Ms; }},
         {QT_TRANSLATE_NOOP("CampaignDashboard", "p90"),
          [](const LoadPoint &p) { return p.p90Ms; }},
         {QT_TRANSLATE_NOOP("CampaignDashboard", "p99"),
          [](const LoadPoint &p) { return p.p99Ms; }},
         {QT_TRANSLATE_NOOP("CampaignDashboard", "longest wait"),
          [](const LoadPoint &p) { return p.longestWaitMs; }}},
        {{QT_TRANSLATE_NOOP("CampaignDashboard", "connect"),
          [](const LoadPoint &p) { return perSecond(p.counters.failedConnect, p); }},
         {QT_TRANSLATE_NOOP("CampaignDashboard", "receive"),
          [](const LoadPoint &p) { return perSecond(p.counters.failedReceive, p); }},
         {QT_TRANSLATE_NOOP("CampaignDashboard", "length"),
          [](const LoadPoint &p) { return perSecond(p.counters.failedLength, p); }},
         {QT_TRANSLATE_NOOP("CampaignDashboard", "protocol"),
          [](const LoadPoint &p) {
              return perSecond(p.counters.failedExceptions + p.counters.failedNotRetried, p);
          }},
         {QT_TRANSLATE_NOOP("CampaignDashboard", "keep-alive closed (retried)"),
          [](const LoadPoint &p) { return perSecond(p.counters.keepAliveClosed, p); }}},
        {{QT_TRANSLATE_NOOP("CampaignDashboard", "waiting for an answer"),
          [](const LoadPoint &p) { return double(p.awaiting); }},
         {QT_TRANSLATE_NOOP("CampaignDashboard", "thinking"),
          [](const LoadPoint &p) { return double(p.thinking); }},
         {QT_TRANSLATE_NOOP("CampaignDashboard", "connecting"),
          [](const LoadPoint &p) { return double(p.connecting); }},
         {QT_TRANSLATE_NOOP("CampaignDashboard", "never served"),
          [](const LoadPoint &p) { return double(p.clientsNeverServed); }}},
    };
    static const std::vector<LoadSeries> none;
    return row < Memory ? rows[row] : none;
}

const std::vector<ServerSeries> &serverRow(int row)
{
    constexpr double kibPerMib = 1024.0;
    static const std::vector<ServerSeries> rows[] = {
        {{QT_TRANSLATE_NOOP("CampaignDashboard", "PSS"),
          [](const ServerPoint &p) {
              return p.pssComplete ? double(p.pssKb) / kibPerMib : ServerPoint::none;
          }},
         {QT_TRANSLATE_NOOP("CampaignDashboard", "RSS (summed)"),
          [](const ServerPoint &p) { return double(p.rssKb) / kibPerMib; }},
         {QT_TRANSLATE_NOOP("CampaignDashboard", "system used"),
          [](const ServerPoint &p) { return double(p.memUsedKb) / kibPerMib; }}},
        {{QT_TRANSLATE_NOOP("CampaignDashboard", "processes"),
          [](const ServerPoint &p) { return double(p.processes); }},
         {QT_TRANSLATE_NOOP("CampaignDashboard", "threads"),
          [](const ServerPoint &p) { return double(p.threads); }}},
        {{QT_TRANSLATE_NOOP("CampaignDashboard", "Apache"),
          [](const ServerPoint &p) { return p.apacheCpuPercent; }},
         {QT_TRANSLATE_NOOP("CampaignDashboard", "whole machine"),
          [](const ServerPoint &p) {
              return p.cores > 0 ? p.systemCpuPercent * p.cores : ServerPoint::none;
          }}},
    };
    static const std::vector<ServerSeries> none;
    return row >= Memory && row < RowCount ? rows[row - Memory] : none;
}

QString translated(const char *text)
{
    return QCoreApplication::translate("CampaignDashboard", text);
}

QString scoreboardCaption(const ServerPoint *latest)
{
    if (!latest || latest->slotCount == 0)
        return CampaignDashboard::tr("no mod_status page yet");
    const int busy = latest->slotCount - latest->slotsIn(Scoreboard::SlotState::OpenSlot)
                     - latest->slotsIn(Scoreboard::SlotState::Waiting);
    QString caption = CampaignDashboard::tr("%1 of %2 slots busy").arg(busy).arg(latest->slotCount);
    if (latest->connsAsyncKeepAlive >= 0) {
        caption += u" · "_s
                   + CampaignDashboard::tr("parked by the listener: %1 keep-alive, %2 writing, "
                                           "%3 closing")
                         .arg(latest->connsAsyncKeepAlive)
                         .arg(std::max(0, latest->connsAsyncWriting))
                         .arg(std::max(0, latest->connsAsyncClosing));
    }
    return caption;
}

} // namespace

CampaignDashboard::CampaignDashboard(QWidget *parent)
    : QWidget(parent)
    , m_headline(new QLabel(this))
    , m_grid(new PlotGrid(this))
    , m_scoreboardRow(new QWidget(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_headline->setObjectName(u"headline"_s);
    m_headline->setWordWrap(true);
    m_headline->setContentsMargins(8, 4, 8, 0);
    m_headline->hide();
    layout->addWidget(m_headline);
    new QHBoxLayout(m_scoreboardRow);
    layout->addWidget(m_scoreboardRow);
    layout->addWidget(m_grid, 1);
    m_grid->setXLabel(tr("time since the load started (s)"));
    m_grid->setNoDataText(tr("not run yet"));
    setMpms({allMpmKinds.begin(), allMpmKinds.end()});
    applyTheme(m_theme);
}

int CampaignDashboard::columnOf(MpmKind mpm) const { return int(m_mpms.indexOf(mpm)); }

void CampaignDashboard::setMpms(const QList<MpmKind> &mpms)
{
    m_mpms = mpms;
    QStringList titles;
    QList<QColor> colours;
    for (MpmKind mpm : mpms) {
        titles << mpmName(mpm);
        colours << MpmStyle::colour(mpm);
    }
    m_grid->setColumns(titles, colours);
    const QString rowTitles[] = {tr("Throughput"), tr("Latency"), tr("Failures"),
                                 tr("Clients"),    tr("Memory"),  tr("Processes and threads"),
                                 tr("CPU")};
    const QString units[] = {tr("req/s"), tr("ms"),    tr("per s"),        tr("clients"),
                             tr("MiB"),   tr("count"), tr("% of one core")};
    for (int row = 0; row < RowCount; ++row) {
        m_grid->addRow(rowTitles[row], units[row]);
        for (int column = 0; column < mpms.size(); ++column) {
            int index = 0;
            for (const LoadSeries &series : loadRow(row))
                m_grid->addSeries(row, column, translated(series.name),
                                  MpmStyle::series(mpms.at(column), index++));
            for (const ServerSeries &series : serverRow(row))
                m_grid->addSeries(row, column, translated(series.name),
                                  MpmStyle::series(mpms.at(column), index++));
        }
    }

    qDeleteAll(m_scoreboards);
    m_scoreboards.clear();
    for (MpmKind mpm : mpms) {
        auto *view = new ScoreboardView(m_scoreboardRow);
        view->setTitle(tr("%1 scoreboard").arg(mpmName(mpm)));
        view->setLegend(ScoreboardLegend::entries());
        view->setOtherLabel(tr("other"));
        view->setCaption(scoreboardCaption(nullptr));
        view->applyTheme(m_theme);
        m_scoreboardRow->layout()->addWidget(view);
        m_scoreboards << view;
    }
}

void CampaignDashboard::clearColumn(int column)
{
    for (int row = 0; row < RowCount; ++row) {
        const auto count = int(loadRow(row).size() + serverRow(row).size());
        for (int series = 0; series < count; ++series)
            m_grid->setData(row, column, series, {}, {});
    }
    m_scoreboards.at(column)->setSlots(QString());
    m_scoreboards.at(column)->setCaption(scoreboardCaption(nullptr));
}

void CampaignDashboard::beginRun(MpmKind mpm)
{
    const int column = columnOf(mpm);
    if (column >= 0)
        clearColumn(column);
}

void CampaignDashboard::addPoints(MpmKind mpm, const std::vector<LoadPoint> &load,
                                  const std::vector<ServerPoint> &server, double measuredStartT)
{
    const int column = columnOf(mpm);
    if (column < 0)
        return;
    for (const LoadPoint &point : load) {
        // Nothing is counted during the warm-up: no zeros that look like results.
        if (point.warmingUp)
            continue;
        const double x = point.t - measuredStartT;
        for (int row = 0; row < Memory; ++row) {
            int index = 0;
            for (const LoadSeries &series : loadRow(row))
                m_grid->append(row, column, index++, x, series.value(point));
        }
    }
    for (const ServerPoint &point : server) {
        const double x = point.t - measuredStartT;
        for (int row = Memory; row < RowCount; ++row) {
            int index = 0;
            for (const ServerSeries &series : serverRow(row))
                m_grid->append(row, column, index++, x, series.value(point));
        }
    }
}

void CampaignDashboard::setScoreboard(MpmKind mpm, const QString &symbols,
                                      const ServerPoint *latest)
{
    const int column = columnOf(mpm);
    if (column < 0)
        return;
    m_scoreboards.at(column)->setSlots(symbols);
    m_scoreboards.at(column)->setCaption(scoreboardCaption(latest));
}

void CampaignDashboard::showRun(const RunRecord &run)
{
    beginRun(run.mpm);
    addPoints(run.mpm, run.load, run.server, run.loadStartT);
    // The scoreboard at the run's busiest moment, as mod_status drew it.
    const ServerPoint *atPeak = nullptr;
    for (const ServerPoint &point : run.server) {
        if (std::abs(point.t - run.busiestScoreboardT) < 1e-6)
            atPeak = &point;
    }
    setScoreboard(run.mpm, run.busiestScoreboard, atPeak);
}

void CampaignDashboard::setHeadline(const QString &headline)
{
    m_headline->setText(headline);
    m_headline->setVisible(!headline.isEmpty());
}

QString CampaignDashboard::headline() const { return m_headline->text(); }

QString CampaignDashboard::headlineFor(const CampaignResult &campaign, const QString &language)
{
    const QLocale locale(language.startsWith(u"fr"_s) ? u"fr_FR"_s : u"en_GB"_s);
    QStringList where{campaign.target.target};
    if (!campaign.target.apacheVersion.isEmpty())
        where << campaign.target.apacheVersion;
    if (campaign.target.cores > 0)
        where << (campaign.target.cores == 1 ? tr("1 core")
                                             : tr("%1 cores").arg(campaign.target.cores));
    QStringList parts{u"<b>%1</b>"_s.arg(campaign.scenario.name.in(language).toHtmlEscaped()),
                      where.join(u", "_s).toHtmlEscaped()};
    if (campaign.started.isValid())
        parts << locale.toString(campaign.started.toLocalTime(), QLocale::ShortFormat);
    if (campaign.scale != 1.0)
        parts << tr("scale %1").arg(locale.toString(campaign.scale));
    if (campaign.cancelled)
        parts << tr("stopped before its end");
    return parts.join(u" — "_s);
}

void CampaignDashboard::showCampaign(const CampaignResult &campaign, const QString &language)
{
    setHeadline(headlineFor(campaign, language));
    setMpms(campaign.mpms);
    for (MpmKind mpm : campaign.mpms) {
        const QList<const RunRecord *> runs = campaign.runsOf(mpm);
        const RunRecord *shown = runs.isEmpty() ? nullptr : runs.first();
        for (const RunRecord *run : runs) {
            if (run->completed) {
                shown = run;
                break;
            }
        }
        if (shown)
            showRun(*shown);
    }
    refresh();
}

int CampaignDashboard::refresh() { return m_grid->refresh(); }

void CampaignDashboard::setOverlay(bool overlay)
{
    m_grid->setOverlay(overlay);
    m_scoreboardRow->setVisible(!overlay);
}

void CampaignDashboard::applyTheme(const PlotTheme &theme)
{
    m_theme = theme;
    // Larger fonts need taller rows, or the legends and ticks crowd the curves.
    const qreal fontGrowth = theme.fontPointSize() / PlotTheme{}.fontPointSize();
    m_grid->setMinimumHeight(qRound(RowCount * minimumRowHeight * fontGrowth));
    m_headline->setFont(theme.titleFont());
    QPalette colours = m_headline->palette();
    colours.setColor(QPalette::WindowText, theme.foreground());
    colours.setColor(QPalette::Window, theme.background());
    m_headline->setPalette(colours);
    m_headline->setAutoFillBackground(true);
    m_grid->applyTheme(theme);
    for (ScoreboardView *view : std::as_const(m_scoreboards))
        view->applyTheme(theme);
}
