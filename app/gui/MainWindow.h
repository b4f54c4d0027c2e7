#pragma once

#include "PlotTheme.h"
#include "apache/ServerState.h"
#include "scenario/CampaignOptions.h"
#include "scenario/CampaignProgress.h"
#include "scenario/CampaignResult.h"
#include "targets/TargetSpec.h"

#include <QMainWindow>
#include <QThread>
#include <optional>
#include <stop_token>

class CampaignComparison;
class CampaignDashboard;
class ExperimentPanel;
class LiveFeed;
class TargetController;
class QAction;
class QActionGroup;
class QLabel;
class QTabWidget;
class QTimer;

// The workbench window: the experiment panel on the left, the live
// side-by-side dashboard and the comparison in tabs, a status bar that
// always shows what the target is doing. Server work runs on a thread of
// its own (TargetController); this class sends requests, shows answers and
// feeds the plots from the run recorder on one timer (LiveFeed).
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(mpmlab::TargetSpec spec, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Asks the local lab to start; the status bar follows.
    void startLab();
    // Runs the experiment panel's scenario now (as the Run button does).
    void runExperiment();
    void stopExperiment();
    // Shows a saved campaign as it was; false (and a message) if unreadable.
    bool openCampaign(const QString &path);
    [[nodiscard]] ExperimentPanel *experimentPanel() const { return m_panel; }
    [[nodiscard]] CampaignDashboard *dashboard() const { return m_dashboard; }
    [[nodiscard]] CampaignComparison *comparison() const { return m_comparison; }
    [[nodiscard]] QString labStatusText() const;
    [[nodiscard]] const std::optional<mpmlab::CampaignResult> &lastCampaign() const
    {
        return m_campaign;
    }
    // Where campaigns are kept automatically (DATA/mpmlab/campaigns).
    [[nodiscard]] static QString campaignsDirectory();
    void showComparison();
    void setPresentation(bool on);

Q_SIGNALS:
    // The first target state has been shown (or could not be read).
    void labStateKnown();
    // A target operation (start, stop, switch) has finished, well or not.
    void labOperationFinished();
    // A running campaign's step, as the experiment panel shows it.
    void campaignProgressShown(const mpmlab::CampaignProgress &progress);
    // A campaign ended (done, stopped or failed) and its result is shown.
    void campaignFinished();

private:
    void createMenus();
    void createViewMenu();
    void createExportMenu(QMenu *file);
    void setBusy(const QString &step);
    void showLabState(const mpmlab::ServerState &state);
    void showLabError(const QString &message, const QString &details);
    void setLabLamp(const QColor &colour);
    void showCampaignProgress(const mpmlab::CampaignProgress &progress);
    void showCampaignResult(const mpmlab::CampaignResult &result);
    void keepCampaign(const mpmlab::CampaignResult &result);
    void applyTheme();
    void updateActions();
    template <typename Request> void request(Request &&call);

    QThread m_targetThread;
    TargetController *m_target = nullptr;
    ExperimentPanel *m_panel = nullptr;
    QTabWidget *m_tabs = nullptr;
    CampaignDashboard *m_dashboard = nullptr;
    CampaignComparison *m_comparison = nullptr;
    LiveFeed *m_feed = nullptr;
    QLabel *m_labLamp = nullptr; // a coloured dot: running, stopped or error
    QLabel *m_labStatus = nullptr;
    QTimer *m_refreshTimer = nullptr;
    QActionGroup *m_mpmActions = nullptr;
    QAction *m_startAction = nullptr;
    QAction *m_stopAction = nullptr;
    QAction *m_overlayAction = nullptr;
    QAction *m_presentationAction = nullptr;
    QAction *m_darkAction = nullptr;
    std::optional<mpmlab::CampaignResult> m_campaign;
    mpmlab::Scenario m_runningScenario;
    mpmlab::CampaignOptions m_runningOptions;
    std::stop_source m_campaignStop;
    PlotTheme m_theme;
    QString m_language;
    QString m_lastError; // shown until the next operation starts
    bool m_busy = false;
    bool m_campaignRunning = false;
    bool m_stateKnown = false;
    bool m_running = false;
};
