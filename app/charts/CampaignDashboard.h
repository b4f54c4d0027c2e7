#pragma once

#include "PlotTheme.h"
#include "apache/MpmKind.h"
#include "run/LoadPoint.h"
#include "run/ServerPoint.h"

#include <QList>
#include <QWidget>
#include <vector>

class PlotGrid;
class QLabel;
class ScoreboardView;
namespace mpmlab {
struct CampaignResult;
struct RunRecord;
} // namespace mpmlab

// The side-by-side dashboard of a campaign: one column per MPM, filled as
// each MPM runs; on top, each MPM's mod_status scoreboard; below, seven
// rows with shared axes (requests/s; latency p50/p90/p99 and the longest
// current wait; failures by class with kept-alive closes apart; clients
// waiting, thinking, connecting, never served; memory PSS/RSS/system; processes
// and threads; CPU). Time is in seconds from the start of the measured
// load, so that columns line up. It turns run points into plot points; the
// drawing is the generic widgets'.
class CampaignDashboard : public QWidget {
    Q_OBJECT

public:
    explicit CampaignDashboard(QWidget *parent = nullptr);

    // Empty columns for `mpms`, in order.
    void setMpms(const QList<mpmlab::MpmKind> &mpms);
    [[nodiscard]] QList<mpmlab::MpmKind> mpms() const { return m_mpms; }

    // Live: a new run of `mpm` starts (its column is emptied), then its
    // points as they come. `measuredStartT` is when its measured load
    // begins on the run's clock: x = t - measuredStartT.
    void beginRun(mpmlab::MpmKind mpm);
    void addPoints(mpmlab::MpmKind mpm, const std::vector<mpmlab::LoadPoint> &load,
                   const std::vector<mpmlab::ServerPoint> &server, double measuredStartT);
    void setScoreboard(mpmlab::MpmKind mpm, const QString &symbols,
                       const mpmlab::ServerPoint *latest);

    // The line above everything: what ran, where, when (empty: none).
    void setHeadline(const QString &headline);
    [[nodiscard]] QString headline() const;
    // "Keep-alive — local, Apache/2.4.71, 2 cores — 1 Dec 2026 14:55 — scale 0.3"
    [[nodiscard]] static QString headlineFor(const mpmlab::CampaignResult &campaign,
                                             const QString &language);

    // A recorded campaign: each MPM's first complete run (or its first
    // run), under its headline in `language`.
    void showCampaign(const mpmlab::CampaignResult &campaign, const QString &language);

    // Redraws what changed and is on screen; returns the plots redrawn.
    int refresh();
    void setOverlay(bool overlay);
    void applyTheme(const PlotTheme &theme);
    [[nodiscard]] PlotGrid *grid() const { return m_grid; }

private:
    void showRun(const mpmlab::RunRecord &run);
    void clearColumn(int column);
    [[nodiscard]] int columnOf(mpmlab::MpmKind mpm) const;

    QLabel *m_headline = nullptr;
    PlotGrid *m_grid = nullptr;
    QWidget *m_scoreboardRow = nullptr;
    QList<ScoreboardView *> m_scoreboards;
    QList<mpmlab::MpmKind> m_mpms;
    PlotTheme m_theme;
};
