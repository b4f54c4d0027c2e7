#include "TargetController.h"

#include "scenario/CampaignRunner.h"
#include "targets/Target.h"

using namespace mpmlab;

TargetController::TargetController() = default;

TargetController::~TargetController() = default;

void TargetController::open(const TargetSpec &spec, std::stop_token stop)
{
    Result<std::unique_ptr<Target>> target =
        Target::open(spec, Target::Access::Control,
                     [this](const QString &step) { Q_EMIT progress(step); }, std::move(stop));
    if (!target) {
        const Error &error = target.error();
        Q_EMIT openFailed(error.message, error.details, error.kind == Error::Kind::HostKey,
                          error.kind == Error::Kind::Cancelled);
        return;
    }
    m_target = std::move(target).value();
    const Result<ServerDescription> description = m_target->driver().describe();
    if (!description) {
        m_target.reset();
        Q_EMIT openFailed(description.error().message, description.error().details, false, false);
        return;
    }
    Q_EMIT opened(*description);
}

void TargetController::refresh()
{
    if (!m_target)
        return;
    const Result<ServerState> state = m_target->driver().state();
    if (state)
        Q_EMIT stateChanged(*state);
    else
        Q_EMIT operationFailed(state.error().message, state.error().details);
}

void TargetController::describe()
{
    if (!m_target)
        return;
    const Result<ServerDescription> description = m_target->driver().describe();
    if (description) {
        Q_EMIT described(*description);
        Q_EMIT stateChanged(description->state);
    } else {
        Q_EMIT operationFailed(description.error().message, description.error().details);
    }
}

void TargetController::reread()
{
    describe();
    Q_EMIT operationFinished();
}

void TargetController::runChange(const QString &what,
                                 const std::function<Result<QStringList>()> &change)
{
    if (m_target) {
        const Result<QStringList> done = change();
        if (done)
            Q_EMIT changeApplied(what, *done);
        else
            Q_EMIT operationFailed(done.error().message, done.error().details);
        describe();
    }
    Q_EMIT operationFinished();
}

namespace {

// A change that returns no warnings, as one that does.
Result<QStringList> withoutWarnings(const Status &status)
{
    if (!status)
        return status.error();
    return QStringList{};
}

} // namespace

void TargetController::start()
{
    runChange(tr("Start"), [this] { return withoutWarnings(m_target->driver().start()); });
}

void TargetController::stop()
{
    runChange(tr("Stop"), [this] { return withoutWarnings(m_target->driver().stop()); });
}

void TargetController::switchMpm(MpmKind kind)
{
    runChange(tr("Switch to %1").arg(mpmName(kind)),
              [this, kind] { return withoutWarnings(m_target->driver().switchMpm(kind)); });
}

void TargetController::setDirectives(const DirectiveSet &changes, DirectiveScope scope)
{
    runChange(tr("Directives"),
              [this, changes, scope] { return m_target->driver().setDirectives(changes, scope); });
}

void TargetController::setMemoryLimit(std::optional<qint64> kibibytes)
{
    runChange(tr("Memory limit"), [this, kibibytes] {
        return withoutWarnings(m_target->driver().setMemoryLimit(kibibytes));
    });
}

void TargetController::restore()
{
    runChange(tr("Restore"), [this] { return withoutWarnings(m_target->driver().restore()); });
}

void TargetController::runCampaign(const Scenario &scenario, const CampaignOptions &options,
                                   std::stop_token stop)
{
    if (!m_target) {
        CampaignResult failed;
        failed.scenario = scenario;
        failed.error = tr("the server is not connected");
        Q_EMIT campaignFinished(failed);
        return;
    }
    CampaignRunner runner(*m_target, scenario, options);
    runner.setProgressHandler([this](const CampaignProgress &p) { Q_EMIT campaignProgress(p); });
    // Runs at once if Stop was pressed before the campaign began.
    const std::stop_callback forward(stop, [&runner] { runner.requestStop(); });
    const CampaignResult result = runner.run();
    // The driver's progress went to the runner; it comes back to the window.
    m_target->driver().setProgressHandler([this](const QString &step) { Q_EMIT progress(step); });
    Q_EMIT campaignFinished(result);
    describe();
}
