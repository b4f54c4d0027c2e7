#include "MetricCatalog.h"

#include <QLocale>
#include <array>

using namespace Qt::StringLiterals;

namespace mpmlab {

namespace {

using Info = MetricCatalog::Info;

const std::array<Info, 19> &catalog()
{
    static const std::array<Info, 19> infos{{
        {u"requestsPerSecond"_s, u"requests/s"_s, u"requêtes/s"_s, u"req/s"_s, 1, 0, true},
        {u"completed"_s, u"completed requests"_s, u"requêtes terminées"_s, {}, 1, 0, true},
        {u"failed"_s, u"failed requests"_s, u"requêtes en échec"_s, {}, 1, 0, false},
        {u"failureRatio"_s, u"failed"_s, u"en échec"_s, u"%"_s, 0.01, 1, false},
        {u"p50Ms"_s, u"median latency"_s, u"latence médiane"_s, u"ms"_s, 1, 1, false},
        {u"p90Ms"_s, u"90th percentile"_s, u"90e centile"_s, u"ms"_s, 1, 1, false},
        {u"p99Ms"_s, u"99th percentile"_s, u"99e centile"_s, u"ms"_s, 1, 1, false},
        {u"maxMs"_s, u"slowest request"_s, u"requête la plus lente"_s, u"ms"_s, 1, 1, false},
        {u"longestWaitMs"_s, u"longest wait"_s, u"attente la plus longue"_s, u"ms"_s, 1, 0, false},
        {u"inFlightAtEnd"_s,
         u"still waiting at the end"_s,
         u"encore en attente à la fin"_s,
         {},
         1,
         0,
         false},
        {u"clientsNeverServed"_s,
         u"clients never served"_s,
         u"clients jamais servis"_s,
         {},
         1,
         0,
         false},
        {u"peakPssKib"_s, u"peak PSS"_s, u"PSS maximale"_s, u"MiB"_s, 1024, 1, false},
        {u"peakRssKib"_s, u"peak RSS (summed)"_s, u"RSS maximale (cumulée)"_s, u"MiB"_s, 1024, 1,
         false},
        {u"peakUssKib"_s, u"peak USS"_s, u"USS maximale"_s, u"MiB"_s, 1024, 1, false},
        {u"peakProcesses"_s, u"peak processes"_s, u"processus au maximum"_s, {}, 1, 0, false},
        {u"peakThreads"_s, u"peak threads"_s, u"threads au maximum"_s, {}, 1, 0, false},
        {u"serverCpuSeconds"_s, u"Apache CPU time"_s, u"temps CPU d'Apache"_s, u"s"_s, 1, 2, false},
        {u"peakBusySlots"_s,
         u"peak busy slots"_s,
         u"emplacements occupés au maximum"_s,
         {},
         1,
         0,
         false},
        {u"peakKeepAliveSlots"_s,
         u"peak keep-alive slots (K)"_s,
         u"emplacements keep-alive (K) au maximum"_s,
         {},
         1,
         0,
         false},
    }};
    return infos;
}

} // namespace

std::optional<Info> MetricCatalog::find(QStringView key)
{
    for (const Info &info : catalog()) {
        if (info.key == key)
            return info;
    }
    return std::nullopt;
}

QString MetricCatalog::label(QStringView key, QStringView language)
{
    const std::optional<Info> info = find(key);
    if (!info)
        return key.toString();
    return language.startsWith(u"fr") ? info->labelFr : info->labelEn;
}

QString MetricCatalog::format(QStringView key, std::optional<double> value, QStringView language)
{
    if (!value)
        return u"–"_s;
    const std::optional<Info> info = find(key);
    const QLocale locale(language.startsWith(u"fr") ? QLocale::French : QLocale::English);
    const double shown = info ? *value / info->divisor : *value;
    const QString number = locale.toString(shown, 'f', info ? info->decimals : 2);
    if (!info || info->unit.isEmpty())
        return number;
    if (info->unit == u"%")
        return number + (language.startsWith(u"fr") ? u" %"_s : u"%"_s);
    return number + u' ' + info->unit;
}

} // namespace mpmlab
