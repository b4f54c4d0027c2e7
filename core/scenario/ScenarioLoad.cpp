#include "ScenarioLoad.h"

#include <QLocale>
#include <cmath>

using namespace Qt::StringLiterals;

namespace mpmlab {

namespace {

const QStringList knownKeys{
    u"path"_s,          u"requests"_s,      u"concurrency"_s,     u"seconds"_s,
    u"keepAlive"_s,     u"thinkTimeMs"_s,   u"idleConnections"_s, u"rate"_s,
    u"warmupSeconds"_s, u"timeoutSeconds"_s};

QString grouped(qint64 value, const QLocale &locale) { return locale.toString(value); }

} // namespace

Result<ScenarioLoad> ScenarioLoad::fromJson(const JsonFields &fields)
{
    if (Status known = fields.onlyKnown(knownKeys); !known)
        return known.error();
    ScenarioLoad load;
    const Result<QString> path = fields.text(u"path"_s, load.path);
    if (!path)
        return path.error();
    if (!path->startsWith(u'/') || path->contains(u' ') || path->contains(u'\n'))
        return fields.invalid(u"path"_s, u"must be a URL path starting with '/'"_s);
    load.path = *path;
    const Result<qint64> requests = fields.integer(u"requests"_s, 0, maxRequests, 0);
    if (!requests)
        return requests.error();
    const Result<qint64> concurrency = fields.integer(u"concurrency"_s, 1, maxClients);
    if (!concurrency)
        return concurrency.error();
    const Result<double> seconds = fields.number(u"seconds"_s, 0, maxSeconds, 0.0);
    if (!seconds)
        return seconds.error();
    const Result<bool> keepAlive = fields.boolean(u"keepAlive"_s, false);
    if (!keepAlive)
        return keepAlive.error();
    const Result<qint64> idle = fields.integer(u"idleConnections"_s, 0, maxClients, 0);
    if (!idle)
        return idle.error();
    const Result<double> rate = fields.number(u"rate"_s, 0, 1e7, 0.0);
    if (!rate)
        return rate.error();
    const Result<double> warmup = fields.number(u"warmupSeconds"_s, 0, 600, load.warmupSeconds);
    if (!warmup)
        return warmup.error();
    const Result<double> timeout = fields.number(u"timeoutSeconds"_s, 0.1, 3600, 30.0);
    if (!timeout)
        return timeout.error();
    load.requests = *requests;
    load.concurrency = int(*concurrency);
    load.seconds = *seconds;
    load.keepAlive = *keepAlive;
    load.idleConnections = int(*idle);
    load.rate = *rate;
    load.warmupSeconds = *warmup;
    load.timeoutSeconds = *timeout;
    if (load.requests == 0 && load.seconds == 0)
        return fields.invalid(u"requests"_s, u"or seconds must be given"_s);
    if (load.requests > 0 && load.requests < load.concurrency && load.rate == 0)
        return fields.invalid(u"requests"_s, u"must be at least concurrency"_s);

    const QJsonValue think = fields.object().value(u"thinkTimeMs"_s);
    if (!think.isUndefined()) {
        const QJsonArray pair = think.toArray();
        const bool valid = think.isArray() && pair.size() == 2 && pair.at(0).isDouble()
                           && pair.at(1).isDouble() && pair.at(0).toDouble() >= 0
                           && pair.at(1).toDouble() >= pair.at(0).toDouble()
                           && pair.at(1).toDouble() <= maxThinkTimeMs;
        if (!valid) {
            return fields.invalid(
                u"thinkTimeMs"_s,
                u"must be [min, max] in ms, 0 <= min <= max <= %1"_s.arg(maxThinkTimeMs));
        }
        load.thinkTimeMinMs = pair.at(0).toInt();
        load.thinkTimeMaxMs = pair.at(1).toInt();
    }
    return load;
}

QJsonObject ScenarioLoad::toJson() const
{
    QJsonObject object{{u"path"_s, path},
                       {u"concurrency"_s, concurrency},
                       {u"keepAlive"_s, keepAlive},
                       {u"warmupSeconds"_s, warmupSeconds},
                       {u"timeoutSeconds"_s, timeoutSeconds}};
    if (requests > 0)
        object.insert(u"requests"_s, requests);
    if (seconds > 0)
        object.insert(u"seconds"_s, seconds);
    if (thinkTimeMaxMs > 0)
        object.insert(u"thinkTimeMs"_s, QJsonArray{thinkTimeMinMs, thinkTimeMaxMs});
    if (idleConnections > 0)
        object.insert(u"idleConnections"_s, idleConnections);
    if (rate > 0)
        object.insert(u"rate"_s, rate);
    return object;
}

LoadSpec ScenarioLoad::toSpec(const QString &baseUrl, double scale) const
{
    LoadSpec spec;
    spec.url = QString(baseUrl + path).toStdString();
    spec.concurrency = concurrency;
    if (requests > 0) {
        const auto scaled = qint64(std::llround(double(requests) * scale));
        spec.requests = std::uint64_t(std::max<qint64>(scaled, rate > 0 ? 1 : concurrency));
    } else {
        spec.requests = 0;
    }
    if (seconds > 0) {
        spec.duration = std::chrono::milliseconds(
            std::llround(std::max(seconds * scale, minimumScaledSeconds) * 1000.0));
    }
    spec.keepAlive = keepAlive;
    spec.thinkTimeMin = std::chrono::milliseconds(thinkTimeMinMs);
    spec.thinkTimeMax = std::chrono::milliseconds(thinkTimeMaxMs);
    spec.idleConnections = idleConnections;
    spec.rate = rate;
    spec.warmup =
        std::chrono::milliseconds(std::llround(warmupSeconds * std::min(scale, 1.0) * 1000));
    spec.timeout = std::chrono::milliseconds(std::llround(timeoutSeconds * 1000.0));
    // A campaign must end even against a server that answers nothing.
    spec.maxDuration = std::chrono::milliseconds(std::llround(
        (std::max(seconds * scale, minimumScaledSeconds) + timeoutSeconds + warmupSeconds + 60)
        * 1000.0));
    // Threads: the engine's default for this host, the same for every MPM.
    return spec;
}

double ScenarioLoad::expectedSeconds(double scale) const
{
    const double warm = warmupSeconds * std::min(scale, 1.0);
    if (seconds > 0)
        return warm + std::max(seconds * scale, minimumScaledSeconds);
    if (rate > 0)
        return warm + double(requests) * scale / rate;
    // A closed loop on a small page: about 10,000 requests/s on a laptop.
    return warm + std::max(1.0, double(requests) * scale / 10'000.0);
}

LocalizedText ScenarioLoad::describe(double scale) const
{
    const QLocale english(QLocale::English);
    const QLocale french(QLocale::French);
    LocalizedText text;
    const auto scaledRequests = qint64(std::llround(double(requests) * scale));
    const double scaledSeconds = std::max(seconds * scale, minimumScaledSeconds);
    QStringList en;
    QStringList fr;
    if (requests > 0) {
        en << u"%1 requests"_s.arg(grouped(scaledRequests, english));
        fr << u"%1 requêtes"_s.arg(grouped(scaledRequests, french));
    }
    if (seconds > 0) {
        en << u"for %1 s"_s.arg(scaledSeconds);
        fr << u"pendant %1 s"_s.arg(french.toString(scaledSeconds));
    }
    en << u"%1 clients"_s.arg(grouped(concurrency, english));
    fr << u"%1 clients"_s.arg(grouped(concurrency, french));
    if (rate > 0) {
        en << u"%1 requests/s"_s.arg(grouped(qint64(rate), english));
        fr << u"%1 requêtes/s"_s.arg(grouped(qint64(rate), french));
    }
    if (keepAlive) {
        en << u"keep-alive"_s;
        fr << u"keep-alive"_s;
    }
    if (thinkTimeMaxMs > 0) {
        en << u"think %1–%2 ms"_s.arg(thinkTimeMinMs).arg(thinkTimeMaxMs);
        fr << u"réflexion %1–%2 ms"_s.arg(thinkTimeMinMs).arg(thinkTimeMaxMs);
    }
    if (idleConnections > 0) {
        en << u"%1 idle keep-alive clients"_s.arg(grouped(idleConnections, english));
        fr << u"%1 clients keep-alive inactifs"_s.arg(grouped(idleConnections, french));
    }
    en << path;
    fr << path;
    text.en = en.join(u", "_s);
    text.fr = fr.join(u", "_s);
    return text;
}

} // namespace mpmlab
