#pragma once

#include "PlotTheme.h"
#include "apache/ServerDescription.h"
#include "apache/ServerState.h"
#include "scenario/CampaignProgress.h"
#include "scenario/CampaignResult.h"
#include "targets/TargetSpec.h"

#include <QMainWindow>
#include <memory>
#include <optional>

class CampaignComparison;
class CampaignDashboard;
class CampaignSession;
class ConnectDialog;
class ExperimentPanel;
class LiveFeed;
class PasswordStore;
class QuitGuard;
class ServerPanel;
class ServerStatusLine;
class TargetConnection;
class QAction;
class QActionGroup;
class QLabel;
class QTabWidget;
class QTimer;

// The workbench window: on the left the experiment and the server panels,
// on the right the live side-by-side dashboard and the comparison, and a
// status bar that always says what the server is doing. Server work runs
// on the connection's own thread (TargetConnection); a campaign is a
// CampaignSession; this class sends requests, shows answers and feeds the
// plots from the run recorder on one timer (LiveFeed).
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    // Opens `spec`: the local lab at once, an SSH server through the
    // connection dialog (its questions asked there).
    explicit MainWindow(mpmlab::TargetSpec spec, QWidget *parent = nullptr);
    ~MainWindow() override;

    // File > Connect to a server…: the dialog, open (window-modal).
    ConnectDialog *showConnectDialog();
    // File > Use the local lab.
    void useLocalLab();
    // Asks the server to start; the status bar follows.
    void startServer();
    // Runs the experiment panel's scenario now (as the Run button does).
    void runExperiment();
    void stopExperiment();
    // Shows a saved campaign as it was; false (and a message) if unreadable.
    bool openCampaign(const QString &path);
    [[nodiscard]] ExperimentPanel *experimentPanel() const { return m_panel; }
    [[nodiscard]] ServerPanel *serverPanel() const { return m_serverPanel; }
    [[nodiscard]] CampaignDashboard *dashboard() const { return m_dashboard; }
    [[nodiscard]] CampaignComparison *comparison() const { return m_comparison; }
    [[nodiscard]] CampaignSession *session() const { return m_session; }
    [[nodiscard]] TargetConnection *connection() const { return m_connection.get(); }
    [[nodiscard]] QString statusText() const;
    [[nodiscard]] const std::optional<mpmlab::CampaignResult> &lastCampaign() const
    {
        return m_campaign;
    }
    // Where campaigns are kept automatically (DATA/mpmlab/campaigns).
    [[nodiscard]] static QString campaignsDirectory();
    void showComparison();
    void showServerPanel();
    void setPresentation(bool on);

Q_SIGNALS:
    // The first state of a target has been shown (or could not be read).
    void targetStateKnown();
    // A server operation (start, stop, switch, a change) has finished, well or not.
    void serverOperationFinished();
    // A new description of the server is on the server panel.
    void serverDescribed();
    // A running campaign's step, as the experiment panel shows it.
    void campaignProgressShown(const mpmlab::CampaignProgress &progress);
    // A campaign ended (done, stopped or failed) and its result is shown.
    void campaignFinished();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void createServerMenu();
    void createViewMenu();
    void createExportMenu(QMenu *file);
    void openTarget(const mpmlab::TargetSpec &spec);
    void adopt(std::unique_ptr<TargetConnection> connection,
               const std::optional<mpmlab::ServerDescription> &description);
    // Sends `call` to the server as a change shown as `step` ("Switching to
    // worker…"); nothing when the server is busy or a campaign owns it.
    template <typename Call> void change(const QString &step, Call &&call);
    void setBusy(const QString &step);
    void showProgressStep(const QString &step);
    void showServerState(const mpmlab::ServerState &state);
    void showDescription(const mpmlab::ServerDescription &description);
    void showServerError(const QString &message, const QString &details);
    void showCampaignProgress(const mpmlab::CampaignProgress &progress);
    void showCampaignResult(const mpmlab::CampaignResult &result);
    void keepCampaign(const mpmlab::CampaignResult &result);
    void applyTheme();
    void updateActions();
    [[nodiscard]] QString targetLabel() const;

    std::unique_ptr<TargetConnection> m_connection;
    PasswordStore *m_passwords;
    CampaignSession *m_session;
    ExperimentPanel *m_panel;
    ServerPanel *m_serverPanel;
    QTabWidget *m_leftTabs;
    QTabWidget *m_tabs;
    CampaignDashboard *m_dashboard;
    CampaignComparison *m_comparison;
    LiveFeed *m_feed;
    ServerStatusLine *m_status;
    QTimer *m_refreshTimer;
    QActionGroup *m_mpmActions = nullptr;
    QAction *m_connectAction = nullptr;
    QAction *m_localAction = nullptr;
    QAction *m_startAction = nullptr;
    QAction *m_stopAction = nullptr;
    QAction *m_restoreAction = nullptr;
    QAction *m_overlayAction = nullptr;
    QAction *m_presentationAction = nullptr;
    QAction *m_darkAction = nullptr;
    QuitGuard *m_quit = nullptr;
    std::optional<mpmlab::CampaignResult> m_campaign;
    std::optional<mpmlab::ServerDescription> m_description;
    std::optional<mpmlab::ServerState> m_state;
    PlotTheme m_theme;
    QString m_language;
    QString m_lastError; // shown until the next operation starts
    bool m_busy = false;
    bool m_stateKnown = false;
};
