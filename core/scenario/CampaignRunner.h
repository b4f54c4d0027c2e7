#pragma once

#include "CampaignOptions.h"
#include "CampaignProgress.h"
#include "CampaignResult.h"
#include "Scenario.h"

#include <functional>
#include <memory>
#include <optional>
#include <stop_token>

namespace mpmlab {

class RunRecorder;
class Target;

// Runs one scenario on each chosen MPM in turn, on one target, and records
// it: for every run, apply the MPM and the scenario's settings (configtest,
// full restart, readiness), sample the server from before the load until
// just after it, warm up, load, and keep the run's points and summary.
// At the end, also after an error or a stop, the server is put back as it
// was (driver restore(), then the original MPM and running state), and the
// verdicts are decided on what was measured. The runner owns the server
// (ServerDriver::lease) from before its first change until it is put back;
// when another owner holds it, run() fails at once and touches nothing.
//
// One campaign = one runner, used on the target's thread (run() blocks for
// the whole campaign); requestStop() and the recorders handed out through
// progress may be used from any thread.
class CampaignRunner {
public:
    using ProgressHandler = std::function<void(const CampaignProgress &)>;

    CampaignRunner(Target &target, Scenario scenario, CampaignOptions options);
    ~CampaignRunner();
    CampaignRunner(const CampaignRunner &) = delete;
    CampaignRunner &operator=(const CampaignRunner &) = delete;

    // Called on the runner's thread at each step and every ~0.5 s of load.
    void setProgressHandler(ProgressHandler handler) { m_progress = std::move(handler); }

    // InvalidInput for options out of range (before anything is touched).
    [[nodiscard]] Status validate() const;
    // The whole campaign. The result holds every run, failed ones included,
    // `cancelled` after a stop, and `restoreError` if the server could not be
    // put back (then the user must run `server restore`).
    CampaignResult run();

    // Ends the campaign within ~200 ms (a load stops, a readiness wait
    // ends), then restores. Thread-safe.
    void requestStop() { m_stop.request_stop(); }
    [[nodiscard]] bool stopRequested() const { return m_stop.stop_requested(); }

private:
    struct Original;

    void prepare(CampaignResult &result, Original &original);
    void runOne(CampaignResult &result, MpmKind mpm, int repeat);
    // Samples and loads the server `record` was applied to; fills the
    // machine's cores and memory in `facts` from the first sample.
    void measure(RunRecord &record, const QString &baseUrl, double expectedSeconds,
                 TargetFacts &facts);
    void restore(CampaignResult &result, const Original &original);
    void report(CampaignProgress::Step step, std::optional<MpmKind> mpm, const QString &detail,
                std::shared_ptr<const RunRecorder> recorder = {}, double runFraction = 0);
    [[nodiscard]] double estimatedRunSeconds() const;

    Target &m_target;
    Scenario m_scenario;
    CampaignOptions m_options;
    ProgressHandler m_progress;
    std::stop_source m_stop;

    // Where the campaign stands, for progress and ETAs.
    int m_run = 0;
    int m_runs = 0;
    int m_repeat = 0;
    double m_applySecondsSum = 0;
    double m_loadSecondsSum = 0;
    int m_applied = 0;
    int m_loaded = 0;
    qint64 m_startedMs = 0;
};

} // namespace mpmlab
