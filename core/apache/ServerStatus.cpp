#include "ServerStatus.h"

using namespace Qt::StringLiterals;

namespace mpmlab {

namespace {

template <typename T>
std::optional<T> numberField(const QHash<QString, QString> &fields, const QString &key)
{
    const auto it = fields.constFind(key);
    if (it == fields.cend())
        return std::nullopt;
    bool ok = false;
    if constexpr (std::is_same_v<T, double>) {
        // mod_status prints ".333333" for 0.333333: QString::toDouble accepts it.
        const double value = it->toDouble(&ok);
        return ok ? std::optional<T>(value) : std::nullopt;
    } else {
        const qint64 value = it->toLongLong(&ok);
        return ok ? std::optional<T>(T(value)) : std::nullopt;
    }
}

} // namespace

Result<ServerStatus> ServerStatus::parse(QStringView text)
{
    ServerStatus status;
    for (QStringView line : text.split(u'\n')) {
        line = line.trimmed();
        const qsizetype colon = line.indexOf(u':');
        // The first line is the bare host name; skip anything without "Key: ".
        if (colon <= 0 || colon + 1 >= line.size() || line.at(colon + 1) != u' ')
            continue;
        status.fields.insert(line.first(colon).toString(),
                             line.mid(colon + 1).trimmed().toString());
    }
    if (!status.fields.contains(u"ServerMPM"_s) && !status.fields.contains(u"Scoreboard"_s)) {
        return Error{Error::Kind::Network,
                     u"not a mod_status ?auto page (no ServerMPM and no Scoreboard)"_s,
                     {}};
    }

    const auto &f = status.fields;
    status.serverVersion = f.value(u"ServerVersion"_s);
    status.mpmName = f.value(u"ServerMPM"_s);
    status.mpm = mpmFromName(status.mpmName);
    status.uptimeSeconds = numberField<qint64>(f, u"ServerUptimeSeconds"_s);
    if (!status.uptimeSeconds)
        status.uptimeSeconds = numberField<qint64>(f, u"Uptime"_s);
    status.totalAccesses = numberField<qint64>(f, u"Total Accesses"_s);
    status.totalKBytes = numberField<qint64>(f, u"Total kBytes"_s);
    status.requestsPerSecond = numberField<double>(f, u"ReqPerSec"_s);
    status.cpuLoad = numberField<double>(f, u"CPULoad"_s);
    status.busyWorkers = numberField<int>(f, u"BusyWorkers"_s);
    status.idleWorkers = numberField<int>(f, u"IdleWorkers"_s);
    status.gracefulWorkers = numberField<int>(f, u"GracefulWorkers"_s);
    status.processes = numberField<int>(f, u"Processes"_s);
    status.stopping = numberField<int>(f, u"Stopping"_s);
    status.connsTotal = numberField<int>(f, u"ConnsTotal"_s);
    status.connsAsyncWriting = numberField<int>(f, u"ConnsAsyncWriting"_s);
    status.connsAsyncKeepAlive = numberField<int>(f, u"ConnsAsyncKeepAlive"_s);
    status.connsAsyncClosing = numberField<int>(f, u"ConnsAsyncClosing"_s);
    status.connsAsyncWaitIO = numberField<int>(f, u"ConnsAsyncWaitIO"_s);
    status.scoreboard = Scoreboard::parse(f.value(u"Scoreboard"_s));
    return status;
}

} // namespace mpmlab
