#include "VerdictJudge.h"

#include "run/MetricCatalog.h"

#include <QLocale>
#include <cmath>

using namespace Qt::StringLiterals;

namespace mpmlab {

namespace {

enum class Family { Load, Memory, Cpu, Server };

Family familyOf(QStringView metric)
{
    if (metric.startsWith(u"peak") && metric.endsWith(u"Kib"))
        return Family::Memory;
    if (metric == u"serverCpuSeconds")
        return Family::Cpu;
    if (metric.startsWith(u"peak"))
        return Family::Server;
    return Family::Load;
}

// One sentence built for each language by the same function.
template <typename Sentence> LocalizedText both(Sentence sentence)
{
    return {sentence(u"en"_s), sentence(u"fr"_s)};
}

bool isFrench(const QString &language) { return language == u"fr"; }

QString number(double value, int decimals, const QString &language)
{
    return QLocale(isFrench(language) ? QLocale::French : QLocale::English)
        .toString(value, 'f', decimals);
}

QString mib(qint64 kib, const QString &language)
{
    return number(double(kib) / 1024.0, kib < 10 * 1024 ? 1 : 0, language) + u" MiB"_s;
}

QString seconds(double t, const QString &language) { return number(t, 1, language) + u" s"_s; }

// The run whose figure is the MPM's median (the one its verdict quotes).
const RunRecord *representative(const CampaignResult &campaign, MpmKind mpm, QStringView metric)
{
    const std::optional<Spread> spread = campaign.spread(mpm, metric);
    const RunRecord *best = nullptr;
    double distance = 0;
    for (const RunRecord *run : campaign.runsOf(mpm)) {
        const std::optional<double> value = run->metric(metric);
        const double d = value && spread ? std::abs(*value - spread->median) : 1e300;
        if (!best || d < distance) {
            best = run;
            distance = d;
        }
    }
    return best;
}

QString firstApacheLine(const QString &details)
{
    for (const QString &line : details.split(u'\n')) {
        if (line.contains(u"AH0"_s) || line.contains(u"[emerg]"_s) || line.contains(u"[alert]"_s))
            return line.trimmed().right(160);
    }
    return {};
}

void notStarted(const RunRecord &run, QList<LocalizedText> &out)
{
    const QString apache = firstApacheLine(run.errorDetails);
    out << both([&](const QString &l) {
        const QString said = apache.isEmpty() ? run.error : apache;
        return isFrench(l) ? u"%1 n'a pas démarré : %2"_s.arg(mpmName(run.mpm), said)
                           : u"%1 did not start: %2"_s.arg(mpmName(run.mpm), said);
    });
}

void loadEvidence(const RunRecord &run, QList<LocalizedText> &out)
{
    const RunSummary &s = run.summary;
    const QString mpm = mpmName(run.mpm);
    if (s.slotCount > 0 && s.peakBusySlots > 0) {
        out << both([&](const QString &l) {
            QString text =
                isFrench(l) ? u"%1 : %2 emplacements du scoreboard sur %3 occupés à %4"_s.arg(mpm)
                                  .arg(s.peakBusySlots)
                                  .arg(s.slotCount)
                                  .arg(seconds(s.peakBusyT, l))
                            : u"%1: %2 of %3 scoreboard slots busy at %4"_s.arg(mpm)
                                  .arg(s.peakBusySlots)
                                  .arg(s.slotCount)
                                  .arg(seconds(s.peakBusyT, l));
            if (s.peakKeepAliveSlots > 0) {
                text +=
                    isFrench(l)
                        ? u", dont jusqu'à %1 tenus par une connexion keep-alive inactive (K) à %2"_s
                              .arg(s.peakKeepAliveSlots)
                              .arg(seconds(s.peakKeepAliveT, l))
                        : u", up to %1 of them held by an idle keep-alive connection (K) at %2"_s
                              .arg(s.peakKeepAliveSlots)
                              .arg(seconds(s.peakKeepAliveT, l));
            }
            return text;
        });
    }
    if (s.peakAsyncKeepAlive && *s.peakAsyncKeepAlive > 0) {
        out << both([&](const QString &l) {
            return isFrench(l)
                       ? u"%1 : jusqu'à %2 connexions keep-alive inactives mises de côté par l'écouteur, sans thread (ConnsAsyncKeepAlive) à %3"_s
                             .arg(mpm)
                             .arg(*s.peakAsyncKeepAlive)
                             .arg(seconds(s.peakAsyncKeepAliveT, l))
                       : u"%1: up to %2 idle keep-alive connections parked by the listener, holding no thread (ConnsAsyncKeepAlive) at %3"_s
                             .arg(mpm)
                             .arg(*s.peakAsyncKeepAlive)
                             .arg(seconds(s.peakAsyncKeepAliveT, l));
        });
    }
    if (s.clientsNeverServed > 0) {
        out << both([&](const QString &l) {
            return isFrench(l) ? u"%1 : %2 clients sur %3 n'ont jamais eu de réponse"_s.arg(mpm)
                                     .arg(s.clientsNeverServed)
                                     .arg(s.clients)
                               : u"%1: %2 of %3 clients never got an answer"_s.arg(mpm)
                                     .arg(s.clientsNeverServed)
                                     .arg(s.clients);
        });
    }
    if (s.inFlightAtEnd > 0) {
        out << both([&](const QString &l) {
            return isFrench(l)
                       ? u"%1 : %2 requêtes encore en attente à la fin, la plus ancienne depuis %3"_s
                             .arg(mpm)
                             .arg(s.inFlightAtEnd)
                             .arg(seconds(s.oldestInFlightMs / 1000.0, l))
                       : u"%1: %2 requests still waiting at the end, the oldest for %3"_s.arg(mpm)
                             .arg(s.inFlightAtEnd)
                             .arg(seconds(s.oldestInFlightMs / 1000.0, l));
        });
    }
    const LoadCounters &c = s.counters;
    if (c.failed() > 0) {
        out << both([&](const QString &l) {
            return (isFrench(l) ? u"%1 : %2 échecs (connexion %3, réception %4, longueur %5, "
                                  "exceptions %6, non réessayées %7)"_s
                                : u"%1: %2 failed (connect %3, receive %4, length %5, exceptions "
                                  "%6, not retried %7)"_s)
                .arg(mpm)
                .arg(c.failed())
                .arg(c.failedConnect)
                .arg(c.failedReceive)
                .arg(c.failedLength)
                .arg(c.failedExceptions)
                .arg(c.failedNotRetried);
        });
    }
    if (c.keepAliveClosed > 0) {
        out << both([&](const QString &l) {
            return isFrench(l) ? u"%1 : %2 connexions keep-alive fermées par le serveur, requêtes "
                                 "renvoyées (pas des échecs)"_s.arg(mpm)
                                     .arg(c.keepAliveClosed)
                               : u"%1: %2 kept-alive connections closed by the server, requests "
                                 "sent again (not failures)"_s.arg(mpm)
                                     .arg(c.keepAliveClosed);
        });
    }
}

void memoryEvidence(const RunRecord &run, QList<LocalizedText> &out)
{
    const RunSummary &s = run.summary;
    if (!s.peakRssKib)
        return;
    out << both([&](const QString &l) {
        const QString pss = s.peakPssKib ? mib(*s.peakPssKib, l) : u"?"_s;
        return isFrench(l)
                   ? u"%1 : PSS %2 contre RSS cumulée %3 à %4, %5 processus, %6 threads"_s
                         .arg(mpmName(run.mpm), pss, mib(*s.peakRssKib, l), seconds(s.peakRssT, l))
                         .arg(s.peakProcesses)
                         .arg(s.peakThreads)
                   : u"%1: PSS %2 vs summed RSS %3 at %4, %5 processes, %6 threads"_s
                         .arg(mpmName(run.mpm), pss, mib(*s.peakRssKib, l), seconds(s.peakRssT, l))
                         .arg(s.peakProcesses)
                         .arg(s.peakThreads);
    });
}

void cpuEvidence(const RunRecord &run, QList<LocalizedText> &out)
{
    const RunSummary &s = run.summary;
    if (!s.serverCpuSeconds || s.seconds <= 0)
        return;
    const double percent = 100.0 * *s.serverCpuSeconds / s.seconds;
    out << both([&](const QString &l) {
        return isFrench(l) ? u"%1 : %2 de CPU pour Apache en %3 de charge (%4 % d'un cœur)"_s.arg(
                   mpmName(run.mpm), seconds(*s.serverCpuSeconds, l), seconds(s.seconds, l),
                   number(percent, 0, l))
                           : u"%1: %2 of Apache CPU over %3 of load (%4% of one core)"_s.arg(
                               mpmName(run.mpm), seconds(*s.serverCpuSeconds, l),
                               seconds(s.seconds, l), number(percent, 0, l));
    });
}

void serverEvidence(const RunRecord &run, QList<LocalizedText> &out)
{
    const RunSummary &s = run.summary;
    out << both([&](const QString &l) {
        return isFrench(l) ? u"%1 : jusqu'à %2 processus et %3 threads"_s.arg(mpmName(run.mpm))
                                 .arg(s.peakProcesses)
                                 .arg(s.peakThreads)
                           : u"%1: up to %2 processes and %3 threads"_s.arg(mpmName(run.mpm))
                                 .arg(s.peakProcesses)
                                 .arg(s.peakThreads);
    });
}

} // namespace

QList<Verdict> VerdictJudge::judge(const CampaignResult &campaign)
{
    QList<Verdict> verdicts;
    for (const ExpectationCheck &check : campaign.scenario.checks)
        verdicts << judge(check, campaign);
    return verdicts;
}

Verdict VerdictJudge::judge(const ExpectationCheck &check, const CampaignResult &campaign)
{
    Verdict verdict;
    verdict.id = check.id;
    verdict.expected = check.expected;
    verdict.rule = check.rule();
    verdict.metric = check.metric;
    const QList<MpmKind> involved = check.involves(campaign.mpms);
    for (MpmKind mpm : involved) {
        const std::optional<Spread> spread = campaign.spread(mpm, check.metric);
        verdict.values.insert(mpm, spread ? std::optional<double>(spread->median) : std::nullopt);
    }
    verdict.held = check.evaluate(verdict.values);

    verdict.evidence << both([&](const QString &l) {
        QStringList parts;
        for (auto it = verdict.values.begin(); it != verdict.values.end(); ++it)
            parts << mpmName(it.key()) + u' ' + MetricCatalog::format(check.metric, it.value(), l);
        QString text = MetricCatalog::label(check.metric, l) + (isFrench(l) ? u" : "_s : u": "_s)
                       + parts.join(u", "_s);
        if (campaign.repeat > 1) {
            text += isFrench(l) ? u" (médiane de %1 passages)"_s.arg(campaign.repeat)
                                : u" (median of %1 runs)"_s.arg(campaign.repeat);
        }
        return text;
    });
    for (MpmKind mpm : involved) {
        const RunRecord *run = representative(campaign, mpm, check.metric);
        if (!run)
            continue;
        if (!run->started) {
            notStarted(*run, verdict.evidence);
            continue;
        }
        switch (familyOf(check.metric)) {
        case Family::Load: loadEvidence(*run, verdict.evidence); break;
        case Family::Memory: memoryEvidence(*run, verdict.evidence); break;
        case Family::Cpu: cpuEvidence(*run, verdict.evidence); break;
        case Family::Server: serverEvidence(*run, verdict.evidence); break;
        }
    }
    return verdict;
}

} // namespace mpmlab
