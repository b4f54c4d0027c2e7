#include "LiveFeed.h"

#include "CampaignDashboard.h"

#include <QTimer>

using namespace mpmlab;

LiveFeed::LiveFeed(CampaignDashboard *dashboard, QObject *parent)
    : QObject(parent)
    , m_dashboard(dashboard)
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(periodMs);
    connect(m_timer, &QTimer::timeout, this, &LiveFeed::tick);
}

bool LiveFeed::follows(const RunRecorder *recorder) const { return m_recorder.get() == recorder; }

void LiveFeed::follow(MpmKind mpm, std::shared_ptr<const RunRecorder> recorder,
                      double warmupSeconds)
{
    tick(); // the end of the previous run
    m_mpm = mpm;
    m_recorder = std::move(recorder);
    m_cursor = {};
    m_warmupSeconds = warmupSeconds;
    m_dashboard->beginRun(mpm);
    tick();
    m_timer->start();
}

void LiveFeed::stop()
{
    tick();
    m_timer->stop();
    m_recorder.reset();
}

void LiveFeed::tick()
{
    if (!m_recorder)
        return;
    QElapsedTimer clock;
    clock.start();
    const RunUpdate update = m_recorder->readSince(m_cursor);
    if (!update.load.empty() || !update.server.empty()) {
        m_dashboard->addPoints(m_mpm, update.load, update.server,
                               m_recorder->loadStartT() + m_warmupSeconds);
        // The scoreboard and its caption from the same sample, when it is
        // among the new ones (not every sample reads mod_status).
        const auto sampled =
            std::find_if(update.server.rbegin(), update.server.rend(),
                         [&](const ServerPoint &point) { return point.t == update.scoreboardT; });
        if (sampled != update.server.rend() && !update.scoreboard.isEmpty())
            m_dashboard->setScoreboard(m_mpm, update.scoreboard, &*sampled);
    }
    m_dashboard->refresh();
    m_lastTickMs = double(clock.nsecsElapsed()) / 1e6;
}
