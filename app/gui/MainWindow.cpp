#include "MainWindow.h"

#include "CampaignComparison.h"
#include "CampaignDashboard.h"
#include "ExperimentPanel.h"
#include "ExportActions.h"
#include "LiveFeed.h"
#include "TargetController.h"
#include "UiLanguage.h"
#include "results/CampaignFile.h"

#include <QActionGroup>
#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
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

constexpr int stateRefreshIntervalMs = 3000; // the lab can be changed from the CLI too
constexpr int dashboardTab = 0;
constexpr int comparisonTab = 1;

} // namespace

MainWindow::MainWindow(TargetSpec spec, QWidget *parent)
    : QMainWindow(parent)
    , m_target(new TargetController(std::move(spec)))
    , m_panel(new ExperimentPanel(this))
    , m_tabs(new QTabWidget(this))
    , m_dashboard(new CampaignDashboard(this))
    , m_comparison(new CampaignComparison(this))
    , m_feed(new LiveFeed(m_dashboard, this))
    , m_labLamp(new QLabel(this))
    , m_labStatus(new QLabel(this))
    , m_refreshTimer(new QTimer(this))
    , m_language(UiLanguage::current())
{
    setWindowTitle(tr("MPM Lab — Apache MPM workbench"));
    setWindowIcon(QIcon(u":/icons/mpmlab.svg"_s));
    resize(1440, 900);

    m_panel->setLanguage(m_language);
    m_dashboard->setHeadline(tr("Choose an experiment on the left and press Run, or open a saved "
                                "campaign (File > Open)."));
    auto *panelScroll = new QScrollArea(this);
    panelScroll->setWidget(m_panel);
    panelScroll->setWidgetResizable(true);
    panelScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    panelScroll->setMinimumWidth(m_panel->minimumSizeHint().width()
                                 + panelScroll->verticalScrollBar()->sizeHint().width()
                                 + 2 * panelScroll->frameWidth());
    // Seven rows of plots need height: below it they scroll rather than squash.
    auto *dashboardScroll = new QScrollArea(this);
    dashboardScroll->setWidget(m_dashboard);
    dashboardScroll->setWidgetResizable(true);
    dashboardScroll->setFrameShape(QFrame::NoFrame);
    m_tabs->addTab(dashboardScroll, tr("Live, side by side"));
    m_tabs->addTab(m_comparison, tr("Comparison and verdicts"));
    auto *splitter = new QSplitter(this);
    splitter->addWidget(panelScroll);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({panelScroll->minimumWidth(), width()});
    setCentralWidget(splitter);

    m_labLamp->setText(u"●"_s);
    setLabLamp(palette().color(QPalette::Mid));
    statusBar()->addPermanentWidget(m_labLamp);
    statusBar()->addPermanentWidget(m_labStatus);
    m_labStatus->setText(tr("%1: checking…").arg(m_target->targetName()));
    createMenus();

    connect(m_panel, &ExperimentPanel::runRequested, this, &MainWindow::runExperiment);
    connect(m_panel, &ExperimentPanel::stopRequested, this, &MainWindow::stopExperiment);
    connect(m_panel, &ExperimentPanel::scenarioFileRejected, this, [this](const QString &message) {
        QMessageBox::warning(this, tr("Scenario file"), message);
    });

    m_target->moveToThread(&m_targetThread);
    connect(&m_targetThread, &QThread::finished, m_target, &QObject::deleteLater);
    connect(m_target, &TargetController::stateChanged, this, &MainWindow::showLabState);
    connect(m_target, &TargetController::progress, this, &MainWindow::setBusy);
    connect(m_target, &TargetController::operationFailed, this, &MainWindow::showLabError);
    connect(m_target, &TargetController::operationFinished, this, [this] {
        m_busy = false;
        // A failure stays in the status bar until the next operation.
        if (m_lastError.isEmpty())
            statusBar()->clearMessage();
        else
            statusBar()->showMessage(m_lastError);
        updateActions();
        Q_EMIT labOperationFinished();
    });
    connect(m_target, &TargetController::campaignProgress, this, &MainWindow::showCampaignProgress);
    connect(m_target, &TargetController::campaignFinished, this, &MainWindow::showCampaignResult);
    m_targetThread.start();

    connect(m_refreshTimer, &QTimer::timeout, this, [this] {
        if (!m_busy && !m_campaignRunning)
            request([](TargetController *target) { target->refresh(); });
    });
    m_refreshTimer->start(stateRefreshIntervalMs);
    request([](TargetController *target) { target->refresh(); });
}

MainWindow::~MainWindow()
{
    // A campaign under way stops and restores the server before the thread ends.
    m_campaignStop.request_stop();
    m_targetThread.quit();
    m_targetThread.wait();
}

template <typename Request> void MainWindow::request(Request &&call)
{
    QMetaObject::invokeMethod(
        m_target, [target = m_target, call = std::forward<Request>(call)] { call(target); });
}

QString MainWindow::campaignsDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
           + u"/mpmlab/campaigns"_s;
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open a campaign…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open a campaign"), campaignsDirectory(), tr("Campaign files (*.json)"));
        if (!path.isEmpty())
            openCampaign(path);
    });
    open->setShortcut(QKeySequence::Open);
    createExportMenu(file);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    createViewMenu();

    QMenu *lab = menuBar()->addMenu(tr("&Lab"));
    m_startAction = lab->addAction(tr("&Start the server"), this, &MainWindow::startLab);
    m_stopAction = lab->addAction(tr("S&top the server"), this, [this] {
        setBusy(tr("Stopping the server…"));
        request([](TargetController *target) { target->stop(); });
    });
    lab->addSeparator();
    QMenu *mpmMenu = lab->addMenu(tr("&MPM"));
    m_mpmActions = new QActionGroup(this);
    m_mpmActions->setExclusive(true);
    for (MpmKind kind : allMpmKinds) {
        QAction *action = mpmMenu->addAction(mpmName(kind));
        action->setCheckable(true);
        action->setData(int(kind));
        m_mpmActions->addAction(action);
        connect(action, &QAction::triggered, this, [this, kind] {
            setBusy(tr("Switching to %1…").arg(mpmName(kind)));
            request([kind](TargetController *target) { target->switchMpm(kind); });
        });
    }
    lab->addSeparator();
    lab->addAction(tr("&Refresh the status"), this,
                   [this] { request([](TargetController *target) { target->refresh(); }); });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About MPM Lab"), this, [this] {
        QMessageBox::about(this, tr("About MPM Lab"),
                           tr("<h3>MPM Lab %1</h3><p>A workbench that makes the differences "
                              "between Apache httpd's prefork, worker and event MPMs visible "
                              "under load.</p>")
                               .arg(QStringLiteral(MPMLAB_VERSION)));
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

void MainWindow::startLab()
{
    setBusy(tr("Starting the server…"));
    request([](TargetController *target) { target->start(); });
}

void MainWindow::runExperiment()
{
    if (m_campaignRunning)
        return;
    m_runningScenario = m_panel->scenario();
    m_runningOptions = m_panel->options();
    if (m_runningOptions.mpms.isEmpty()) {
        QMessageBox::information(this, tr("Run"), tr("Choose at least one MPM."));
        return;
    }
    m_campaignRunning = true;
    m_campaignStop = std::stop_source();
    m_panel->setRunning(true);
    m_dashboard->setMpms(m_runningOptions.mpms);
    m_dashboard->setHeadline(
        u"<b>%1</b> — %2"_s.arg(m_runningScenario.name.in(m_language).toHtmlEscaped(),
                                m_target->targetName().toHtmlEscaped()));
    m_dashboard->applyTheme(m_theme);
    m_tabs->setCurrentIndex(dashboardTab);
    updateActions();
    request([scenario = m_runningScenario, options = m_runningOptions,
             stop = m_campaignStop.get_token()](TargetController *target) {
        target->runCampaign(scenario, options, stop);
    });
}

void MainWindow::stopExperiment()
{
    if (!m_campaignRunning)
        return;
    m_campaignStop.request_stop();
    m_panel->showFinished(tr("Stopping, then putting the server back as it was…"));
}

void MainWindow::showCampaignProgress(const CampaignProgress &progress)
{
    m_panel->showProgress(progress);
    Q_EMIT campaignProgressShown(progress);
    if (progress.recorder && progress.mpm && !m_feed->follows(progress.recorder.get())) {
        const double warmup =
            m_runningScenario.load.warmupSeconds * std::min(m_runningOptions.scale, 1.0);
        m_feed->follow(*progress.mpm, progress.recorder, warmup);
    }
}

void MainWindow::showCampaignResult(const CampaignResult &result)
{
    m_feed->stop();
    m_campaignRunning = false;
    m_panel->setRunning(false);
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
        QMessageBox::warning(this, tr("Restore"), summary);
    }
    m_panel->showFinished(summary);
    if (!result.cancelled && result.error.isEmpty())
        showComparison();
    updateActions();
    Q_EMIT campaignFinished();
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

void MainWindow::setPresentation(bool on) { m_presentationAction->setChecked(on); }

QString MainWindow::labStatusText() const { return m_labStatus->text(); }

void MainWindow::setBusy(const QString &step)
{
    if (!m_busy)
        m_lastError.clear();
    m_busy = true;
    statusBar()->showMessage(step);
    updateActions();
}

void MainWindow::updateActions()
{
    const bool idle = !m_busy && !m_campaignRunning;
    m_startAction->setEnabled(idle && !m_running);
    m_stopAction->setEnabled(idle && m_running);
    for (QAction *action : m_mpmActions->actions())
        action->setEnabled(idle);
}

void MainWindow::showLabState(const ServerState &state)
{
    m_running = state.running;
    const QString name = m_target->isLocal() ? tr("Local lab") : state.target;
    if (state.running) {
        const QString mpm = state.runningMpm ? mpmName(*state.runningMpm) : tr("unknown MPM");
        m_labStatus->setText(
            tr("%1: running %2 on %3 (pid %4)").arg(name, mpm, state.baseUrl()).arg(state.pid));
        setLabLamp(QColor(0x2e, 0x9d, 0x3a));
    } else {
        m_labStatus->setText(tr("%1: stopped").arg(name));
        setLabLamp(palette().color(QPalette::Mid));
    }
    const std::optional<MpmKind> shown = state.running ? state.runningMpm : state.configuredMpm;
    for (QAction *action : m_mpmActions->actions())
        action->setChecked(shown && action->data().toInt() == int(*shown));
    updateActions();
    if (!m_stateKnown) {
        m_stateKnown = true;
        Q_EMIT labStateKnown();
    }
}

void MainWindow::showLabError(const QString &message, const QString &details)
{
    m_lastError = tr("%1: %2").arg(m_target->targetName(), message);
    statusBar()->showMessage(m_lastError);
    m_labStatus->setText(tr("%1: error").arg(m_target->targetName()));
    setLabLamp(QColor(0xc6, 0x28, 0x28));
    if (!m_stateKnown) {
        m_stateKnown = true;
        Q_EMIT labStateKnown();
    }
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Server"), message, QMessageBox::Ok, this);
    box->setDetailedText(details);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::setLabLamp(const QColor &colour)
{
    QPalette lampPalette = m_labLamp->palette();
    lampPalette.setColor(QPalette::WindowText, colour);
    m_labLamp->setPalette(lampPalette);
}
