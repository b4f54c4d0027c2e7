#pragma once

#include "apache/DirectiveScope.h"
#include "apache/DirectiveSet.h"
#include "apache/ServerDescription.h"
#include "apache/ServerState.h"
#include "scenario/CampaignOptions.h"
#include "scenario/CampaignProgress.h"
#include "scenario/CampaignResult.h"
#include "targets/TargetSpec.h"

#include <QObject>
#include <QStringList>
#include <functional>
#include <memory>
#include <optional>
#include <stop_token>

namespace mpmlab {
class Target;
} // namespace mpmlab

// The window's hands on one server: lives on a worker thread of its own
// (every driver call blocks; an SSH session belongs to the thread that
// connected it), opens the target there, and runs what the window asks
// one at a time, in order: read the state or the whole description,
// start, stop, switch MPM, set directives or the memory limit, restore,
// run a campaign. It answers with signals carrying value types, queued to
// the window.
class TargetController : public QObject {
    Q_OBJECT

public:
    TargetController();
    ~TargetController() override;

    // On the worker thread (through QMetaObject::invokeMethod).

    // Connects and detects (the login's questions go through its
    // callbacks); `stop` ends any wait within ~50 ms. Then opened() with
    // the description, or openFailed().
    void open(const mpmlab::TargetSpec &spec, std::stop_token stop);
    // The state alone: cheap, for a timer.
    void refresh();
    // The whole description: after a change, or when asked.
    void describe();
    // The same as an operation the window waits for (operationFinished).
    void reread();
    void start();
    void stop();
    void switchMpm(mpmlab::MpmKind kind);
    void setDirectives(const mpmlab::DirectiveSet &changes, mpmlab::DirectiveScope scope);
    void setMemoryLimit(std::optional<qint64> kibibytes);
    void restore();
    // Stopping `stop` (from any thread, before or during the campaign)
    // ends it within ~200 ms; the server is restored before campaignFinished.
    void runCampaign(const mpmlab::Scenario &scenario, const mpmlab::CampaignOptions &options,
                     std::stop_token stop);

Q_SIGNALS:
    void opened(const mpmlab::ServerDescription &description);
    void openFailed(const QString &message, const QString &details, bool hostKeyRefused,
                    bool cancelled);
    void stateChanged(const mpmlab::ServerState &state);
    void described(const mpmlab::ServerDescription &description);
    void progress(const QString &step);
    void operationFailed(const QString &message, const QString &details);
    // A change went through with these warnings (Apache's lines, values a
    // <VirtualHost> keeps for itself...), perhaps none.
    void changeApplied(const QString &what, const QStringList &warnings);
    void operationFinished();
    void campaignProgress(const mpmlab::CampaignProgress &progress);
    void campaignFinished(const mpmlab::CampaignResult &result);

private:
    // Runs a change (`what`, in the user's words), reports it, then the
    // description that follows it.
    void runChange(const QString &what, const std::function<mpmlab::Result<QStringList>()> &change);

    std::unique_ptr<mpmlab::Target> m_target;
};
