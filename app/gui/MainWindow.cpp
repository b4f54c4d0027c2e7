#include "MainWindow.h"

#include "CampaignComparison.h"
#include "CampaignDashboard.h"
#include "CampaignSession.h"
#include "ConnectDialog.h"
#include "ExperimentPanel.h"
#include "ExportActions.h"
#include "LiveFeed.h"
#include "PasswordStore.h"
#include "QuitGuard.h"
#include "ServerPanel.h"
#include "ServerStatusLine.h"
#include "TargetConnection.h"
#include "TargetController.h"
#include "UiLanguage.h"
#include "results/CampaignFile.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace mpmlab;

namespace {

constexpr int stateRefreshIntervalMs = 3000; // the server can be changed from the CLI too
constexpr int dashboardTab = 0;
constexpr int comparisonTab = 1;
constexpr int experimentTab = 0;
constexpr int serverTab = 1;

QScrollArea *scrolled(QWidget *content, QWidget *parent)
{
    auto *scroll = new QScrollArea(parent);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(content->minimumSizeHint().width()
                            + scroll->verticalScrollBar()->sizeHint().width()
                            + 2 * scroll->frameWidth());
    return scroll;
}

} // namespace

MainWindow::MainWindow(TargetSpec spec, QWidget *parent)
    : QMainWindow(parent)
    , m_passwords(new PasswordStore(this))
    , m_session(new CampaignSession(this))
    , m_panel(new ExperimentPanel(this))
    , m_serverPanel(new ServerPanel(this))
    , m_leftTabs(new QTabWidget(this))
    , m_tabs(new QTabWidget(this))
    , m_dashboard(new CampaignDashboard(this))
    , m_comparison(new CampaignComparison(this))
    , m_feed(new LiveFeed(m_dashboard, this))
    , m_status(new ServerStatusLine(this))
    , m_refreshTimer(new QTimer(this))
    , m_language(UiLanguage::current())
{
    m_quit = new QuitGuard(
        this,
        {[this] { return m_session->isRunning(); }, [this] { return m_busy; },
         [this] {
             return m_connection && m_description && m_description->restorePending
                    && m_description->canChange;
         },
         [this] { return targetLabel(); }, [this] { stopExperiment(); },
         [this] { m_connection->request([](TargetController *target) { target->restore(); }); }});
    setWindowTitle(tr("MPM Lab — Apache MPM workbench"));
    setWindowIcon(QIcon(u":/icons/mpmlab.svg"_s));
    resize(1440, 900);

    m_panel->setLanguage(m_language);
    m_dashboard->setHeadline(tr("Choose an experiment on the left and press Run, or open a saved "
                                "campaign (File > Open)."));
    m_leftTabs->addTab(scrolled(m_panel, this), tr("Experiment"));
    m_leftTabs->addTab(scrolled(m_serverPanel, this), tr("Server"));
    // Seven rows of plots need height: below it they scroll rather than squash.
    auto *dashboardScroll = new QScrollArea(this);
    dashboardScroll->setWidget(m_dashboard);
    dashboardScroll->setWidgetResizable(true);
    dashboardScroll->setFrameShape(QFrame::NoFrame);
    m_tabs->addTab(dashboardScroll, tr("Live, side by side"));
    m_tabs->addTab(m_comparison, tr("Comparison and verdicts"));
    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_leftTabs);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(1, 1);
    // The server panel's table wants room: at least 540 px on the left.
    splitter->setSizes({std::max(540, m_leftTabs->minimumSizeHint().width()), width()});
    setCentralWidget(splitter);

    statusBar()->addPermanentWidget(m_status);
    createMenus();

    connect(m_panel, &ExperimentPanel::runRequested, this, &MainWindow::runExperiment);
    connect(m_panel, &ExperimentPanel::stopRequested, this, &MainWindow::stopExperiment);
    connect(m_panel, &ExperimentPanel::scenarioFileRejected, this, [this](const QString &message) {
        QMessageBox::warning(this, tr("Scenario file"), message);
    });
    connect(m_serverPanel, &ServerPanel::switchMpmRequested, this, [this](MpmKind kind) {
        change(tr("Switching to %1…").arg(mpmName(kind)),
               [kind](TargetController *target) { target->switchMpm(kind); });
    });
    connect(m_serverPanel, &ServerPanel::directivesRequested, this,
            [this](const DirectiveSet &changes, DirectiveScope scope) {
                change(tr("Applying %n directive(s)…", nullptr, int(changes.values().size())),
                       [changes, scope](TargetController *target) {
                           target->setDirectives(changes, scope);
                       });
            });
    connect(m_serverPanel, &ServerPanel::memoryLimitRequested, this,
            [this](std::optional<qint64> limit) {
                change(tr("Setting the memory limit…"),
                       [limit](TargetController *target) { target->setMemoryLimit(limit); });
            });
    connect(m_serverPanel, &ServerPanel::restoreRequested, this, [this] {
        change(tr("Putting the server back as it was…"),
               [](TargetController *target) { target->restore(); });
    });
    connect(m_serverPanel, &ServerPanel::refreshRequested, this, [this] {
        change(tr("Reading the server…"), [](TargetController *target) { target->reread(); });
    });
    connect(m_session, &CampaignSession::progress, this, &MainWindow::showCampaignProgress);
    connect(m_session, &CampaignSession::finished, this, &MainWindow::showCampaignResult);

    connect(m_refreshTimer, &QTimer::timeout, this, [this] {
        if (m_connection && !m_busy && !m_session->isRunning())
            m_connection->request([](TargetController *target) { target->refresh(); });
    });
    m_refreshTimer->start(stateRefreshIntervalMs);
    updateActions();
    openTarget(spec);
}

MainWindow::~MainWindow()
{
    // A campaign under way stops and restores the server before the thread ends.
    m_session->stop();
    m_connection.reset();
}

QString MainWindow::campaignsDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
           + u"/mpmlab/campaigns"_s;
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    m_connectAction =
        file->addAction(tr("&Connect to a server…"), this, &MainWindow::showConnectDialog);
    m_connectAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    m_localAction = file->addAction(tr("Use the &local lab"), this, &MainWindow::useLocalLab);
    file->addSeparator();
    QAction *open = file->addAction(tr("&Open a campaign…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open a campaign"), campaignsDirectory(), tr("Campaign files (*.json)"));
        if (!path.isEmpty())
            openCampaign(path);
    });
    open->setShortcut(QKeySequence::Open);
    createExportMenu(file);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    createViewMenu();
    createServerMenu();

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About MPM Lab"), this, [this] {
        QMessageBox::about(this, tr("About MPM Lab"),
                           tr("<h3>MPM Lab %1</h3><p>A workbench that makes the differences "
                              "between Apache httpd's prefork, worker and event MPMs visible "
                              "under load.</p>")
                               .arg(QStringLiteral(MPMLAB_VERSION)));
    });
}

void MainWindow::createServerMenu()
{
    QMenu *server = menuBar()->addMenu(tr("&Server"));
    m_startAction = server->addAction(tr("&Start the server"), this, &MainWindow::startServer);
    m_stopAction = server->addAction(tr("S&top the server"), this, [this] {
        change(tr("Stopping the server…"), [](TargetController *target) { target->stop(); });
    });
    server->addSeparator();
    QMenu *mpmMenu = server->addMenu(tr("&MPM"));
    m_mpmActions = new QActionGroup(this);
    m_mpmActions->setExclusive(true);
    for (MpmKind kind : allMpmKinds) {
        QAction *action = mpmMenu->addAction(mpmName(kind));
        action->setCheckable(true);
        action->setData(int(kind));
        m_mpmActions->addAction(action);
        connect(action, &QAction::triggered, this, [this, kind] {
            change(tr("Switching to %1…").arg(mpmName(kind)),
                   [kind](TargetController *target) { target->switchMpm(kind); });
        });
    }
    server->addAction(tr("&Directives and settings…"), this, &MainWindow::showServerPanel);
    server->addSeparator();
    m_restoreAction = server->addAction(tr("&Restore the original configuration"), this, [this] {
        change(tr("Putting the server back as it was…"),
               [](TargetController *target) { target->restore(); });
    });
    server->addAction(tr("R&efresh the status"), this, [this] {
        if (m_connection)
            m_connection->request([](TargetController *target) { target->describe(); });
    });
}

void MainWindow::createExportMenu(QMenu *file)
{
    auto *exports = new ExportActions(
        this, m_dashboard, m_comparison,
        [this]() -> const CampaignResult * { return m_campaign ? &*m_campaign : nullptr; }, this);
    exports->setLanguage(m_language);
    exports->addTo(file->addMenu(tr("&Export")));
}

void MainWindow::createViewMenu()
{
    QMenu *view = menuBar()->addMenu(tr("&View"));
    m_overlayAction = view->addAction(tr("&Overlay the MPMs in one plot per row"));
    m_overlayAction->setCheckable(true);
    connect(m_overlayAction, &QAction::toggled, this, [this](bool on) {
        m_dashboard->setOverlay(on);
        m_dashboard->refresh();
    });
    m_presentationAction = view->addAction(tr("&Presentation mode (large fonts, thick lines)"));
    m_presentationAction->setCheckable(true);
    m_presentationAction->setShortcut(QKeySequence(Qt::Key_F5));
    connect(m_presentationAction, &QAction::toggled, this, &MainWindow::applyTheme);
    m_darkAction = view->addAction(tr("&Dark charts"));
    m_darkAction->setCheckable(true);
    connect(m_darkAction, &QAction::toggled, this, &MainWindow::applyTheme);
}

void MainWindow::applyTheme()
{
    m_theme.presentation = m_presentationAction->isChecked();
    m_theme.dark = m_darkAction->isChecked();
    m_dashboard->applyTheme(m_theme);
    m_comparison->applyTheme(m_theme);
    m_dashboard->refresh();
}

void MainWindow::openTarget(const TargetSpec &spec)
{
    if (!spec.isLocal()) {
        ConnectDialog *dialog = showConnectDialog();
        dialog->fill(spec);
        dialog->connectNow();
        return;
    }
    auto connection = std::make_unique<TargetConnection>(spec);
    TargetConnection *opening = connection.get();
    adopt(std::move(connection), std::nullopt);
    opening->open();
}

ConnectDialog *MainWindow::showConnectDialog()
{
    auto *dialog = new ConnectDialog(m_passwords, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ConnectDialog::connected, this,
            [this](TargetConnection *connection, const ServerDescription &description) {
                adopt(std::unique_ptr<TargetConnection>(connection), description);
            });
    connect(dialog, &ConnectDialog::localLabChosen, this, &MainWindow::useLocalLab);
    dialog->open();
    return dialog;
}

void MainWindow::useLocalLab()
{
    if (m_session->isRunning() || m_busy)
        return;
    openTarget(TargetSpec::local({}));
}

void MainWindow::adopt(std::unique_ptr<TargetConnection> connection,
                       const std::optional<ServerDescription> &description)
{
    // The server shown until now goes once its thread is done, without a wait here.
    if (m_connection)
        m_connection.release()->abandon();
    m_connection = std::move(connection);
    m_description.reset();
    m_state.reset();
    m_busy = false;
    m_lastError.clear();
    TargetController *controller = m_connection->controller();
    connect(controller, &TargetController::opened, this, [this](const ServerDescription &found) {
        m_busy = false;
        statusBar()->clearMessage();
        showDescription(found);
    });
    connect(controller, &TargetController::openFailed, this,
            [this](const QString &message, const QString &details) {
                m_busy = false;
                showServerError(message, details);
                updateActions();
            });
    connect(controller, &TargetController::stateChanged, this, &MainWindow::showServerState);
    connect(controller, &TargetController::described, this, &MainWindow::showDescription);
    connect(controller, &TargetController::progress, this, &MainWindow::showProgressStep);
    connect(controller, &TargetController::operationFailed, this, &MainWindow::showServerError);
    connect(controller, &TargetController::changeApplied, m_serverPanel,
            &ServerPanel::showChangeApplied);
    connect(controller, &TargetController::operationFinished, this, [this] {
        m_busy = false;
        // A failure stays in the status bar until the next operation.
        if (m_lastError.isEmpty())
            statusBar()->clearMessage();
        else
            statusBar()->showMessage(m_lastError);
        updateActions();
        Q_EMIT serverOperationFinished();
        m_quit->operationFinished();
    });
    m_status->showChecking(targetLabel());
    if (description)
        showDescription(*description);
    updateActions();
}

template <typename Call> void MainWindow::change(const QString &step, Call &&call)
{
    if (!m_connection || m_busy || m_session->isRunning())
        return;
    setBusy(step);
    m_connection->request(std::forward<Call>(call));
}

void MainWindow::startServer()
{
    change(tr("Starting the server…"), [](TargetController *target) { target->start(); });
}

void MainWindow::runExperiment()
{
    if (m_session->isRunning())
        return;
    if (!m_connection || !m_description) {
        QMessageBox::information(this, tr("Run"),
                                 tr("Connect to a server first (File > Connect to a server), or "
                                    "use the local lab."));
        return;
    }
    const Scenario scenario = m_panel->scenario();
    const CampaignOptions options = m_panel->options();
    if (options.mpms.isEmpty()) {
        QMessageBox::information(this, tr("Run"), tr("Choose at least one MPM."));
        return;
    }
    if (m_busy)
        return;
    m_session->start(*m_connection, scenario, options);
    m_panel->setRunning(true);
    m_dashboard->setMpms(options.mpms);
    m_dashboard->setHeadline(u"<b>%1</b> — %2"_s.arg(scenario.name.in(m_language).toHtmlEscaped(),
                                                     targetLabel().toHtmlEscaped()));
    m_dashboard->applyTheme(m_theme);
    m_tabs->setCurrentIndex(dashboardTab);
    m_leftTabs->setCurrentIndex(experimentTab);
    m_serverPanel->setBusy(true, tr("A campaign owns the server until it has put it back."));
    updateActions();
}

void MainWindow::stopExperiment()
{
    if (!m_session->isRunning())
        return;
    m_session->stop();
    m_panel->showFinished(tr("Stopping, then putting the server back as it was…"));
}

void MainWindow::showCampaignProgress(const CampaignProgress &progress)
{
    m_panel->showProgress(progress);
    Q_EMIT campaignProgressShown(progress);
    m_status->showCampaign(targetLabel(), m_session->scenario().name.in(m_language), progress);
    m_quit->showStep(CampaignProgress::stepName(progress.step).in(m_language));
    if (progress.recorder && progress.mpm && !m_feed->follows(progress.recorder.get())) {
        const double warmup =
            m_session->scenario().load.warmupSeconds * std::min(m_session->options().scale, 1.0);
        m_feed->follow(*progress.mpm, progress.recorder, warmup);
    }
}

void MainWindow::showCampaignResult(const CampaignResult &result)
{
    m_feed->stop();
    m_panel->setRunning(false);
    m_serverPanel->setBusy(false);
    m_campaign = result;
    keepCampaign(result);
    m_comparison->showCampaign(result, m_language);
    int held = 0;
    for (const Verdict &verdict : result.verdicts)
        held += verdict.held.value_or(false) ? 1 : 0;
    QString summary =
        result.cancelled
            ? tr("Stopped; the server was put back as it was.")
            : tr("Done: %1 of %2 expectations held.").arg(held).arg(result.verdicts.size());
    if (!result.error.isEmpty())
        summary = tr("The campaign failed: %1").arg(result.error);
    if (!result.restoreError.isEmpty()) {
        summary += u'\n' + tr("The server could not be put back: %1").arg(result.restoreError);
        if (!m_quit->isQuitting())
            QMessageBox::warning(this, tr("Restore"), summary);
    }
    m_panel->showFinished(summary);
    if (!result.cancelled && result.error.isEmpty())
        showComparison();
    updateActions();
    Q_EMIT campaignFinished();
    m_quit->campaignFinished();
}

void MainWindow::keepCampaign(const CampaignResult &result)
{
    // Nothing measured is lost: every campaign is kept as it ran.
    if (result.runs.isEmpty())
        return;
    const QString directory = campaignsDirectory();
    QDir().mkpath(directory);
    const QString path = QDir(directory).filePath(u"%1-%2.json"_s.arg(
        result.scenario.id, result.started.toLocalTime().toString(u"yyyyMMdd-HHmmss"_s)));
    if (const Status saved = CampaignFile::save(result, path); !saved)
        statusBar()->showMessage(
            tr("The campaign could not be kept: %1").arg(saved.error().message));
    else
        statusBar()->showMessage(tr("Campaign kept in %1").arg(QDir::toNativeSeparators(path)),
                                 10000);
}

bool MainWindow::openCampaign(const QString &path)
{
    const Result<CampaignResult> loaded = CampaignFile::load(path);
    if (!loaded) {
        QMessageBox::warning(this, tr("Open a campaign"), loaded.error().message);
        return false;
    }
    m_campaign = *loaded;
    m_dashboard->showCampaign(*loaded, m_language);
    m_dashboard->applyTheme(m_theme);
    m_comparison->showCampaign(*loaded, m_language);
    CampaignOptions ran;
    ran.mpms = loaded->mpms;
    ran.scale = loaded->scale;
    ran.repeat = loaded->repeat;
    m_panel->showExperiment(loaded->scenario, ran);
    setWindowTitle(tr("MPM Lab — %1").arg(loaded->scenario.name.in(m_language)));
    return true;
}

void MainWindow::showComparison() { m_tabs->setCurrentIndex(comparisonTab); }

void MainWindow::showServerPanel() { m_leftTabs->setCurrentIndex(serverTab); }

void MainWindow::setPresentation(bool on) { m_presentationAction->setChecked(on); }

QString MainWindow::statusText() const { return m_status->text(); }

QString MainWindow::targetLabel() const
{
    if (!m_connection)
        return tr("No server");
    return m_connection->isLocal() ? tr("Local lab") : m_connection->targetName();
}

void MainWindow::setBusy(const QString &step)
{
    if (!m_busy)
        m_lastError.clear();
    m_busy = true;
    statusBar()->showMessage(step);
    m_serverPanel->setBusy(true, step);
    updateActions();
}

void MainWindow::showProgressStep(const QString &step)
{
    // Steps of the server's own work; an idle refresh says nothing.
    if (m_busy || m_session->isRunning()) {
        statusBar()->showMessage(step + u'…');
        m_quit->showStep(step);
    }
}

void MainWindow::updateActions()
{
    const bool idle = m_connection && !m_busy && !m_session->isRunning();
    const bool changeable = idle && m_description && m_description->canChange;
    const bool running = m_state && m_state->running;
    m_startAction->setEnabled(changeable && !running);
    m_stopAction->setEnabled(changeable && running);
    m_restoreAction->setEnabled(changeable && m_description->restorePending);
    for (QAction *action : m_mpmActions->actions())
        action->setEnabled(changeable);
    // Another server only while nothing is under way on this one.
    const bool free = !m_busy && !m_session->isRunning();
    m_connectAction->setEnabled(free);
    m_localAction->setEnabled(free);
    if (!m_busy && !m_session->isRunning())
        m_serverPanel->setBusy(false);
}

void MainWindow::showDescription(const ServerDescription &description)
{
    m_description = description;
    m_serverPanel->showDescription(description);
    showServerState(description.state);
    Q_EMIT serverDescribed();
}

void MainWindow::showServerState(const ServerState &state)
{
    m_state = state;
    if (m_description) {
        // The state moves on its own (the CLI, a crash): keep both in step.
        m_description->state.running = state.running;
        m_description->state.pid = state.pid;
        m_description->state.runningMpm = state.runningMpm;
    }
    if (m_session->isRunning())
        return; // the campaign's own line says more
    m_status->showState(targetLabel(), state);
    const std::optional<MpmKind> shown = state.running ? state.runningMpm : state.configuredMpm;
    for (QAction *action : m_mpmActions->actions())
        action->setChecked(shown && action->data().toInt() == int(*shown));
    updateActions();
    if (!m_stateKnown) {
        m_stateKnown = true;
        Q_EMIT targetStateKnown();
    }
}

void MainWindow::showServerError(const QString &message, const QString &details)
{
    m_lastError = tr("%1: %2").arg(targetLabel(), message);
    statusBar()->showMessage(m_lastError);
    m_serverPanel->showChangeFailed(message, details);
    if (!m_description)
        m_status->showError(targetLabel());
    if (!m_stateKnown) {
        m_stateKnown = true;
        Q_EMIT targetStateKnown();
    }
    if (m_quit->isQuitting())
        return;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Server"), message, QMessageBox::Ok, this);
    box->setObjectName(u"serverError"_s);
    box->setDetailedText(details);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_quit->mayClose())
        event->accept();
    else
        event->ignore();
}
