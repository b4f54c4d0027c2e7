#include "HtmlReport.h"

#include "TextReport.h"
#include "run/MetricCatalog.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace mpmlab {

namespace {

bool french(QStringView language) { return language.startsWith(u"fr"); }

QString pick(QStringView language, const QString &en, const QString &fr)
{
    return french(language) ? fr : en;
}

QString escaped(const QString &text) { return text.toHtmlEscaped(); }

constexpr auto style = R"CSS(
body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 2em auto; max-width: 60em;
       color: #1a1a1a; line-height: 1.45; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.2em; margin-top: 1.6em; border-bottom: 1px solid #ccc; }
.facts { color: #555; }
table { border-collapse: collapse; margin: 0.6em 0; }
th, td { padding: 0.25em 0.8em; border-bottom: 1px solid #e4e4e4; text-align: right; }
th:first-child, td:first-child { text-align: left; }
.prefork { color: #D55E00; } .worker { color: #0072B2; } .event { color: #009E73; }
.held { color: #1b7f3a; font-weight: bold; } .not { color: #b3261e; font-weight: bold; }
.undecided { color: #7a6a00; font-weight: bold; }
.evidence { color: #444; margin: 0.2em 0 0.8em 1.5em; }
.error { color: #b3261e; }
img { max-width: 100%; margin: 0.5em 0 1em; page-break-inside: avoid; }
@media print { body { margin: 0; } h2 { page-break-after: avoid; } }
)CSS";

} // namespace

QByteArray HtmlReport::render(const CampaignResult &campaign, const QList<Chart> &charts,
                              QStringView language)
{
    const QString lang = language.toString();
    const Scenario &scenario = campaign.scenario;
    const TargetFacts &t = campaign.target;
    const QLocale locale(french(lang) ? QLocale::French : QLocale::English);
    QString html = u"<!DOCTYPE html>\n<html lang=\"%1\"><head><meta charset=\"utf-8\">"
                   "<title>%2 — MPM Lab</title><style>%3</style></head><body>\n"_s.arg(
                       french(lang) ? u"fr"_s : u"en"_s, escaped(scenario.name.in(lang)),
                       QString::fromUtf8(style));
    html += u"<h1>%1</h1>\n<p>%2</p>\n"_s.arg(escaped(scenario.name.in(lang)),
                                              escaped(scenario.summary.in(lang)));
    html += u"<p><b>%1</b> %2</p>\n"_s.arg(
        pick(lang, u"The course expects:"_s, u"Le cours prévoit :"_s),
        escaped(scenario.expectation.in(lang)));
    html += u"<p class=\"facts\">%1 %2 · %3 · %4 · %5 · %6 · %7</p>\n"_s.arg(
        pick(lang, u"Measured on"_s, u"Mesuré sur"_s), escaped(t.target), escaped(t.os),
        escaped(t.apacheVersion), pick(lang, u"%1 cores"_s, u"%1 cœurs"_s).arg(t.cores),
        pick(lang, u"%1 GiB"_s, u"%1 Gio"_s)
            .arg(locale.toString(double(t.memTotalKb) / 1048576.0, 'f', 1)),
        escaped(locale.toString(campaign.started.toLocalTime(), QLocale::ShortFormat)));
    html += u"<p class=\"facts\">%1: %2. %3: %4.</p>\n"_s.arg(
        pick(lang, u"Server"_s, u"Serveur"_s), escaped(scenario.server.describe().in(lang)),
        pick(lang, u"Load"_s, u"Charge"_s),
        escaped(scenario.load.describe(campaign.scale).in(lang)));

    html += u"<h2>%1</h2>\n<table><tr><th></th>"_s.arg(pick(lang, u"Results"_s, u"Résultats"_s));
    for (MpmKind mpm : campaign.mpms)
        html += u"<th class=\"%1\">%1</th>"_s.arg(mpmName(mpm));
    html += u"</tr>\n"_s;
    for (const QString &metric : TextReport::tableMetrics()) {
        html += u"<tr><td>%1</td>"_s.arg(escaped(MetricCatalog::label(metric, lang)));
        for (MpmKind mpm : campaign.mpms) {
            const std::optional<Spread> spread = campaign.spread(mpm, metric);
            html += u"<td>%1</td>"_s.arg(escaped(MetricCatalog::format(
                metric, spread ? std::optional<double>(spread->median) : std::nullopt, lang)));
        }
        html += u"</tr>\n"_s;
    }
    html += u"</table>\n"_s;
    for (const RunRecord &run : campaign.runs) {
        if (!run.error.isEmpty()) {
            html += u"<p class=\"error\">%1 #%2: %3<br><small>%4</small></p>\n"_s.arg(
                mpmName(run.mpm), QString::number(run.repeat + 1), escaped(run.error),
                escaped(run.errorDetails).replace(u'\n', u"<br>"_s));
        }
    }

    html += u"<h2>%1</h2>\n"_s.arg(pick(lang, u"Verdicts"_s, u"Verdicts"_s));
    for (const Verdict &verdict : campaign.verdicts) {
        const QString cssClass = !verdict.held   ? u"undecided"_s
                                 : *verdict.held ? u"held"_s
                                                 : u"not"_s;
        const QString word = !verdict.held   ? pick(lang, u"Undecided"_s, u"Indécis"_s)
                             : *verdict.held ? pick(lang, u"Held"_s, u"Confirmé"_s)
                                             : pick(lang, u"Did not hold"_s, u"Non confirmé"_s);
        html += u"<p><span class=\"%1\">%2</span> — %3</p>\n<div class=\"evidence\">"_s.arg(
            cssClass, word, escaped(verdict.expected.in(lang)));
        for (const LocalizedText &line : verdict.evidence)
            html += escaped(line.in(lang)) + u"<br>"_s;
        html += u"</div>\n"_s;
    }

    if (!charts.isEmpty())
        html += u"<h2>%1</h2>\n"_s.arg(pick(lang, u"Charts"_s, u"Graphiques"_s));
    for (const Chart &chart : charts) {
        html += u"<img alt=\"%1\" src=\"data:image/png;base64,%2\">\n"_s.arg(
            escaped(chart.title), QString::fromLatin1(chart.png.toBase64()));
    }
    html += u"<p class=\"facts\">MPM Lab %1 · campaign.json</p>\n</body></html>\n"_s.arg(
        escaped(t.clientVersion));
    return html.toUtf8();
}

} // namespace mpmlab
