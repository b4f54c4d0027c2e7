#include "SummaryJson.h"

#include <QJsonValue>
#include <functional>

using namespace Qt::StringLiterals;

namespace mpmlab {

namespace {

struct Field {
    QString name;
    std::function<QJsonValue(const RunSummary &)> get;
    std::function<bool(RunSummary &, const QJsonValue &)> set; // false: wrong type
};

template <typename T> Field plain(const QString &name, T RunSummary::*member)
{
    return {name, [member](const RunSummary &s) { return QJsonValue(double(s.*member)); },
            [member](RunSummary &s, const QJsonValue &v) {
                if (!v.isDouble())
                    return false;
                s.*member = T(v.toDouble());
                return true;
            }};
}

template <typename T> Field optional(const QString &name, std::optional<T> RunSummary::*member)
{
    return {name,
            [member](const RunSummary &s) {
                return (s.*member) ? QJsonValue(double(*(s.*member)))
                                   : QJsonValue(QJsonValue::Null);
            },
            [member](RunSummary &s, const QJsonValue &v) {
                if (v.isNull()) {
                    (s.*member).reset();
                    return true;
                }
                if (!v.isDouble())
                    return false;
                s.*member = T(v.toDouble());
                return true;
            }};
}

Field counter(const QString &name, std::uint64_t LoadCounters::*member)
{
    return {name, [member](const RunSummary &s) { return QJsonValue(double(s.counters.*member)); },
            [member](RunSummary &s, const QJsonValue &v) {
                if (!v.isDouble())
                    return false;
                s.counters.*member = std::uint64_t(v.toDouble());
                return true;
            }};
}

const std::vector<Field> &fields()
{
    using S = RunSummary;
    static const std::vector<Field> list{
        plain(u"seconds"_s, &S::seconds),
        plain(u"requestsPerSecond"_s, &S::requestsPerSecond),
        counter(u"completed"_s, &LoadCounters::completed),
        counter(u"failedConnect"_s, &LoadCounters::failedConnect),
        counter(u"failedReceive"_s, &LoadCounters::failedReceive),
        counter(u"failedLength"_s, &LoadCounters::failedLength),
        counter(u"failedExceptions"_s, &LoadCounters::failedExceptions),
        counter(u"failedNotRetried"_s, &LoadCounters::failedNotRetried),
        counter(u"keepAliveClosed"_s, &LoadCounters::keepAliveClosed),
        counter(u"non2xx"_s, &LoadCounters::non2xx),
        counter(u"timeouts"_s, &LoadCounters::timeouts),
        counter(u"resets"_s, &LoadCounters::resets),
        counter(u"keepAliveRequests"_s, &LoadCounters::keepAliveRequests),
        counter(u"connectionsOpened"_s, &LoadCounters::connectionsOpened),
        counter(u"bytesReceived"_s, &LoadCounters::bytesReceived),
        counter(u"bodyBytes"_s, &LoadCounters::bodyBytes),
        plain(u"attempted"_s, &S::attempted),
        optional(u"p50Ms"_s, &S::p50Ms),
        optional(u"p90Ms"_s, &S::p90Ms),
        optional(u"p99Ms"_s, &S::p99Ms),
        optional(u"maxMs"_s, &S::maxMs),
        optional(u"connectP99Ms"_s, &S::connectP99Ms),
        plain(u"inFlightAtEnd"_s, &S::inFlightAtEnd),
        plain(u"oldestInFlightMs"_s, &S::oldestInFlightMs),
        plain(u"clients"_s, &S::clients),
        plain(u"clientsNeverServed"_s, &S::clientsNeverServed),
        plain(u"medianResponsesPerClient"_s, &S::medianResponsesPerClient),
        plain(u"samples"_s, &S::samples),
        optional(u"peakPssKib"_s, &S::peakPssKib),
        optional(u"peakRssKib"_s, &S::peakRssKib),
        optional(u"peakUssKib"_s, &S::peakUssKib),
        plain(u"peakPssT"_s, &S::peakPssT),
        plain(u"peakRssT"_s, &S::peakRssT),
        plain(u"peakProcesses"_s, &S::peakProcesses),
        plain(u"peakThreads"_s, &S::peakThreads),
        optional(u"serverCpuSeconds"_s, &S::serverCpuSeconds),
        optional(u"peakSystemCpuPercent"_s, &S::peakSystemCpuPercent),
        plain(u"slotCount"_s, &S::slotCount),
        plain(u"peakBusySlots"_s, &S::peakBusySlots),
        plain(u"peakBusyT"_s, &S::peakBusyT),
        plain(u"peakKeepAliveSlots"_s, &S::peakKeepAliveSlots),
        plain(u"peakKeepAliveT"_s, &S::peakKeepAliveT),
        optional(u"peakAsyncKeepAlive"_s, &S::peakAsyncKeepAlive),
        plain(u"peakAsyncKeepAliveT"_s, &S::peakAsyncKeepAliveT),
        optional(u"clientCpuSeconds"_s, &S::clientCpuSeconds),
        optional(u"samplerCpuSeconds"_s, &S::samplerCpuSeconds),
    };
    return list;
}

} // namespace

QJsonObject SummaryJson::toJson(const RunSummary &summary)
{
    QJsonObject object;
    for (const Field &f : fields())
        object.insert(f.name, f.get(summary));
    // Derived, for scripts: the same figures verdicts compare.
    object.insert(u"failed"_s, double(summary.failed()));
    object.insert(u"failureRatio"_s, summary.failureRatio());
    object.insert(u"longestWaitMs"_s, summary.longestWaitMs());
    return object;
}

Result<RunSummary> SummaryJson::fromJson(const QJsonObject &object, const QString &where)
{
    RunSummary summary;
    for (const Field &f : fields()) {
        const QJsonValue value = object.value(f.name);
        if (value.isUndefined())
            continue; // a figure this file predates: its default
        if (!f.set(summary, value)) {
            return Error{Error::Kind::InvalidInput,
                         u"%1.%2 must be a number or null"_s.arg(where, f.name),
                         {}};
        }
    }
    return summary;
}

} // namespace mpmlab
