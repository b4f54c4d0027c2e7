#include "CampaignRunner.h"

#include "VerdictJudge.h"
#include "load/LoadRun.h"
#include "monitor/ServerSampler.h"
#include "run/RunRecorder.h"
#include "targets/Target.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QThread>
#include <algorithm>
#include <cmath>
#include <sys/resource.h>
#include <thread>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace mpmlab {

namespace {

constexpr auto tickPeriod = 100ms;            // the recorder's period; bounds the reaction to Stop
constexpr double progressPeriodSeconds = 0.5; // s between progress events while loading
constexpr auto baselineWait = 2000ms;         // for the sampler's first sample
constexpr double firstApplyEstimate = 5;      // s: stop, start, readiness checked twice

double processCpuSeconds()
{
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval &t) {
        return double(t.tv_sec) + double(t.tv_usec) / 1e6;
    };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

std::chrono::milliseconds samplingIntervalFor(double expectedSeconds)
{
    // At least ~20 samples a run, never faster than the sampler allows, and
    // no slower than its default, which keeps its cost under 2 % of a core.
    const auto wanted = std::chrono::milliseconds(std::llround(expectedSeconds * 1000.0 / 20.0));
    return std::clamp(wanted, SamplerProgram::minimumInterval, SamplerProgram::defaultInterval);
}

} // namespace

struct CampaignRunner::Original {
    std::optional<MpmKind> mpm;
    bool running = false;
    bool known = false;
};

CampaignRunner::CampaignRunner(Target &target, Scenario scenario, CampaignOptions options)
    : m_target(target)
    , m_scenario(std::move(scenario))
    , m_options(std::move(options))
{
    if (m_options.mpms.isEmpty())
        m_options.mpms = m_scenario.mpms;
}

CampaignRunner::~CampaignRunner() = default;

Status CampaignRunner::validate() const
{
    const auto invalid = [](const QString &message) {
        return Status{Error{Error::Kind::InvalidInput, message, {}}};
    };
    if (m_options.repeat < 1 || m_options.repeat > CampaignOptions::maxRepeat)
        return invalid(u"repeat must be from 1 to %1"_s.arg(CampaignOptions::maxRepeat));
    if (!(m_options.scale >= CampaignOptions::minScale
          && m_options.scale <= CampaignOptions::maxScale))
        return invalid(u"scale must be from %1 to %2"_s.arg(CampaignOptions::minScale)
                           .arg(CampaignOptions::maxScale));
    for (qsizetype i = 0; i < m_options.mpms.size(); ++i) {
        if (m_options.mpms.indexOf(m_options.mpms.at(i)) != i)
            return invalid(u"%1 is listed twice"_s.arg(mpmName(m_options.mpms.at(i))));
    }
    if (m_options.samplingInterval
        && (*m_options.samplingInterval < SamplerProgram::minimumInterval
            || *m_options.samplingInterval > SamplerProgram::maximumInterval)) {
        return invalid(u"the sampling interval must be from %1 to %2 ms"_s
                           .arg(SamplerProgram::minimumInterval.count())
                           .arg(SamplerProgram::maximumInterval.count()));
    }
    return {};
}

double CampaignRunner::estimatedRunSeconds() const
{
    const double apply = m_applied ? m_applySecondsSum / m_applied : firstApplyEstimate;
    const double load = m_loaded ? m_loadSecondsSum / m_loaded
                                 : m_scenario.load.expectedSeconds(m_options.scale) + 1.0;
    return apply + load;
}

void CampaignRunner::report(CampaignProgress::Step step, std::optional<MpmKind> mpm,
                            const QString &detail, std::shared_ptr<const RunRecorder> recorder,
                            double runFraction)
{
    if (!m_progress)
        return;
    CampaignProgress progress;
    progress.step = step;
    progress.mpm = mpm;
    progress.repeat = m_repeat;
    progress.run = m_run;
    progress.runs = m_runs;
    progress.detail = detail;
    progress.recorder = std::move(recorder);
    const double perRun = estimatedRunSeconds();
    const double left = step == CampaignProgress::Step::Done
                            ? 0.0
                            : perRun * (double(m_runs - m_run) - std::clamp(runFraction, 0.0, 1.0))
                                  + firstApplyEstimate; // the restore
    const double elapsed = double(QDateTime::currentMSecsSinceEpoch() - m_startedMs) / 1000.0;
    progress.etaSeconds = std::max(0.0, left);
    progress.fraction = elapsed + left > 0 ? std::clamp(elapsed / (elapsed + left), 0.0, 1.0) : 1.0;
    m_progress(progress);
}

CampaignResult CampaignRunner::run()
{
    CampaignResult result;
    result.scenario = m_scenario;
    result.scale = m_options.scale;
    result.repeat = m_options.repeat;
    result.mpms = m_options.mpms;
    result.started = QDateTime::currentDateTimeUtc();
    result.target.target = m_target.name();
    result.target.clientVersion = QStringLiteral(MPMLAB_VERSION);
    m_startedMs = QDateTime::currentMSecsSinceEpoch();
    m_runs = int(m_options.mpms.size()) * m_options.repeat;
    if (Status valid = validate(); !valid) {
        result.error = valid.error().message;
        result.finished = QDateTime::currentDateTimeUtc();
        return result;
    }

    ServerDriver &driver = m_target.driver();
    // The server is the campaign's from its first change until it is put
    // back: nobody switches it between two runs.
    const Result<ServerLease> owned = driver.lease(u"campaign "_s + m_scenario.id);
    if (!owned) {
        result.error = owned.error().message;
        result.finished = QDateTime::currentDateTimeUtc();
        return result;
    }
    driver.setStopToken(m_stop.get_token());
    driver.setProgressHandler([this](const QString &step) {
        report(m_run < m_runs ? CampaignProgress::Step::Applying
                              : CampaignProgress::Step::Restoring,
               std::nullopt, step);
    });
    Original original;
    prepare(result, original);
    for (m_repeat = 0; m_repeat < m_options.repeat && result.error.isEmpty(); ++m_repeat) {
        for (MpmKind mpm : std::as_const(m_options.mpms)) {
            if (stopRequested())
                break;
            runOne(result, mpm, m_repeat);
            ++m_run;
        }
    }
    result.cancelled = stopRequested();
    restore(result, original);
    result.verdicts = VerdictJudge::judge(result);
    result.finished = QDateTime::currentDateTimeUtc();
    m_run = m_runs;
    report(CampaignProgress::Step::Done, std::nullopt, {});
    driver.setProgressHandler({});
    return result;
}

void CampaignRunner::prepare(CampaignResult &result, Original &original)
{
    report(CampaignProgress::Step::Preparing, std::nullopt, {});
    ServerDriver &driver = m_target.driver();
    const Result<ServerState> state = driver.state();
    if (!state) {
        result.error = state.error().message;
        return;
    }
    original.mpm = state->running && state->runningMpm ? state->runningMpm : state->configuredMpm;
    original.running = state->running;
    original.known = true;
    result.target.os = state->osName;
    result.target.apacheVersion = state->serverVersion;
    const Result<QStringList> files = driver.createTestFiles(m_scenario.server.files);
    if (!files)
        result.error = u"cannot write the test files: "_s + files.error().message;
}

void CampaignRunner::runOne(CampaignResult &result, MpmKind mpm, int repeat)
{
    RunRecord record;
    record.mpm = mpm;
    record.repeat = repeat;
    record.profile = m_scenario.server.profileFor(mpm);
    record.startedAtMs = QDateTime::currentMSecsSinceEpoch();
    ServerDriver &driver = m_target.driver();

    report(CampaignProgress::Step::Applying, mpm, {});
    QElapsedTimer applying;
    applying.start();
    const Result<QStringList> applied = driver.applyProfile(record.profile);
    m_applySecondsSum += double(applying.elapsed()) / 1000.0;
    ++m_applied;
    if (!applied) {
        // A server that cannot start under the scenario is a result, with
        // Apache's own lines; a stop is not.
        record.error = applied.error().message;
        record.errorDetails = applied.error().details;
        if (applied.error().kind != Error::Kind::Cancelled)
            result.runs << record;
        return;
    }
    record.started = true;
    record.warnings = *applied;
    if (const Result<DirectiveSet> effective = driver.directives())
        record.effective = *effective;
    const Result<ServerState> state = driver.state();
    if (!state || !state->running) {
        record.error = state ? u"Apache stopped right after it started"_s : state.error().message;
        record.started = false;
        result.runs << record;
        return;
    }
    if (result.target.apacheVersion.isEmpty())
        result.target.apacheVersion = state->serverVersion;
    measure(record, state->baseUrl(), m_scenario.load.expectedSeconds(m_options.scale),
            result.target);
    result.runs << record;
}

void CampaignRunner::measure(RunRecord &record, const QString &baseUrl, double expectedSeconds,
                             TargetFacts &facts)
{
    const MpmKind mpm = record.mpm;
    report(CampaignProgress::Step::WarmingUp, mpm, {});
    const std::chrono::milliseconds interval =
        m_options.samplingInterval.value_or(samplingIntervalFor(expectedSeconds));
    record.samplingIntervalMs = double(interval.count());
    std::unique_ptr<ServerSampler> sampler;
    if (const Result<SamplerProgram> program = m_target.samplerProgram(interval)) {
        if (Result<std::unique_ptr<ServerSampler>> made = m_target.makeSampler(*program))
            sampler = std::move(made).value();
    }
    if (sampler) {
        if (Status started = sampler->start(); !started) {
            record.warnings << u"no server samples: "_s + started.error().message;
            sampler.reset();
        }
    } else {
        record.warnings << u"no server samples: the sampler could not be prepared"_s;
    }

    const auto recorder = std::make_shared<RunRecorder>();
    if (sampler) {
        recorder->attachSampler(sampler.get());
        // The server at rest before the load: the baseline of every chart.
        sampler->waitForSamples(1, baselineWait);
        if (const std::optional<ServerSample> first = sampler->latest()) {
            facts.cores = first->cpuCount;
            facts.memTotalKb = first->memTotalKb;
        }
        recorder->tick();
    }

    Result<std::unique_ptr<LoadRun>> prepared =
        LoadRun::prepare(m_scenario.load.toSpec(baseUrl, m_options.scale));
    if (!prepared) {
        record.error = u"the load could not start: "_s + prepared.error().message;
        record.errorDetails = prepared.error().details;
        return;
    }
    LoadRun &load = *prepared.value();
    record.clientThreads = load.threadCount();
    const double cpuBefore = processCpuSeconds();
    load.start();
    recorder->attachLoad(&load);
    const double warmup = double(load.spec().warmup.count()) / 1000.0;
    record.loadStartT = recorder->clock().secondsAt(load.startMicros()) + warmup;

    double nextReport = 0;
    bool stopAsked = false;
    bool measuring = false;
    while (!load.isFinished()) {
        std::this_thread::sleep_for(tickPeriod);
        recorder->tick();
        if (stopRequested() && !stopAsked) {
            load.requestStop();
            stopAsked = true;
        }
        const double now = recorder->clock().elapsedSeconds();
        const bool started = now >= record.loadStartT;
        if (now >= nextReport || started != measuring) {
            measuring = started;
            const double runFraction =
                expectedSeconds > 0 ? (now - recorder->loadStartT()) / expectedSeconds : 0;
            report(measuring ? CampaignProgress::Step::Loading : CampaignProgress::Step::WarmingUp,
                   mpm, {}, recorder, std::min(runFraction, 0.99));
            nextReport = now + progressPeriodSeconds;
        }
    }
    const LoadResult loadResult = load.finish();
    record.loadEndT = recorder->clock().elapsedSeconds();
    const double clientCpu = processCpuSeconds() - cpuBefore;
    m_loadSecondsSum += record.loadEndT - recorder->loadStartT();
    ++m_loaded;
    recorder->tick();

    std::optional<double> samplerCpu;
    if (sampler) {
        // One sample after the end: the frame that describes the last interval.
        QElapsedTimer waiting;
        waiting.start();
        const qint64 limit = interval.count() * 2 + 300;
        while (waiting.elapsed() < limit && !stopRequested()) {
            sampler->waitForSamples(1, tickPeriod);
            recorder->tick();
            const std::vector<ServerPoint> points = recorder->serverPoints();
            if (!points.empty() && points.back().t > record.loadEndT)
                break;
        }
        sampler->stop();
        recorder->tick();
        samplerCpu = sampler->counters().programCpuSeconds;
    }

    record.completed = !loadResult.stopped;
    record.loadResult = loadResult.toJson();
    record.load = recorder->loadPoints();
    record.server = recorder->serverPoints();
    record.busiestScoreboard = recorder->busiestScoreboard(&record.busiestScoreboardT);
    record.summary =
        RunSummary::compute(loadResult, record.server, record.loadStartT, record.loadEndT);
    record.summary.clientCpuSeconds = clientCpu;
    record.summary.samplerCpuSeconds = samplerCpu;
    if (loadResult.stopped)
        record.error = u"stopped before the end"_s;
}

void CampaignRunner::restore(CampaignResult &result, const Original &original)
{
    ServerDriver &driver = m_target.driver();
    // The restore must run to its end, whatever was asked before.
    driver.setStopToken({});
    report(CampaignProgress::Step::Restoring, std::nullopt, {});
    QStringList problems;
    if (Status restored = driver.restore(); !restored)
        problems << restored.error().message;
    if (original.known) {
        const Result<ServerState> now = driver.state();
        if (!now) {
            problems << now.error().message;
        } else {
            const std::optional<MpmKind> mpm =
                now->running && now->runningMpm ? now->runningMpm : now->configuredMpm;
            if (original.mpm && mpm != original.mpm) {
                if (Status back = driver.switchMpm(*original.mpm); !back)
                    problems << back.error().message;
            }
            const Result<ServerState> after = driver.state();
            if (after && after->running != original.running) {
                const Status done = original.running ? driver.start() : driver.stop();
                if (!done)
                    problems << done.error().message;
            }
        }
    }
    result.restoreError = problems.join(u"; "_s);
}

} // namespace mpmlab
