#include "LabController.h"

LabController::LabController(mpmlab::LabOptions options)
    : m_options(std::move(options))
{
}

LabController::~LabController() = default;

mpmlab::LocalLab &LabController::lab()
{
    if (!m_lab) {
        m_lab = std::make_unique<mpmlab::LocalLab>(m_options);
        m_lab->setProgressHandler([this](const QString &step) { Q_EMIT progress(step); });
    }
    return *m_lab;
}

void LabController::refresh()
{
    const mpmlab::Result<mpmlab::ServerState> state = lab().state();
    if (state)
        Q_EMIT stateChanged(*state);
    else
        Q_EMIT operationFailed(state.error().message, state.error().details);
}

void LabController::runOperation(const std::function<mpmlab::Status()> &operation)
{
    const mpmlab::Status status = operation();
    if (!status)
        Q_EMIT operationFailed(status.error().message, status.error().details);
    refresh();
    Q_EMIT operationFinished();
}

void LabController::start()
{
    runOperation([this] { return lab().start(); });
}

void LabController::stop()
{
    runOperation([this] { return lab().stop(); });
}

void LabController::switchMpm(mpmlab::MpmKind kind)
{
    runOperation([this, kind] { return lab().switchMpm(kind); });
}
