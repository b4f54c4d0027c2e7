#include "SampleCsv.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace mpmlab {

namespace {

using SlotState = Scoreboard::SlotState;

constexpr std::pair<SlotState, const char *> scoreboardColumns[] = {
    {SlotState::Waiting, "sb_waiting"},     {SlotState::Starting, "sb_starting"},
    {SlotState::Reading, "sb_reading"},     {SlotState::SendingReply, "sb_sending"},
    {SlotState::KeepAlive, "sb_keepalive"}, {SlotState::DnsLookup, "sb_dns"},
    {SlotState::Closing, "sb_closing"},     {SlotState::Logging, "sb_logging"},
    {SlotState::Graceful, "sb_graceful"},   {SlotState::IdleCleanup, "sb_idle_cleanup"},
    {SlotState::OpenSlot, "sb_open"},
};

template <typename T> QString cell(const std::optional<T> &value)
{
    if (!value)
        return {};
    if constexpr (std::is_floating_point_v<T>)
        return QString::number(*value, 'f', 2);
    else
        return QString::number(*value);
}

QString quotedCell(const QString &text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n'))
        return text;
    QString quoted = text;
    quoted.replace(u"\""_s, u"\"\""_s);
    return u'"' + quoted + u'"';
}

} // namespace

QByteArray SampleCsv::header()
{
    QStringList names{u"received_ms"_s,
                      u"server_time_ms"_s,
                      u"sequence"_s,
                      u"processes"_s,
                      u"threads"_s,
                      u"rss_kb"_s,
                      u"pss_kb"_s,
                      u"uss_kb"_s,
                      u"swap_kb"_s,
                      u"processes_without_smaps"_s,
                      u"processes_repeated"_s,
                      u"apache_cpu_percent"_s,
                      u"system_cpu_percent"_s,
                      u"mem_total_kb"_s,
                      u"mem_available_kb"_s,
                      u"mem_used_kb"_s,
                      u"mem_used_since_baseline_kb"_s,
                      u"load1"_s,
                      u"mpm"_s,
                      u"busy_workers"_s,
                      u"idle_workers"_s,
                      u"total_accesses"_s,
                      u"conns_total"_s,
                      u"conns_async_writing"_s,
                      u"conns_async_keepalive"_s,
                      u"conns_async_closing"_s,
                      u"conns_async_waitio"_s,
                      u"scoreboard_slots"_s};
    for (const auto &[state, name] : scoreboardColumns)
        names << QString::fromLatin1(name);
    names << u"status_error"_s;
    return names.join(u',').toUtf8() + '\n';
}

QByteArray SampleCsv::row(const ServerSample &sample)
{
    const ServerFigures &f = sample.figures;
    QStringList cells{
        QString::number(sample.receivedAtMs),
        QString::number(sample.serverTimeMs()),
        QString::number(sample.sequence),
        QString::number(f.processCount),
        QString::number(f.threadCount),
        QString::number(f.rssKb),
        QString::number(f.pssKb),
        QString::number(f.ussKb),
        QString::number(f.swapKb),
        QString::number(f.processesWithoutSmaps),
        QString::number(f.processesRepeated),
        cell(f.apacheCpuPercent),
        cell(f.systemCpuPercent),
        QString::number(sample.memTotalKb),
        QString::number(sample.memAvailableKb),
        QString::number(f.memUsedKb),
        cell(f.memUsedSinceBaselineKb),
        QString::number(sample.loadAverage[0], 'f', 2),
    };
    const ServerStatus *status = sample.status ? &*sample.status : nullptr;
    const auto statusCell = [&](auto member) -> QString {
        return status ? cell(status->*member) : QString();
    };
    cells << (status ? status->mpmName : QString()) << statusCell(&ServerStatus::busyWorkers)
          << statusCell(&ServerStatus::idleWorkers) << statusCell(&ServerStatus::totalAccesses)
          << statusCell(&ServerStatus::connsTotal) << statusCell(&ServerStatus::connsAsyncWriting)
          << statusCell(&ServerStatus::connsAsyncKeepAlive)
          << statusCell(&ServerStatus::connsAsyncClosing)
          << statusCell(&ServerStatus::connsAsyncWaitIO);
    cells << (status ? QString::number(status->scoreboard.slotCount()) : QString());
    for (const auto &[state, name] : scoreboardColumns)
        cells << (status ? QString::number(status->scoreboard.count(state)) : QString());
    cells << quotedCell(sample.statusError);
    return cells.join(u',').toUtf8() + '\n';
}

} // namespace mpmlab
