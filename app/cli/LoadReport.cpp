#include "LoadReport.h"

using namespace Qt::StringLiterals;
using namespace mpmlab;

namespace {

QString label(const char *text) { return QString::fromLatin1(text).leftJustified(24); }

QString ms(double micros, int decimals = 3)
{
    return QString::number(micros / 1000.0, 'f', decimals);
}

QString timesRow(const char *name, const LatencyHistogram &h)
{
    return QString::fromLatin1(name).leftJustified(12) + ms(double(h.min())).rightJustified(9)
           + ms(h.mean()).rightJustified(10) + ms(h.standardDeviation()).rightJustified(9)
           + ms(double(h.valueAtPercentile(50))).rightJustified(10)
           + ms(double(h.max())).rightJustified(10) + u'\n';
}

QString thinkTimeText(const LoadResult &r)
{
    if (r.thinkTimeMin == r.thinkTimeMax)
        return u"%1 ms per connection"_s.arg(r.thinkTimeMax.count());
    return u"%1-%2 ms per connection (uniform)"_s.arg(r.thinkTimeMin.count())
        .arg(r.thinkTimeMax.count());
}

// What stands instead of a table when no request completed: never zeros.
void printNothingCompleted(QTextStream &out, const LoadResult &r)
{
    out << "  no request completed";
    if (r.inFlightAtEnd > 0)
        out << "; " << r.inFlightAtEnd << " still waiting at the end, the longest for "
            << ms(double(r.oldestInFlightMicros)) << " ms";
    out << '\n';
}

void printPercentiles(QTextStream &out, const LatencyHistogram &h)
{
    for (double p : {50.0, 66.0, 75.0, 80.0, 90.0, 95.0, 98.0, 99.0, 99.9}) {
        const QString name = QString::number(p) + u'%';
        out << "  " << name.rightJustified(5)
            << ms(double(h.valueAtPercentile(p))).rightJustified(11) << '\n';
    }
    out << "  " << u"100%"_s.rightJustified(5) << ms(double(h.max())).rightJustified(11)
        << " (longest request)\n";
}

} // namespace

void LoadReport::print(QTextStream &out, const LoadResult &r)
{
    const LoadCounters &c = r.counters;
    out << label("Server Software:") << QString::fromStdString(r.serverSoftware) << '\n';
    out << label("Server Hostname:") << QString::fromStdString(r.host) << '\n';
    out << label("Server Port:") << r.port << "\n\n";
    out << label("Document Path:") << QString::fromStdString(r.path) << '\n';
    out << label("Document Length:")
        << (r.documentLength >= 0 ? u"%1 bytes"_s.arg(r.documentLength) : u"-"_s) << "\n\n";
    out << label("Concurrency Level:") << r.concurrency << '\n';
    out << label("Threads:") << r.threads << (r.threadsChosen ? " (automatic)\n" : "\n");
    if (r.thinkTimeMax.count() > 0)
        out << label("Think time:") << thinkTimeText(r) << '\n';
    if (r.targetRate > 0)
        out << label("Target rate:") << QString::number(r.targetRate, 'f', 2)
            << " [#/sec] (open loop)\n";
    out << label("Time taken for tests:") << QString::number(r.seconds, 'f', 3) << " seconds\n";
    out << label("Complete requests:") << c.completed << '\n';
    out << label("Failed requests:") << c.failed() << '\n';
    out << "   (Connect: " << c.failedConnect << ", Receive: " << c.failedReceive
        << ", Length: " << c.failedLength << ", Exceptions: " << c.failedExceptions << ")\n";
    if (c.failedNotRetried)
        out << "   (Not retried: " << c.failedNotRetried
            << ": non-idempotent requests on kept-alive connections the server closed)\n";
    if (r.keepAlive || c.keepAliveClosed)
        out << "Keep-alive closed by server: " << c.keepAliveClosed
            << " (no failures: a request that met the close was sent again)\n";
    out << label("In flight at end:") << r.inFlightAtEnd;
    if (r.inFlightAtEnd > 0)
        out << " (longest current wait " << ms(double(r.oldestInFlightMicros)) << " ms)";
    out << '\n';
    const ClientService &clients = r.clients;
    out << label("Clients served:") << (clients.clients - clients.neverServed) << " of "
        << clients.clients;
    if (clients.neverServed > 0)
        out << " (" << clients.neverServed << " never got an answer)";
    out << '\n';
    out << label("Responses per client:") << "min " << clients.minResponses << ", median "
        << clients.medianResponses << ", max " << clients.maxResponses << '\n';
    if (c.non2xx)
        out << label("Non-2xx responses:") << c.non2xx << '\n';
    if (c.timeouts)
        out << label("Timeouts:") << c.timeouts << '\n';
    if (c.resets)
        out << label("Resets:") << c.resets << '\n';
    if (r.keepAlive)
        out << label("Keep-Alive requests:") << c.keepAliveRequests << '\n';
    out << label("Connections opened:") << c.connectionsOpened << '\n';
    out << label("Total transferred:") << c.bytesReceived << " bytes\n";
    out << label("HTML transferred:") << c.bodyBytes << " bytes\n";
    const double seconds = r.seconds > 0 ? r.seconds : 1e-9;
    out << label("Requests per second:") << QString::number(r.requestsPerSecond(), 'f', 2)
        << " [#/sec] (mean)\n";
    if (c.completed) { // no mean over nothing
        const double completed = double(c.completed);
        out << label("Time per request:")
            << QString::number(seconds * 1000.0 * r.concurrency / completed, 'f', 3)
            << " [ms] (mean)\n";
        out << label("Time per request:") << QString::number(seconds * 1000.0 / completed, 'f', 3)
            << " [ms] (mean, across all concurrent requests)\n";
    }
    out << label("Transfer rate:")
        << QString::number(double(c.bytesReceived) / 1024.0 / seconds, 'f', 2)
        << " [Kbytes/sec] received\n\n";

    out << "Connection Times (ms)\n";
    if (r.total.count() == 0) {
        printNothingCompleted(out, r);
        out << '\n';
    } else {
        out << "                 min      mean[+/-sd]    median       max\n";
        out << timesRow("Connect:", r.connect) << timesRow("Processing:", r.processing)
            << timesRow("Waiting:", r.waiting) << timesRow("Total:", r.total) << '\n';
    }

    out << "Percentage of the requests served within a certain time (ms)\n";
    if (r.total.count() == 0)
        printNothingCompleted(out, r);
    else
        printPercentiles(out, r.total);
    if (r.targetRate > 0 && r.corrected.count() > 0) {
        out << "\nCorrected for coordinated omission: from each request's intended send time "
               "(ms)\n";
        printPercentiles(out, r.corrected);
    }
    if (r.idle.requested > 0) {
        const IdleConnectionStats &i = r.idle;
        out << "\nIdle connections (one request each, then silent)\n";
        out << label("  Requested:") << i.requested << '\n';
        out << label("  Opened:") << i.opened << '\n';
        out << label("  Answered:") << i.answered;
        if (i.answered)
            out << "  (mean " << ms(i.answerTime.mean()) << " ms, max "
                << ms(double(i.answerTime.max())) << " ms)";
        out << '\n';
        out << label("  Failed:") << i.failed << '\n';
        out << label("  Closed by server:") << i.closedByServer;
        if (i.closedByServer)
            out << "  (after " << ms(double(i.closedAfter.min())) << " to "
                << ms(double(i.closedAfter.max())) << " ms of silence)";
        out << '\n';
        out << label("  Still open at end:") << i.stillOpen << '\n';
    }
    if (r.stopped)
        out << "\nThe run was stopped before the end.\n";
    if (r.hitMaxDuration) {
        out << "\nIncomplete: --max-duration (" << double(r.maxDuration.count()) / 1000.0
            << " s) ended the run";
        if (r.requests > 0)
            out << " with " << r.counters.completed + r.counters.failed() << " of " << r.requests
                << " requests done";
        else
            out << " before the end of its -t";
        if (r.inFlightAtEnd > 0)
            out << ", " << r.inFlightAtEnd << " still waiting";
        out << ".\n";
    }
    out.flush();
}

QString LoadReport::timeSeriesHeader()
{
    QStringList columns{u"elapsed_s"_s, u"interval_s"_s, u"warmup"_s};
    for (const LoadCounterField &field : loadCounterFields)
        columns << QString::fromLatin1(field.csvColumn);
    columns << u"failed"_s << u"rps"_s << u"p50_ms"_s << u"p90_ms"_s << u"p99_ms"_s << u"max_ms"_s
            << u"connect_mean_ms"_s << u"longest_wait_ms"_s << u"connecting"_s << u"awaiting"_s
            << u"thinking"_s << u"clients_served"_s << u"open_connections"_s << u"idle_open"_s;
    return columns.join(u',') + u'\n';
}

QString LoadReport::timeSeriesRow(const LoadSnapshot &s, double intervalSeconds)
{
    const LoadCounters &c = s.counters;
    const double rps = intervalSeconds > 0 ? double(c.completed) / intervalSeconds : 0.0;
    // Latencies of the requests that completed in the interval; an empty
    // field when none did (the censoring rule: never 0 for no answer).
    const LatencyHistogram &latency = s.latency;
    const auto percentile = [&latency](double p) {
        return latency.count() ? ms(double(latency.valueAtPercentile(p))) : QString();
    };
    QStringList fields{
        QString::number(double(s.elapsedMicros) / 1e6, 'f', 3),
        QString::number(intervalSeconds, 'f', 3),
        s.warmingUp ? u"1"_s : u"0"_s,
    };
    for (const LoadCounterField &field : loadCounterFields)
        fields << QString::number(c.*field.member);
    fields << QString::number(c.failed()) << QString::number(rps, 'f', 1) << percentile(50)
           << percentile(90) << percentile(99)
           << (latency.count() ? ms(double(latency.max())) : QString())
           << (s.connect.count() ? ms(s.connect.mean()) : QString())
           << ms(double(s.oldestInFlightMicros)) << QString::number(s.connecting)
           << QString::number(s.awaiting) << QString::number(s.thinking)
           << QString::number(s.clientsServed) << QString::number(s.openConnections)
           << QString::number(s.idleConnectionsOpen);
    return fields.join(u',') + u'\n';
}
