#include "MainWindow.h"

#include "DashboardArea.h"
#include "TargetController.h"

#include <QActionGroup>
#include <QApplication>
#include <QFileDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTimer>

using namespace Qt::StringLiterals;
using mpmlab::MpmKind;

namespace {

constexpr int labRefreshIntervalMs = 3000; // the lab can be changed from the CLI too

} // namespace

MainWindow::MainWindow(mpmlab::LabOptions labOptions, QWidget *parent)
    : QMainWindow(parent)
    , m_lab(new TargetController([&labOptions] {
        mpmlab::TargetSpec spec;
        spec.lab = std::move(labOptions);
        return spec;
    }()))
    , m_dashboard(new DashboardArea(this))
    , m_labLamp(new QLabel(this))
    , m_labStatus(new QLabel(this))
    , m_refreshTimer(new QTimer(this))
{
    setWindowTitle(tr("MPM Lab — Apache MPM workbench"));
    setWindowIcon(QIcon(u":/icons/mpmlab.svg"_s));
    resize(1200, 760);

    m_dashboard->setColumnTitles({u"prefork"_s, u"worker"_s, u"event"_s});
    setCentralWidget(m_dashboard);
    m_labLamp->setText(u"●"_s);
    setLabLamp(palette().color(QPalette::Mid));
    statusBar()->addPermanentWidget(m_labLamp);
    statusBar()->addPermanentWidget(m_labStatus);
    m_labStatus->setText(tr("Local lab: checking…"));
    createMenus();

    m_lab->moveToThread(&m_labThread);
    connect(&m_labThread, &QThread::finished, m_lab, &QObject::deleteLater);
    connect(m_lab, &TargetController::stateChanged, this, &MainWindow::showLabState);
    connect(m_lab, &TargetController::progress, this, &MainWindow::setBusy);
    connect(m_lab, &TargetController::operationFailed, this, &MainWindow::showLabError);
    connect(m_lab, &TargetController::operationFinished, this, [this] {
        m_busy = false;
        // A failure stays in the status bar until the next operation.
        if (m_lastError.isEmpty())
            statusBar()->clearMessage();
        else
            statusBar()->showMessage(m_lastError);
        Q_EMIT labOperationFinished();
    });
    m_labThread.start();

    connect(m_refreshTimer, &QTimer::timeout, this, [this] {
        if (!m_busy)
            request([](TargetController *lab) { lab->refresh(); });
    });
    m_refreshTimer->start(labRefreshIntervalMs);
    request([](TargetController *lab) { lab->refresh(); });
}

MainWindow::~MainWindow()
{
    // Let a running lab operation finish: it may be restoring a config.
    m_labThread.quit();
    m_labThread.wait();
}

template <typename Request> void MainWindow::request(Request &&call)
{
    QMetaObject::invokeMethod(m_lab,
                              [lab = m_lab, call = std::forward<Request>(call)] { call(lab); });
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Export dashboard as PNG…"), this, &MainWindow::exportDashboard);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *lab = menuBar()->addMenu(tr("&Lab"));
    m_startAction = lab->addAction(tr("&Start local lab"), this, &MainWindow::startLab);
    m_stopAction = lab->addAction(tr("S&top local lab"), this, [this] {
        setBusy(tr("Stopping the local lab…"));
        request([](TargetController *controller) { controller->stop(); });
    });
    lab->addSeparator();
    QMenu *mpmMenu = lab->addMenu(tr("&MPM"));
    m_mpmActions = new QActionGroup(this);
    m_mpmActions->setExclusive(true);
    for (MpmKind kind : mpmlab::allMpmKinds) {
        QAction *action = mpmMenu->addAction(mpmlab::mpmName(kind));
        action->setCheckable(true);
        action->setData(int(kind));
        m_mpmActions->addAction(action);
        connect(action, &QAction::triggered, this, [this, kind] {
            setBusy(tr("Switching the local lab to %1…").arg(mpmlab::mpmName(kind)));
            request([kind](TargetController *controller) { controller->switchMpm(kind); });
        });
    }
    lab->addSeparator();
    lab->addAction(tr("&Refresh status"), this, [this] {
        request([](TargetController *controller) { controller->refresh(); });
    });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About MPM Lab"), this, &MainWindow::showAbout);
}

void MainWindow::startLab()
{
    setBusy(tr("Starting the local lab…"));
    request([](TargetController *lab) { lab->start(); });
}

QString MainWindow::labStatusText() const { return m_labStatus->text(); }

void MainWindow::setBusy(const QString &step)
{
    if (!m_busy)
        m_lastError.clear();
    m_busy = true;
    statusBar()->showMessage(step);
}

void MainWindow::showLabState(const mpmlab::ServerState &state)
{
    if (state.running) {
        const QString mpm =
            state.runningMpm ? mpmlab::mpmName(*state.runningMpm) : tr("unknown MPM");
        m_labStatus->setText(
            tr("Local lab: running %1 on %2 (pid %3)").arg(mpm, state.baseUrl()).arg(state.pid));
        setLabLamp(QColor(0x2e, 0x9d, 0x3a));
        m_dashboard->setPlaceholderText(
            tr("No run yet.\nThe local lab is ready at %1: a run against it will show prefork, "
               "worker and event side by side here.")
                .arg(state.baseUrl()));
    } else {
        m_labStatus->setText(tr("Local lab: stopped"));
        setLabLamp(palette().color(QPalette::Mid));
        m_dashboard->setPlaceholderText(
            tr("No run yet.\nStart the local lab from the Lab menu, then run a scenario to see "
               "prefork, worker and event side by side."));
    }
    m_startAction->setEnabled(!state.running);
    m_stopAction->setEnabled(state.running);
    const std::optional<MpmKind> shown = state.running ? state.runningMpm : state.configuredMpm;
    for (QAction *action : m_mpmActions->actions())
        action->setChecked(shown && action->data().toInt() == int(*shown));
    if (!m_stateKnown) {
        m_stateKnown = true;
        Q_EMIT labStateKnown();
    }
}

void MainWindow::showLabError(const QString &message, const QString &details)
{
    m_lastError = tr("Local lab: %1").arg(message);
    statusBar()->showMessage(m_lastError);
    m_labStatus->setText(tr("Local lab: error"));
    setLabLamp(QColor(0xc6, 0x28, 0x28));
    if (!m_stateKnown) {
        m_stateKnown = true;
        Q_EMIT labStateKnown();
    }
    auto *box =
        new QMessageBox(QMessageBox::Warning, tr("Local lab"), message, QMessageBox::Ok, this);
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

void MainWindow::exportDashboard()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export dashboard"), u"mpmlab-dashboard.png"_s, tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    if (!m_dashboard->grab().save(path, "PNG"))
        QMessageBox::warning(this, tr("Export dashboard"), tr("Cannot write %1.").arg(path));
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About MPM Lab"),
        tr("<h3>MPM Lab %1</h3><p>A workbench that makes the differences between Apache "
           "httpd's prefork, worker and event MPMs visible under load.</p>")
            .arg(QStringLiteral(MPMLAB_VERSION)));
}
