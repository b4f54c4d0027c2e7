#include "PointColumns.h"

#include <QJsonArray>
#include <cmath>
#include <functional>

using namespace Qt::StringLiterals;

namespace mpmlab {

namespace {

// One field of a point type: its name in files, how to read it out of a
// point as a double (NaN: none), and how to put it back.
template <typename Point> struct Field {
    QString name;
    std::function<double(const Point &)> get;
    std::function<void(Point &, double)> set;
};

template <typename Point, typename Member>
Field<Point> field(const QString &name, Member Point::*member)
{
    return {name, [member](const Point &p) { return double(p.*member); },
            [member](Point &p, double v) { p.*member = Member(v); }};
}

template <typename Point>
Field<Point> counter(const QString &name, std::uint64_t LoadCounters::*member)
{
    return {name, [member](const Point &p) { return double(p.counters.*member); },
            [member](Point &p, double v) { p.counters.*member = std::uint64_t(v); }};
}

const std::vector<Field<LoadPoint>> &loadFields()
{
    using P = LoadPoint;
    static const std::vector<Field<P>> fields{
        field(u"t"_s, &P::t),
        field(u"interval"_s, &P::interval),
        {u"warmingUp"_s, [](const P &p) { return p.warmingUp ? 1.0 : 0.0; },
         [](P &p, double v) { p.warmingUp = v != 0; }},
        field(u"requestsPerSecond"_s, &P::requestsPerSecond),
        field(u"p50Ms"_s, &P::p50Ms),
        field(u"p90Ms"_s, &P::p90Ms),
        field(u"p99Ms"_s, &P::p99Ms),
        field(u"maxMs"_s, &P::maxMs),
        field(u"longestWaitMs"_s, &P::longestWaitMs),
        counter<P>(u"completed"_s, &LoadCounters::completed),
        counter<P>(u"failedConnect"_s, &LoadCounters::failedConnect),
        counter<P>(u"failedReceive"_s, &LoadCounters::failedReceive),
        counter<P>(u"failedLength"_s, &LoadCounters::failedLength),
        counter<P>(u"failedExceptions"_s, &LoadCounters::failedExceptions),
        counter<P>(u"failedNotRetried"_s, &LoadCounters::failedNotRetried),
        counter<P>(u"keepAliveClosed"_s, &LoadCounters::keepAliveClosed),
        counter<P>(u"non2xx"_s, &LoadCounters::non2xx),
        counter<P>(u"timeouts"_s, &LoadCounters::timeouts),
        counter<P>(u"resets"_s, &LoadCounters::resets),
        counter<P>(u"connectionsOpened"_s, &LoadCounters::connectionsOpened),
        counter<P>(u"bytesReceived"_s, &LoadCounters::bytesReceived),
        field(u"connecting"_s, &P::connecting),
        field(u"awaiting"_s, &P::awaiting),
        field(u"thinking"_s, &P::thinking),
        field(u"openConnections"_s, &P::openConnections),
        field(u"idleConnectionsOpen"_s, &P::idleConnectionsOpen),
        field(u"clientsNeverServed"_s, &P::clientsNeverServed),
    };
    return fields;
}

const std::vector<Field<ServerPoint>> &serverFields()
{
    using P = ServerPoint;
    static const std::vector<Field<P>> fields = [] {
        std::vector<Field<P>> list{
            field(u"t"_s, &P::t),
            {u"running"_s, [](const P &p) { return p.running ? 1.0 : 0.0; },
             [](P &p, double v) { p.running = v != 0; }},
            field(u"processes"_s, &P::processes),
            field(u"threads"_s, &P::threads),
            field(u"rssKb"_s, &P::rssKb),
            field(u"pssKb"_s, &P::pssKb),
            field(u"ussKb"_s, &P::ussKb),
            {u"pssComplete"_s, [](const P &p) { return p.pssComplete ? 1.0 : 0.0; },
             [](P &p, double v) { p.pssComplete = v != 0; }},
            field(u"memUsedKb"_s, &P::memUsedKb),
            field(u"memTotalKb"_s, &P::memTotalKb),
            field(u"cores"_s, &P::cores),
            field(u"apacheCpuPercent"_s, &P::apacheCpuPercent),
            field(u"systemCpuPercent"_s, &P::systemCpuPercent),
            field(u"busyWorkers"_s, &P::busyWorkers),
            field(u"idleWorkers"_s, &P::idleWorkers),
            field(u"connsTotal"_s, &P::connsTotal),
            field(u"connsAsyncKeepAlive"_s, &P::connsAsyncKeepAlive),
            field(u"connsAsyncWriting"_s, &P::connsAsyncWriting),
            field(u"connsAsyncClosing"_s, &P::connsAsyncClosing),
            field(u"slotCount"_s, &P::slotCount),
        };
        // One column per scoreboard state, named by its symbol: "slots_".
        for (int i = 0; i < Scoreboard::slotStateCount; ++i) {
            const auto state = Scoreboard::SlotState(i);
            const QChar symbol = Scoreboard::symbolOf(state);
            list.push_back({u"slots%1"_s.arg(symbol == u'.' ? u"Open"_s : QString(symbol)),
                            [i](const P &p) { return double(p.slotStates[std::size_t(i)]); },
                            [i](P &p, double v) { p.slotStates[std::size_t(i)] = int(v); }});
        }
        return list;
    }();
    return fields;
}

template <typename Point>
QJsonObject columnsOf(const std::vector<Point> &points, const std::vector<Field<Point>> &fields)
{
    QJsonObject object;
    for (const Field<Point> &f : fields) {
        QJsonArray column;
        for (const Point &point : points) {
            const double value = f.get(point);
            column.append(std::isnan(value) ? QJsonValue(QJsonValue::Null) : QJsonValue(value));
        }
        object.insert(f.name, column);
    }
    return object;
}

template <typename Point>
Result<std::vector<Point>> pointsOf(const QJsonObject &object,
                                    const std::vector<Field<Point>> &fields, const QString &what)
{
    const qsizetype count = object.value(u"t"_s).toArray().size();
    std::vector<Point> points(std::size_t(count), Point{});
    for (const Field<Point> &f : fields) {
        const QJsonValue value = object.value(f.name);
        if (value.isUndefined())
            continue; // a field added later than the file: its default
        const QJsonArray column = value.toArray();
        if (!value.isArray() || column.size() != count) {
            return Error{Error::Kind::InvalidInput,
                         u"%1.%2 must be a list of %3 numbers"_s.arg(what, f.name).arg(count),
                         {}};
        }
        for (qsizetype i = 0; i < count; ++i) {
            const QJsonValue cell = column.at(i);
            if (!cell.isDouble() && !cell.isNull()) {
                return Error{Error::Kind::InvalidInput,
                             u"%1.%2[%3] is not a number"_s.arg(what, f.name).arg(i),
                             {}};
            }
            f.set(points[std::size_t(i)], cell.isNull() ? std::nan("") : cell.toDouble());
        }
    }
    return points;
}

template <typename Point> QStringList headerOf(const std::vector<Field<Point>> &fields)
{
    QStringList names;
    for (const Field<Point> &f : fields)
        names << f.name;
    return names;
}

template <typename Point>
QStringList rowOf(const Point &point, const std::vector<Field<Point>> &fields)
{
    QStringList cells;
    for (const Field<Point> &f : fields) {
        const double value = f.get(point);
        cells << (std::isnan(value) ? QString() : QString::number(value, 'g', 12));
    }
    return cells;
}

} // namespace

QJsonObject PointColumns::toJson(const std::vector<LoadPoint> &points)
{
    return columnsOf(points, loadFields());
}

QJsonObject PointColumns::toJson(const std::vector<ServerPoint> &points)
{
    return columnsOf(points, serverFields());
}

Result<std::vector<LoadPoint>> PointColumns::loadPointsFromJson(const QJsonObject &columns)
{
    return pointsOf(columns, loadFields(), u"series.load"_s);
}

Result<std::vector<ServerPoint>> PointColumns::serverPointsFromJson(const QJsonObject &columns)
{
    return pointsOf(columns, serverFields(), u"series.server"_s);
}

QStringList PointColumns::loadCsvHeader() { return headerOf(loadFields()); }
QStringList PointColumns::loadCsvRow(const LoadPoint &point) { return rowOf(point, loadFields()); }
QStringList PointColumns::serverCsvHeader() { return headerOf(serverFields()); }
QStringList PointColumns::serverCsvRow(const ServerPoint &point)
{
    return rowOf(point, serverFields());
}

} // namespace mpmlab
