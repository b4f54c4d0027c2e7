#include "MonitorCommand.h"

#include "SshLoginOptions.h"
#include "common/AtomicFile.h"
#include "local/LocalLab.h"
#include "monitor/SampleCsv.h"
#include "monitor/ServerSampler.h"
#include "targets/Target.h"

#include <QCommandLineParser>
#include <QDeadlineTimer>
#include <QFile>
#include <QScopeGuard>
#include <csignal>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace mpmlab;

namespace {

volatile std::sig_atomic_t interrupted = 0;

void onMonitorInterrupt(int) { interrupted = 1; }

// How often the command looks for new samples and for Ctrl+C.
constexpr auto pollSlice = 100ms;
constexpr double minDurationSeconds = 0.1;
constexpr double maxDurationSeconds = 7 * 24 * 3600;
constexpr int maxSmapsPerFrame = 100000; // more than any server has processes

QString mebibytes(qint64 kb) { return QString::number(double(kb) / 1024.0, 'f', 1) + u" MiB"_s; }

QString percent(const std::optional<double> &value)
{
    return value ? QString::number(*value, 'f', 1) + u'%' : u"-"_s;
}

QString scoreboardSummary(const Scoreboard &board)
{
    using State = Scoreboard::SlotState;
    QString text;
    for (int s = 0; s < Scoreboard::slotStateCount; ++s) {
        const auto state = State(s);
        if (state == State::OpenSlot || board.count(state) == 0)
            continue;
        text += u' ' + Scoreboard::symbolOf(state) + QString::number(board.count(state));
    }
    return text.trimmed();
}

// A sum over the processes whose smaps_rollup could be read: "-" if none
// could, a lower bound if only some.
QString smapsSum(const ServerFigures &f, qint64 kib)
{
    if (f.processCount > 0 && f.processesWithoutSmaps >= f.processCount)
        return u"-"_s;
    return (f.processesWithoutSmaps > 0 ? u"≥"_s : QString()) + mebibytes(kib);
}

QString liveLine(const ServerSample &sample, qint64 startMs)
{
    const ServerFigures &f = sample.figures;
    QString line =
        u"%1s  procs %2  threads %3  RSS %4  PSS %5  USS %6  CPU apache %7 system %8"_s.arg(
            QString::number(double(sample.receivedAtMs - startMs) / 1000.0, 'f', 1),
            QString::number(f.processCount), QString::number(f.threadCount), mebibytes(f.rssKb),
            smapsSum(f, f.pssKb), smapsSum(f, f.ussKb), percent(f.apacheCpuPercent),
            percent(f.systemCpuPercent));
    if (f.memUsedSinceBaselineKb) {
        const qint64 delta = *f.memUsedSinceBaselineKb;
        line += u"  mem %1%2"_s.arg(delta < 0 ? u"-"_s : u"+"_s, mebibytes(qAbs(delta)));
    }
    if (sample.status) {
        const ServerStatus &s = *sample.status;
        line +=
            u"  busy %1 idle %2"_s.arg(s.busyWorkers.value_or(0)).arg(s.idleWorkers.value_or(0));
        if (s.connsTotal)
            line += u" conns %1"_s.arg(*s.connsTotal);
        line += u"  [%1]"_s.arg(scoreboardSummary(s.scoreboard));
    } else if (!sample.statusError.isEmpty()) {
        line += u"  (mod_status: %1)"_s.arg(sample.statusError);
    }
    if (!sample.parentPid)
        line += u"  (Apache is not running)"_s;
    return line;
}

} // namespace

QString MonitorCommand::name() const { return u"monitor"_s; }

QString MonitorCommand::summary() const
{
    return u"Sample the server live: processes, threads, memory, CPU, mod_status"_s;
}

int MonitorCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Sample an Apache instance live and print one line per sample: process and thread "
        "counts, summed RSS, PSS and USS, Apache's and the system's CPU, memory used since the "
        "start, and mod_status (busy and idle workers, scoreboard). Stops after --duration or "
        "on Ctrl+C. Over SSH without root or --sudo it only reads: PSS and USS of other users' "
        "processes show as '-', and a server without a readable /server-status is refused."_s);
    parser.addHelpOption();
    const QCommandLineOption targetOption(
        u"target"_s, u"local (default) or ssh://user@host[:port]."_s, u"target"_s, u"local"_s);
    const QCommandLineOption labDirOption(
        u"lab-dir"_s, u"Lab directory (default: %1)."_s.arg(LocalLab::defaultRootDir()), u"dir"_s);
    const QCommandLineOption intervalOption(
        u"interval"_s,
        u"Milliseconds between samples, %1 to %2 (default %3)."_s
            .arg(SamplerProgram::minimumInterval.count())
            .arg(SamplerProgram::maximumInterval.count())
            .arg(SamplerProgram::defaultInterval.count()),
        u"ms"_s, QString::number(SamplerProgram::defaultInterval.count()));
    const QCommandLineOption csvOption(u"csv"_s, u"Also write every sample to this CSV file."_s,
                                       u"file"_s);
    const QCommandLineOption durationOption(
        u"duration"_s, u"Stop after this many seconds (default: Ctrl+C)."_s, u"seconds"_s);
    const QCommandLineOption fetcherOption(
        u"fetcher"_s, u"How the server fetches mod_status: auto, curl, wget, bash or none."_s,
        u"name"_s, u"auto"_s);
    const QCommandLineOption smapsOption(
        u"smaps-per-frame"_s,
        u"smaps_rollup reads (PSS, USS) per sample, in rotation (default %1)."_s.arg(
            SamplerProgram::defaultSmapsPerFrame),
        u"count"_s, QString::number(SamplerProgram::defaultSmapsPerFrame));
    parser.addOptions({targetOption, labDirOption, intervalOption, csvOption, durationOption,
                       fetcherOption, smapsOption});
    parser.addOptions(SshLoginOptions::options());
    QStringList words;
    if (const std::optional<int> done = parseArguments(parser, arguments, words))
        return *done;
    if (!words.isEmpty())
        return usageError(u"monitor: unexpected argument '%1'"_s.arg(words.first()));

    const QString target = parser.value(targetOption);
    if (target != u"local"_s && !target.startsWith(u"ssh://"_s))
        return usageError(
            u"unknown target '%1': use local or ssh://user@host[:port]"_s.arg(target));

    bool ok = false;
    const auto interval = std::chrono::milliseconds(parser.value(intervalOption).toLongLong(&ok));
    if (!ok)
        return usageError(u"--interval must be a number of milliseconds"_s);
    const int smapsPerFrame = parser.value(smapsOption).toInt(&ok);
    if (!ok || smapsPerFrame < 0 || smapsPerFrame > maxSmapsPerFrame)
        return usageError(
            u"--smaps-per-frame must be a whole number from 0 to %1"_s.arg(maxSmapsPerFrame));
    const std::optional<SamplerProgram::Fetcher> fetcher =
        SamplerProgram::fetcherFromName(parser.value(fetcherOption));
    if (!fetcher)
        return usageError(u"--fetcher must be auto, curl, wget, bash or none"_s);
    std::optional<qint64> durationMs;
    if (parser.isSet(durationOption)) {
        const double seconds = parser.value(durationOption).toDouble(&ok);
        if (!ok || !(seconds >= minDurationSeconds && seconds <= maxDurationSeconds)) {
            return usageError(u"--duration must be a number of seconds from %1 to %2 (7 days)"_s
                                  .arg(minDurationSeconds)
                                  .arg(maxDurationSeconds));
        }
        durationMs = qint64(seconds * 1000.0);
    }

    // Written as the samples come, so that a long run loses nothing to a
    // crash; every write is checked, the header's before anything else
    // happens, so that a wrong path costs nothing.
    std::unique_ptr<QFile> csv;
    std::optional<Error> csvError;
    const auto writeCsv = [&](const QByteArray &bytes) {
        if (csvError)
            return;
        if (!writeAll(*csv, bytes)) {
            csvError = Error{Error::Kind::Io,
                             u"cannot write %1: %2"_s.arg(csv->fileName(), csv->errorString()),
                             {}};
        }
    };
    if (parser.isSet(csvOption)) {
        csv = std::make_unique<QFile>(parser.value(csvOption));
        if (!csv->open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Unbuffered)) {
            return fail(Error{Error::Kind::Io,
                              u"cannot write %1: %2"_s.arg(csv->fileName(), csv->errorString()),
                              {}});
        }
        writeCsv(SampleCsv::header());
        if (csvError)
            return fail(*csvError);
    }

    const Result<TargetSpec> spec =
        SshLoginOptions::read(parser, target, parser.value(labDirOption), err());
    if (!spec)
        return fail(spec.error());
    // Without root or --sudo the driver only looks, and the sampler runs as
    // the login user; the driver's session runs on this thread, the
    // sampler opens its own on its thread.
    Result<std::unique_ptr<Target>> opened =
        Target::open(*spec, Target::Access::LookOnly,
                     [](const QString &step) { err() << step << "…" << Qt::endl; });
    if (!opened)
        return fail(opened.error());
    const std::unique_ptr<Target> server = std::move(opened).value();
    ServerDriver &driver = server->driver();
    bool restoreAfterwards = false;
    // On every early return too.
    const auto takeBackOnError = qScopeGuard([&] {
        if (!restoreAfterwards)
            return;
        if (Status restored = driver.restore(); !restored)
            err() << "Could not take back MPM Lab's status page: " << restored.error().message
                  << Qt::endl;
    });
    const Result<ServerState> running = driver.state();
    if (!running)
        return fail(running.error());
    if (!running->running) {
        return fail(Error{Error::Kind::NotRunning,
                          spec->isLocal() ? u"the local lab in %1 is not running: start it with "
                                            "'mpmlab-cli lab start'"_s.arg(running->configRoot)
                                          : u"Apache (%1) on %2 is not running"_s.arg(
                                              running->configRoot, spec->name()),
                          {}});
    }
    bool added = false;
    if (!driver.canChange()) {
        if (!running->runningMpm) {
            return fail(Error{Error::Kind::InvalidInput,
                              u"Apache on %1 serves no /server-status that %2 can read: use "
                              "--sudo, and MPM Lab adds its own page for the run"_s.arg(
                                  spec->name(), spec->ssh.target.user),
                              {}});
        }
        err() << "Sampling as " << spec->ssh.target.user
              << ", without root: PSS and USS of processes owned by other users show as "
                 "'-' (--sudo reads them)"
              << Qt::endl;
    } else {
        // A server without a status page MPM Lab can read gets one for the
        // run (the local lab always has one).
        const Result<bool> pendingBefore = driver.restorePending();
        if (!pendingBefore)
            return fail(pendingBefore.error());
        const Result<bool> ensured = driver.ensureStatusPage();
        if (!ensured)
            return fail(ensured.error());
        added = *ensured;
        if (added && *pendingBefore) {
            err() << "MPM Lab's status page joins the changes already made; "
                     "`mpmlab-cli server restore` takes them all back"
                  << Qt::endl;
        }
        // Nothing else was changed: the run's own change is undone after it.
        restoreAfterwards = added && !*pendingBefore;
    }
    const Result<ServerState> state = added ? driver.state() : running;
    if (!state)
        return fail(state.error());
    Result<SamplerProgram> planned = server->samplerProgram(interval);
    if (!planned)
        return fail(planned.error());
    SamplerProgram program = std::move(planned).value();
    program.smapsPerFrame = smapsPerFrame;
    program.fetcher = *fetcher;
    const QString description =
        spec->isLocal() ? u"the local lab (%1, pid %2)"_s.arg(
            state->runningMpm ? mpmName(*state->runningMpm) : u"?"_s, QString::number(state->pid))
                        : u"%1 on %2 (%3, pid %4)"_s.arg(
                            state->configRoot, spec->name(),
                            state->runningMpm ? mpmName(*state->runningMpm) : u"?"_s,
                            QString::number(state->pid));
    if (Status valid = program.validate(); !valid)
        return fail(valid.error());

    Result<std::unique_ptr<ServerSampler>> made = server->makeSampler(program);
    if (!made)
        return fail(made.error());
    ServerSampler &sampler = *made.value();
    if (Status started = sampler.start(); !started)
        return fail(started.error());
    err() << "Sampling " << description << " every " << program.interval.count() << " ms"
          << (durationMs ? u""_s : u"; Ctrl+C stops"_s) << Qt::endl;
    // Counted from here: connecting and preparing the server take their own time.
    std::optional<QDeadlineTimer> deadline;
    if (durationMs)
        deadline = QDeadlineTimer(*durationMs);

    interrupted = 0;
    const auto previousInt = std::signal(SIGINT, onMonitorInterrupt);
    const auto previousTerm = std::signal(SIGTERM, onMonitorInterrupt);
    std::optional<qint64> startMs;
    qint64 printed = 0;
    const auto drain = [&] {
        for (const ServerSample &sample : sampler.takeSamples()) {
            if (!startMs)
                startMs = sample.receivedAtMs;
            out() << liveLine(sample, *startMs) << Qt::endl;
            if (csv)
                writeCsv(SampleCsv::row(sample));
            ++printed;
        }
    };
    while (!interrupted && !csvError && sampler.isRunning()
           && !(deadline && deadline->hasExpired())) {
        sampler.waitForSamples(1, pollSlice);
        drain();
    }
    const std::optional<Error> failure = sampler.failure();
    sampler.stop();
    drain();
    std::signal(SIGINT, previousInt);
    std::signal(SIGTERM, previousTerm);

    const SamplerCounters counters = sampler.counters();
    err() << printed << " samples";
    if (counters.framesDropped > 0)
        err() << ", " << counters.framesDropped
              << " frames dropped (last: " << counters.lastDropReason << ')';
    err() << Qt::endl;
    if (restoreAfterwards) {
        restoreAfterwards = false;
        err() << "Taking back MPM Lab's status page" << Qt::endl;
        if (Status restored = driver.restore(); !restored)
            return fail(restored.error());
    }
    if (csv) {
        csv->close();
        if (!csvError && csv->error() != QFileDevice::NoError) {
            csvError = Error{Error::Kind::Io,
                             u"cannot write %1: %2"_s.arg(csv->fileName(), csv->errorString()),
                             {}};
        }
    }
    if (csvError)
        return fail(*csvError);
    if (failure)
        return fail(*failure);
    return Success;
}
