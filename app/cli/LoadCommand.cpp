#include "LoadCommand.h"

#include "LoadReport.h"
#include "common/AtomicFile.h"
#include "load/LoadCounters.h"
#include "load/LoadRun.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QThread>
#include <cmath>
#include <csignal>
#include <tuple>

using namespace Qt::StringLiterals;
using namespace mpmlab;

namespace {

volatile std::sig_atomic_t interrupted = 0;

extern "C" void onInterrupt(int) { interrupted = 1; }

constexpr int collectPeriodMs = 100;         // ms: one time-series row per period
constexpr double minSeconds = 0.001;         // s: the engine counts whole milliseconds
constexpr double maxSeconds = 7 * 24 * 3600; // s: a week, for --max-duration and -s
constexpr double defaultMaxDurationS = 3600; // s
constexpr qint64 maxBodyMiB = 64;            // MiB: -p is read whole into memory
// requests/s: far beyond what one machine serves; the schedule is in whole
// microseconds per connection, and a typo of many zeros is caught here.
constexpr double maxRate = 10'000'000;

std::optional<double> positiveNumber(const QString &text)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || !std::isfinite(value) || value <= 0)
        return std::nullopt;
    return value;
}

// A number of seconds from `min` to `max`, or nothing.
std::optional<double> secondsIn(const QString &text, double min, double max)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || !(value >= min && value <= max))
        return std::nullopt;
    return value;
}

QString secondsRangeError(const QString &option, double min, double max, const QString &why = {})
{
    return u"%1 must be a number of seconds from %2 to %3%4"_s.arg(option).arg(min).arg(max).arg(
        why.isEmpty() ? QString() : u" (%1)"_s.arg(why));
}

std::chrono::milliseconds secondsToMs(double seconds)
{
    return std::chrono::milliseconds(std::llround(seconds * 1000.0));
}

// "MS" or "MIN-MAX", whole milliseconds.
std::optional<std::pair<std::chrono::milliseconds, std::chrono::milliseconds>>
thinkTimeRange(const QString &text)
{
    const QStringList parts = text.split(u'-');
    if (parts.size() > 2)
        return std::nullopt;
    bool minOk = false;
    bool maxOk = false;
    const qlonglong min = parts.first().trimmed().toLongLong(&minOk);
    const qlonglong max = parts.last().trimmed().toLongLong(&maxOk);
    if (!minOk || !maxOk || min < 0 || max < min)
        return std::nullopt;
    return std::pair{std::chrono::milliseconds(min), std::chrono::milliseconds(max)};
}

} // namespace

QString LoadCommand::name() const { return u"load"_s; }

QString LoadCommand::summary() const
{
    return u"Load an HTTP server as ab does (native epoll engine), print ab's report"_s;
}

int LoadCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Send HTTP requests to URL with MPM Lab's own engine and print a report in ab's layout "
        "(times in milliseconds with decimals). Closed loop like ab (-n/-c/-t), with browser-like "
        "pauses (--think-time), or open loop at a fixed rate (--rate) with latencies corrected "
        "for coordinated omission. A kept-alive connection that the server closes is no "
        "failure: the request that met the close is sent again on a new connection (GET, HEAD "
        "and other idempotent methods; a POST fails as 'not retried'). Latencies are over "
        "completed requests only; requests still waiting at the end are reported apart."_s);
    parser.addHelpOption();
    const QCommandLineOption requests(
        u"n"_s, u"Number of requests (default 1; none with -t alone)."_s, u"requests"_s);
    const QCommandLineOption concurrency(u"c"_s, u"Number of concurrent connections (default 1)."_s,
                                         u"concurrency"_s);
    const QCommandLineOption timelimit(
        u"t"_s, u"Seconds of measured load (no request limit unless -n)."_s, u"seconds"_s);
    const QCommandLineOption timeout(u"s"_s, u"Seconds to wait for each request (default 30)."_s,
                                     u"timeout"_s);
    const QCommandLineOption keepAlive(u"k"_s, u"Use HTTP keep-alive (persistent connections)."_s);
    const QCommandLineOption header(
        u"H"_s, u"Extra header, e.g. 'Accept-Encoding: gzip' (repeatable)."_s, u"header"_s);
    const QCommandLineOption method(u"m"_s, u"HTTP method (default GET; POST with -p)."_s,
                                    u"method"_s);
    const QCommandLineOption postFile(
        u"p"_s,
        u"File holding the body to POST (a regular file of at most %1 MiB)."_s.arg(maxBodyMiB),
        u"file"_s);
    const QCommandLineOption contentType(
        u"T"_s, u"Content-Type of the body (default text/plain)."_s, u"type"_s);
    const QCommandLineOption variableLength(
        u"l"_s, u"Accept variable document length (no Length failures for differing bodies)."_s);
    const QCommandLineOption threads(
        u"threads"_s,
        u"Worker threads (default: one per core, one per two cores when the server runs on "
        "this machine)."_s,
        u"count"_s);
    const QCommandLineOption thinkTime(
        u"think-time"_s,
        u"Pause MS, or a uniform MIN-MAX ms, between a response and the next request of each "
        "connection (kept open with -k), like a browser's user reading a page."_s,
        u"ms"_s);
    const QCommandLineOption rate(
        u"rate"_s, u"Open loop: requests per second over all connections."_s, u"rps"_s);
    const QCommandLineOption warmup(u"warmup"_s, u"Seconds of load before measuring."_s,
                                    u"seconds"_s);
    const QCommandLineOption maxDuration(
        u"max-duration"_s,
        u"Hard bound on the whole run in seconds, warm-up included (default 3600, at most "
        "604800: a week). A run it ends before its -n requests or its -t exits with 10."_s,
        u"seconds"_s);
    const QCommandLineOption idle(
        u"idle-connections"_s,
        u"Also hold N keep-alive connections that send one request and stay silent."_s, u"count"_s);
    const QCommandLineOption http10(u"http10"_s, u"Send exactly ab's HTTP/1.0 request."_s);
    const QCommandLineOption json(
        u"json"_s,
        u"Also write the result as JSON to FILE ('-' for stdout, instead of the report)."_s,
        u"file"_s);
    const QCommandLineOption timeseries(
        u"timeseries"_s, u"Write one CSV row per 100 ms interval to FILE."_s, u"file"_s);
    const QCommandLineOption quiet(u"q"_s, u"No progress on stderr."_s);
    parser.addOptions({requests, concurrency, timelimit, timeout, keepAlive, header, method,
                       postFile, contentType, variableLength});
    parser.addOptions(
        {threads, thinkTime, rate, warmup, maxDuration, idle, http10, json, timeseries, quiet});
    parser.addPositionalArgument(u"url"_s, u"http://host[:port]/path (IPv6: http://[::1]:port/)."_s,
                                 u"load <url>"_s);
    QStringList words;
    if (const std::optional<int> done = parseArguments(parser, arguments, words))
        return *done;
    if (words.size() != 1)
        return usageError(u"load: give exactly one URL"_s);

    LoadSpec spec;
    spec.url = words.first().toStdString();
    const auto wholeNumber = [&](const QCommandLineOption &option, const QString &what,
                                 long long &into) -> bool {
        bool ok = false;
        into = parser.value(option).toLongLong(&ok);
        if (!ok || into < 1) {
            usageError(u"%1 must be a whole number of at least 1"_s.arg(what));
            return false;
        }
        return true;
    };
    long long whole = 0;
    if (parser.isSet(requests)) {
        if (!wholeNumber(requests, u"-n"_s, whole))
            return UsageError;
        spec.requests = std::uint64_t(whole);
    }
    if (parser.isSet(concurrency)) {
        if (!wholeNumber(concurrency, u"-c"_s, whole) || whole > 1'000'000)
            return whole > 1'000'000 ? usageError(u"-c is too large"_s) : UsageError;
        spec.concurrency = int(whole);
    }
    // The bounds first: -t and --warmup must fit in --max-duration.
    double maxDurationS = defaultMaxDurationS;
    if (parser.isSet(maxDuration)) {
        const auto seconds = secondsIn(parser.value(maxDuration), minSeconds, maxSeconds);
        if (!seconds)
            return usageError(secondsRangeError(u"--max-duration"_s, minSeconds, maxSeconds));
        maxDurationS = *seconds;
    }
    spec.maxDuration = secondsToMs(maxDurationS);
    double warmupS = 0;
    if (parser.isSet(warmup)) {
        const auto seconds = secondsIn(parser.value(warmup), 0, maxDurationS);
        if (!seconds)
            return usageError(
                secondsRangeError(u"--warmup"_s, 0, maxDurationS, u"--max-duration"_s));
        warmupS = *seconds;
        spec.warmup = secondsToMs(warmupS);
    }
    if (parser.isSet(timelimit)) {
        const double longest = maxDurationS - warmupS;
        const auto seconds = secondsIn(parser.value(timelimit), minSeconds, longest);
        if (!seconds) {
            return usageError(secondsRangeError(
                u"-t"_s, minSeconds, longest,
                u"--max-duration minus --warmup; raise --max-duration for a longer run"_s));
        }
        spec.duration = secondsToMs(*seconds);
        if (!parser.isSet(requests))
            spec.requests = 0;
    }
    if (parser.isSet(timeout)) {
        const auto seconds = secondsIn(parser.value(timeout), minSeconds, maxSeconds);
        if (!seconds)
            return usageError(secondsRangeError(u"-s"_s, minSeconds, maxSeconds));
        spec.timeout = secondsToMs(*seconds);
    }
    if (parser.isSet(threads)) {
        if (!wholeNumber(threads, u"--threads"_s, whole) || whole > 1024)
            return whole > 1024 ? usageError(u"--threads is too large"_s) : UsageError;
        spec.threads = int(whole);
    }
    if (parser.isSet(thinkTime)) {
        const auto range = thinkTimeRange(parser.value(thinkTime));
        if (!range)
            return usageError(
                u"--think-time must be MS or MIN-MAX, whole milliseconds, MIN <= MAX"_s);
        std::tie(spec.thinkTimeMin, spec.thinkTimeMax) = *range;
    }
    if (parser.isSet(rate)) {
        const auto value = positiveNumber(parser.value(rate));
        if (!value || *value > maxRate) {
            return usageError(
                u"--rate must be a number of requests per second above 0, at most %L1"_s.arg(
                    maxRate, 0, 'f', 0));
        }
        spec.rate = *value;
    }
    if (parser.isSet(idle)) {
        if (!wholeNumber(idle, u"--idle-connections"_s, whole) || whole > 1'000'000)
            return whole > 1'000'000 ? usageError(u"--idle-connections is too large"_s)
                                     : UsageError;
        spec.idleConnections = int(whole);
    }
    spec.keepAlive = parser.isSet(keepAlive);
    spec.http10 = parser.isSet(http10);
    spec.acceptVariableLength = parser.isSet(variableLength);
    for (const QString &line : parser.values(header)) {
        const qsizetype colon = line.indexOf(u':');
        if (colon <= 0)
            return usageError(u"-H '%1': expected 'Name: value'"_s.arg(line));
        spec.headers.emplace_back(line.left(colon).trimmed().toStdString(),
                                  line.mid(colon + 1).trimmed().toStdString());
    }
    if (parser.isSet(postFile)) {
        const Result<QByteArray> body = readBoundedFile(parser.value(postFile), maxBodyMiB << 20);
        if (!body) {
            Error error = body.error();
            if (error.kind == Error::Kind::InvalidInput)
                error.message.prepend(u"-p "_s);
            return fail(error);
        }
        spec.body = body->toStdString();
        spec.method = "POST";
    }
    if (parser.isSet(method))
        spec.method = parser.value(method).toStdString();
    spec.contentType = parser.value(contentType).toStdString();

    // The output paths before the run: its measurements must never be lost
    // to a path mistake found at the end.
    const QString jsonPath =
        parser.isSet(json) && parser.value(json) != u"-" ? parser.value(json) : QString();
    const QString seriesPath = parser.value(timeseries);
    for (const QString &path : {jsonPath, seriesPath}) {
        if (path.isEmpty())
            continue;
        if (const Status writable = checkWritable(path); !writable)
            return fail(writable.error());
    }

    Result<std::unique_ptr<LoadRun>> prepared = LoadRun::prepare(spec);
    if (!prepared)
        return fail(prepared.error());
    LoadRun &load = *prepared.value();
    const bool showProgress = !parser.isSet(quiet);
    const QString targetText = QString::fromStdString(load.target().host);
    const QString endpoint = load.target().ipv6Literal
                                 ? u"[%1]:%2"_s.arg(targetText).arg(load.target().port)
                                 : u"%1:%2"_s.arg(targetText).arg(load.target().port);
    // Before the first output line: whoever waits for it to interrupt the
    // run must find the handler in place.
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    if (showProgress)
        err() << "Benchmarking " << targetText << " (be patient)" << Qt::endl;

    QString series = LoadReport::timeSeriesHeader();
    load.start();
    QElapsedTimer clock;
    clock.start();
    qint64 lastTick = 0;
    std::uint64_t done = 0;
    std::uint64_t nextReport = spec.requests >= 10 ? spec.requests / 10 : 0;
    bool stopAsked = false;
    for (;;) {
        const bool last = load.isFinished();
        if (!last)
            QThread::msleep(collectPeriodMs);
        if (interrupted && !stopAsked) {
            load.requestStop();
            stopAsked = true;
            if (showProgress)
                err() << "Stopping…" << Qt::endl;
        }
        const qint64 tick = clock.elapsed();
        const LoadSnapshot snapshot = load.collect();
        if (snapshot.elapsedMicros > 0) { // nothing published since the last tick: no row
            series += LoadReport::timeSeriesRow(snapshot, double(tick - lastTick) / 1000.0);
            lastTick = tick;
        }
        done += snapshot.counters.completed + snapshot.counters.failedConnect;
        while (showProgress && nextReport && done >= nextReport && nextReport <= spec.requests) {
            err() << "Completed " << nextReport << " requests" << Qt::endl;
            nextReport += spec.requests / 10;
        }
        if (last)
            break;
    }
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    const LoadResult result = load.finish();
    if (showProgress)
        err() << "Finished " << result.counters.completed << " requests" << Qt::endl;

    // The report first, on the terminal, whatever happens to the files.
    const QByteArray jsonText = QJsonDocument(result.toJson()).toJson(QJsonDocument::Indented);
    if (parser.value(json) == u"-") {
        out() << QString::fromUtf8(jsonText);
        out().flush();
    } else {
        LoadReport::print(out(), result);
    }
    int exitCode = Success;
    const auto write = [&](const QString &path, const QByteArray &contents) {
        if (path.isEmpty())
            return;
        if (const Status written = writeFileAtomically(path, contents); !written)
            exitCode = fail(written.error());
    };
    write(seriesPath, series.toUtf8());
    write(jsonPath, jsonText);
    if (exitCode != Success)
        return exitCode;

    if (result.counters.completed == 0 && result.counters.failedConnect > 0) {
        return fail(Error{Error::Kind::Network,
                          u"could not connect to %1: %2"_s.arg(
                              endpoint, QString::fromStdString(result.firstConnectError)),
                          {}});
    }
    if (result.stopped)
        return fail(Error{Error::Kind::Cancelled, u"stopped before the end"_s, {}});
    if (result.hitMaxDuration) {
        err() << "mpmlab-cli: incomplete run: --max-duration ended it before its end "
                 "(the report says what was done)"
              << Qt::endl;
        return Incomplete;
    }
    // A run in which the server answered nothing measured no server at all:
    // the report says what happened, the exit code that nothing came back.
    // (`completed` counts, as ab does, the requests that failed after
    // connecting too.)
    const LoadCounters &counters = result.counters;
    if (counters.completed <= counters.failed() - counters.failedConnect) {
        if (counters.failed() == 0) {
            return fail(Error{Error::Kind::Timeout,
                              u"the server answered no request: %1 still waiting at the end"_s.arg(
                                  result.inFlightAtEnd),
                              {}});
        }
        return fail(Error{
            Error::Kind::Network,
            u"the server answered no request: all %1 failed"_s.arg(counters.failed()), {}});
    }
    return Success;
}
