#include "TextReport.h"

#include "run/MetricCatalog.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace mpmlab {

namespace {

constexpr int labelWidth = 30;
constexpr int columnWidth = 20;

bool french(QStringView language) { return language.startsWith(u"fr"); }

QString tr2(QStringView language, const QString &en, const QString &fr)
{
    return french(language) ? fr : en;
}

QString cell(const CampaignResult &campaign, MpmKind mpm, const QString &metric,
             QStringView language)
{
    const std::optional<Spread> spread = campaign.spread(mpm, metric);
    if (!spread) {
        const QList<const RunRecord *> runs = campaign.runsOf(mpm);
        const bool noneStarted = !runs.isEmpty()
                                 && std::none_of(runs.begin(), runs.end(),
                                                 [](const RunRecord *r) { return r->started; });
        return noneStarted ? tr2(language, u"did not start"_s, u"non démarré"_s) : u"–"_s;
    }
    QString text = MetricCatalog::format(metric, spread->median, language);
    if (spread->runs > 1 && spread->max > spread->min) {
        // The spread over repeats, in the same unit, without it.
        const std::optional<MetricCatalog::Info> info = MetricCatalog::find(metric);
        const double divisor = info ? info->divisor : 1.0;
        const int decimals = info ? info->decimals : 2;
        const QLocale locale(french(language) ? QLocale::French : QLocale::English);
        text += u" (%1–%2)"_s.arg(locale.toString(spread->min / divisor, 'f', decimals),
                                  locale.toString(spread->max / divisor, 'f', decimals));
    }
    return text;
}

QString heldText(const std::optional<bool> &held, QStringView language)
{
    if (!held)
        return tr2(language, u"UNDECIDED"_s, u"INDÉCIS"_s);
    return *held ? tr2(language, u"HELD"_s, u"CONFIRMÉ"_s)
                 : tr2(language, u"DID NOT HOLD"_s, u"NON CONFIRMÉ"_s);
}

} // namespace

QStringList TextReport::tableMetrics()
{
    return {u"requestsPerSecond"_s,
            u"failureRatio"_s,
            u"p50Ms"_s,
            u"p99Ms"_s,
            u"longestWaitMs"_s,
            u"clientsNeverServed"_s,
            u"peakPssKib"_s,
            u"peakRssKib"_s,
            u"peakProcesses"_s,
            u"peakThreads"_s,
            u"serverCpuSeconds"_s,
            u"peakKeepAliveSlots"_s};
}

QString TextReport::render(const CampaignResult &campaign, QStringView language)
{
    const QString lang = language.toString();
    const Scenario &scenario = campaign.scenario;
    const TargetFacts &t = campaign.target;
    QString text;
    text += u"%1 (%2): %3\n"_s.arg(scenario.name.in(lang), scenario.id,
                                   scenario.load.describe(campaign.scale).in(lang));
    text += tr2(lang, u"Expected: "_s, u"Attendu : "_s) + scenario.expectation.in(lang) + u'\n';
    const QLocale locale(french(lang) ? QLocale::French : QLocale::English);
    text += tr2(lang, u"Target: %1, %2, %3, %4 cores, %5 GiB"_s,
                u"Cible : %1, %2, %3, %4 cœurs, %5 Gio"_s)
                .arg(t.target, t.os.isEmpty() ? u"?"_s : t.os,
                     t.apacheVersion.isEmpty() ? u"?"_s : t.apacheVersion)
                .arg(t.cores)
                .arg(locale.toString(double(t.memTotalKb) / 1024.0 / 1024.0, 'f', 1));
    text += u'\n';
    if (campaign.scale != 1 || campaign.repeat > 1) {
        text += tr2(lang, u"Scale %1, %2 run(s) per MPM (median, then min–max)\n"_s,
                    u"Échelle %1, %2 passage(s) par MPM (médiane, puis min–max)\n"_s)
                    .arg(locale.toString(campaign.scale))
                    .arg(campaign.repeat);
    }
    text += u'\n' + QString().leftJustified(labelWidth);
    for (MpmKind mpm : campaign.mpms)
        text += mpmName(mpm).rightJustified(columnWidth);
    text += u'\n';
    for (const QString &metric : tableMetrics()) {
        text += MetricCatalog::label(metric, lang).leftJustified(labelWidth);
        for (MpmKind mpm : campaign.mpms)
            text += cell(campaign, mpm, metric, lang).rightJustified(columnWidth);
        text += u'\n';
    }

    for (const RunRecord &run : campaign.runs) {
        if (run.error.isEmpty())
            continue;
        text += u"\n%1 #%2: %3\n"_s.arg(mpmName(run.mpm)).arg(run.repeat + 1).arg(run.error);
        const QStringList details = run.errorDetails.split(u'\n', Qt::SkipEmptyParts);
        for (const QString &line : details.mid(std::max<qsizetype>(0, details.size() - 4)))
            text += u"    "_s + line + u'\n';
    }

    text += u'\n' + tr2(lang, u"Verdicts\n"_s, u"Verdicts\n"_s);
    for (const Verdict &verdict : campaign.verdicts) {
        text += u"  [%1] %2\n"_s.arg(heldText(verdict.held, lang), verdict.expected.in(lang));
        for (const LocalizedText &line : verdict.evidence)
            text += u"      "_s + line.in(lang) + u'\n';
    }
    if (campaign.cancelled)
        text += u'\n'
                + tr2(lang, u"The campaign was stopped before its end.\n"_s,
                      u"La campagne a été arrêtée avant la fin.\n"_s);
    if (!campaign.error.isEmpty())
        text += u'\n' + tr2(lang, u"Error: "_s, u"Erreur : "_s) + campaign.error + u'\n';
    if (!campaign.restoreError.isEmpty()) {
        text +=
            u'\n'
            + tr2(lang,
                  u"The server could not be put back: %1. Run `mpmlab-cli server restore`.\n"_s,
                  u"Le serveur n'a pas pu être remis en état : %1. Lancez `mpmlab-cli server restore`.\n"_s)
                  .arg(campaign.restoreError);
    }
    return text;
}

} // namespace mpmlab
