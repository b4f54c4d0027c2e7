#pragma once

#include "local/LocalLab.h"

#include <QObject>
#include <memory>

// Runs the local lab's blocking operations on a worker thread for the GUI:
// lives on that thread, takes requests as queued calls and answers with
// signals carrying value types. One operation at a time, in order.
class LabController : public QObject {
    Q_OBJECT

public:
    explicit LabController(mpmlab::LabOptions options);
    ~LabController() override;

    void refresh();
    void start();
    void stop();
    void switchMpm(mpmlab::MpmKind kind);

Q_SIGNALS:
    void stateChanged(const mpmlab::ServerState &state);
    void progress(const QString &step);
    void operationFailed(const QString &message, const QString &details);
    void operationFinished();

private:
    void runOperation(const std::function<mpmlab::Status()> &operation);
    mpmlab::LocalLab &lab();

    mpmlab::LabOptions m_options;
    std::unique_ptr<mpmlab::LocalLab> m_lab; // created on the worker thread
};
