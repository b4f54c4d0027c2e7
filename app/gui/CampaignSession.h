#pragma once

#include "scenario/CampaignOptions.h"
#include "scenario/CampaignProgress.h"
#include "scenario/CampaignResult.h"
#include "scenario/Scenario.h"

#include <QMetaObject>
#include <QObject>
#include <stop_token>

class TargetConnection;

// A campaign the window runs: it owns the server from its first change to
// its restore (the runner's lease, on the connection's thread), and the
// window only asks it to start or stop and shows what it reports. One at a
// time; a live session (issue 20) will be the other kind.
class CampaignSession : public QObject {
    Q_OBJECT

public:
    explicit CampaignSession(QObject *parent = nullptr);

    // Runs `scenario` on `connection`'s server; false when one runs already.
    bool start(TargetConnection &connection, const mpmlab::Scenario &scenario,
               const mpmlab::CampaignOptions &options);
    // Ends the load within ~200 ms; the server is put back before finished().
    void stop();

    [[nodiscard]] bool isRunning() const { return m_running; }
    [[nodiscard]] bool isStopping() const { return m_running && m_stop.stop_requested(); }
    [[nodiscard]] const mpmlab::Scenario &scenario() const { return m_scenario; }
    [[nodiscard]] const mpmlab::CampaignOptions &options() const { return m_options; }
    // The step shown last ("worker: loading"), empty when idle.
    [[nodiscard]] const mpmlab::CampaignProgress &lastProgress() const { return m_last; }

Q_SIGNALS:
    void progress(const mpmlab::CampaignProgress &progress);
    void finished(const mpmlab::CampaignResult &result);

private:
    void finish(const mpmlab::CampaignResult &result);

    mpmlab::Scenario m_scenario;
    mpmlab::CampaignOptions m_options;
    mpmlab::CampaignProgress m_last;
    std::stop_source m_stop;
    QMetaObject::Connection m_progressLink;
    QMetaObject::Connection m_finishedLink;
    bool m_running = false;
};
