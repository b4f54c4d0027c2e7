#include "TargetController.h"

#include "scenario/CampaignRunner.h"
#include "targets/Target.h"

using namespace mpmlab;

TargetController::TargetController(TargetSpec spec)
    : m_spec(std::move(spec))
{
}

TargetController::~TargetController() = default;

Target *TargetController::target()
{
    if (m_target)
        return m_target.get();
    Result<std::unique_ptr<Target>> opened = Target::open(
        m_spec, Target::Access::Control, [this](const QString &step) { Q_EMIT progress(step); });
    if (!opened) {
        Q_EMIT operationFailed(opened.error().message, opened.error().details);
        return nullptr;
    }
    m_target = std::move(opened).value();
    return m_target.get();
}

void TargetController::refresh()
{
    Target *server = target();
    if (!server)
        return;
    const Result<ServerState> state = server->driver().state();
    if (state)
        Q_EMIT stateChanged(*state);
    else
        Q_EMIT operationFailed(state.error().message, state.error().details);
}

void TargetController::runOperation(const std::function<Status()> &operation)
{
    if (target()) {
        const Status status = operation();
        if (!status)
            Q_EMIT operationFailed(status.error().message, status.error().details);
        refresh();
    }
    Q_EMIT operationFinished();
}

void TargetController::start()
{
    runOperation([this] { return m_target->driver().start(); });
}

void TargetController::stop()
{
    runOperation([this] { return m_target->driver().stop(); });
}

void TargetController::switchMpm(MpmKind kind)
{
    runOperation([this, kind] { return m_target->driver().switchMpm(kind); });
}

void TargetController::runCampaign(const Scenario &scenario, const CampaignOptions &options,
                                   std::stop_token stop)
{
    Target *server = target();
    if (!server) {
        CampaignResult failed;
        failed.scenario = scenario;
        failed.error = QStringLiteral("the target could not be opened");
        Q_EMIT campaignFinished(failed);
        return;
    }
    CampaignRunner runner(*server, scenario, options);
    runner.setProgressHandler([this](const CampaignProgress &p) { Q_EMIT campaignProgress(p); });
    // Runs at once if Stop was pressed before the campaign began.
    const std::stop_callback forward(stop, [&runner] { runner.requestStop(); });
    const CampaignResult result = runner.run();
    // The driver's progress went to the runner; it comes back to the window.
    server->driver().setProgressHandler([this](const QString &step) { Q_EMIT progress(step); });
    Q_EMIT campaignFinished(result);
    refresh();
}
