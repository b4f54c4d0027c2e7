#include "LoadResult.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace mpmlab {

namespace {

double ms(double micros) { return micros / 1000.0; }

QJsonObject countersJson(const LoadCounters &counters)
{
    QJsonObject json{{u"failed"_s, double(counters.failed())}};
    for (const LoadCounterField &field : loadCounterFields)
        json.insert(QLatin1StringView(field.jsonKey), double(counters.*field.member));
    return json;
}

QJsonObject clientsJson(const ClientService &clients)
{
    return QJsonObject{
        {u"clients"_s, clients.clients},
        {u"neverServed"_s, clients.neverServed},
        {u"minResponses"_s, double(clients.minResponses)},
        {u"medianResponses"_s, double(clients.medianResponses)},
        {u"maxResponses"_s, double(clients.maxResponses)},
    };
}

} // namespace

void IdleConnectionStats::add(const IdleConnectionStats &other)
{
    requested += other.requested;
    opened += other.opened;
    answered += other.answered;
    failed += other.failed;
    closedByServer += other.closedByServer;
    stillOpen += other.stillOpen;
    answerTime.add(other.answerTime);
    closedAfter.add(other.closedAfter);
}

QJsonObject IdleConnectionStats::toJson() const
{
    return QJsonObject{
        {u"requested"_s, requested},
        {u"opened"_s, opened},
        {u"answered"_s, answered},
        {u"failed"_s, failed},
        {u"closedByServer"_s, closedByServer},
        {u"stillOpen"_s, stillOpen},
        {u"answerTime"_s, LoadResult::histogramJson(answerTime)},
        {u"closedAfter"_s, LoadResult::histogramJson(closedAfter)},
    };
}

double LoadResult::requestsPerSecond() const
{
    return seconds > 0 ? double(counters.completed) / seconds : 0.0;
}

QJsonObject LoadResult::histogramJson(const LatencyHistogram &histogram)
{
    if (histogram.count() == 0) {
        const QJsonValue none(QJsonValue::Null);
        return QJsonObject{
            {u"count"_s, 0},
            {u"minMs"_s, none},
            {u"meanMs"_s, none},
            {u"sdMs"_s, none},
            {u"medianMs"_s, none},
            {u"maxMs"_s, none},
            {u"percentilesMs"_s, none},
        };
    }
    QJsonObject percentiles;
    for (double p : {50.0, 66.0, 75.0, 80.0, 90.0, 95.0, 98.0, 99.0, 99.9, 99.99, 100.0})
        percentiles.insert(QString::number(p), ms(double(histogram.valueAtPercentile(p))));
    return QJsonObject{
        {u"count"_s, double(histogram.count())},
        {u"minMs"_s, ms(double(histogram.min()))},
        {u"meanMs"_s, ms(histogram.mean())},
        {u"sdMs"_s, ms(histogram.standardDeviation())},
        {u"medianMs"_s, ms(double(histogram.valueAtPercentile(50)))},
        {u"maxMs"_s, ms(double(histogram.max()))},
        {u"percentilesMs"_s, percentiles},
    };
}

QJsonObject LoadResult::toJson() const
{
    QJsonObject json{
        {u"serverSoftware"_s, QString::fromStdString(serverSoftware)},
        {u"serverHostname"_s, QString::fromStdString(host)},
        {u"serverAddress"_s, QString::fromStdString(address)},
        {u"serverPort"_s, port},
        {u"documentPath"_s, QString::fromStdString(path)},
        {u"documentLength"_s, double(documentLength)},
        {u"concurrency"_s, concurrency},
        {u"threads"_s, threads},
        {u"threadsChosen"_s, threadsChosen},
        {u"keepAlive"_s, keepAlive},
        {u"thinkTimeMinMs"_s, double(thinkTimeMin.count())},
        {u"thinkTimeMaxMs"_s, double(thinkTimeMax.count())},
        {u"seconds"_s, seconds},
        {u"stopped"_s, stopped},
        {u"hitMaxDuration"_s, hitMaxDuration},
        {u"requests"_s, double(requests)},
        {u"maxDurationS"_s, double(maxDuration.count()) / 1000.0},
        {u"requestsPerSecond"_s, requestsPerSecond()},
        {u"timePerRequestMs"_s, counters.completed ? QJsonValue(seconds * 1000.0 * concurrency
                                                                / double(counters.completed))
                                                   : QJsonValue(QJsonValue::Null)},
        {u"timePerRequestAcrossMs"_s,
         counters.completed ? QJsonValue(seconds * 1000.0 / double(counters.completed))
                            : QJsonValue(QJsonValue::Null)},
        {u"transferRateKBps"_s,
         seconds > 0 ? double(counters.bytesReceived) / 1024.0 / seconds : 0.0},
        {u"counters"_s, countersJson(counters)},
        {u"inFlightAtEnd"_s, inFlightAtEnd},
        {u"oldestInFlightMs"_s, ms(double(oldestInFlightMicros))},
        {u"clients"_s, clientsJson(clients)},
        {u"connect"_s, histogramJson(connect)},
        {u"processing"_s, histogramJson(processing)},
        {u"waiting"_s, histogramJson(waiting)},
        {u"total"_s, histogramJson(total)},
    };
    if (!firstConnectError.empty())
        json.insert(u"firstConnectError"_s, QString::fromStdString(firstConnectError));
    if (targetRate > 0) {
        json.insert(u"targetRate"_s, targetRate);
        json.insert(u"corrected"_s, histogramJson(corrected));
    }
    if (idle.requested > 0)
        json.insert(u"idleConnections"_s, idle.toJson());
    return json;
}

} // namespace mpmlab
