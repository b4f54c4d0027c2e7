#pragma once

#include "apache/MpmKind.h"
#include "run/RunRecorder.h"

#include <QElapsedTimer>
#include <QObject>
#include <memory>

class CampaignDashboard;
class QTimer;

// Carries a running campaign's points to the dashboard: on one GUI timer
// (200 ms) it reads what the current run's recorder added since the last
// tick, hands it to the dashboard's columns and asks for one redraw, which
// skips hidden plots. Never a signal per point or per request; the load and
// the sampler never wait for it.
class LiveFeed : public QObject {
    Q_OBJECT

public:
    static constexpr int periodMs = 200; // ms between redraws

    explicit LiveFeed(CampaignDashboard *dashboard, QObject *parent = nullptr);

    // Follows `recorder`, the run of `mpm` under way; its measured load
    // starts `warmupSeconds` after its load started.
    void follow(mpmlab::MpmKind mpm, std::shared_ptr<const mpmlab::RunRecorder> recorder,
                double warmupSeconds);
    [[nodiscard]] bool follows(const mpmlab::RunRecorder *recorder) const;
    // Takes what is left and stops the timer.
    void stop();

    // Time spent in the last tick, for the replot benchmark (ms).
    [[nodiscard]] double lastTickMs() const { return m_lastTickMs; }

private:
    void tick();

    CampaignDashboard *m_dashboard;
    QTimer *m_timer;
    std::shared_ptr<const mpmlab::RunRecorder> m_recorder;
    mpmlab::RunCursor m_cursor;
    mpmlab::MpmKind m_mpm = mpmlab::MpmKind::Prefork;
    double m_warmupSeconds = 0;
    double m_lastTickMs = 0;
};
