#pragma once

#include "scenario/CampaignOptions.h"
#include "scenario/CampaignProgress.h"
#include "scenario/CampaignResult.h"
#include "targets/TargetSpec.h"

#include <QObject>
#include <memory>
#include <stop_token>

namespace mpmlab {
class Target;
} // namespace mpmlab

// The window's hands on its server: lives on a worker thread of its own
// (every driver call blocks; an SSH session belongs to one thread), opens
// the target there on first use, and runs what the window asks one at a
// time, in order: refresh the state, start, stop, switch MPM, run a
// campaign. It answers with signals carrying value types, queued to the
// window.
class TargetController : public QObject {
    Q_OBJECT

public:
    explicit TargetController(mpmlab::TargetSpec spec);
    ~TargetController() override;

    [[nodiscard]] QString targetName() const { return m_spec.name(); }
    [[nodiscard]] bool isLocal() const { return m_spec.isLocal(); }

    // On the worker thread (through QMetaObject::invokeMethod).
    void refresh();
    void start();
    void stop();
    void switchMpm(mpmlab::MpmKind kind);
    // Stopping `stop` (from any thread, before or during the campaign)
    // ends it within ~200 ms; the server is restored before campaignFinished.
    void runCampaign(const mpmlab::Scenario &scenario, const mpmlab::CampaignOptions &options,
                     std::stop_token stop);

Q_SIGNALS:
    void stateChanged(const mpmlab::ServerState &state);
    void progress(const QString &step);
    void operationFailed(const QString &message, const QString &details);
    void operationFinished();
    void campaignProgress(const mpmlab::CampaignProgress &progress);
    void campaignFinished(const mpmlab::CampaignResult &result);

private:
    // The target, opened on this thread the first time; null after an
    // error (already reported).
    mpmlab::Target *target();
    void runOperation(const std::function<mpmlab::Status()> &operation);

    mpmlab::TargetSpec m_spec;
    std::unique_ptr<mpmlab::Target> m_target;
};
