#pragma once

#include "apache/ServerState.h"
#include "local/LocalLab.h"

#include <QMainWindow>
#include <QThread>

class DashboardArea;
class TargetController;
class QAction;
class QActionGroup;
class QLabel;
class QTimer;

// The workbench window: menus, the dashboard, and a status bar that always
// shows what the local lab is doing. Lab operations run on a worker thread
// (TargetController); this class only sends requests and shows answers.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(mpmlab::LabOptions labOptions, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Asks the lab to start; the status bar follows.
    void startLab();
    [[nodiscard]] QString labStatusText() const;

Q_SIGNALS:
    // The first lab state has been shown (or could not be read).
    void labStateKnown();
    // A lab operation (start, stop, switch) has finished, well or not.
    void labOperationFinished();

private:
    void createMenus();
    void exportDashboard();
    void showAbout();
    void setBusy(const QString &step);
    void showLabState(const mpmlab::ServerState &state);
    void showLabError(const QString &message, const QString &details);
    void setLabLamp(const QColor &colour);
    template <typename Request> void request(Request &&call);

    QThread m_labThread;
    TargetController *m_lab = nullptr;
    DashboardArea *m_dashboard = nullptr;
    QLabel *m_labLamp = nullptr; // a coloured dot: running, stopped or error
    QLabel *m_labStatus = nullptr;
    QTimer *m_refreshTimer = nullptr;
    QActionGroup *m_mpmActions = nullptr;
    QAction *m_startAction = nullptr;
    QAction *m_stopAction = nullptr;
    QString m_lastError; // shown until the next lab operation starts
    bool m_busy = false;
    bool m_stateKnown = false;
};
