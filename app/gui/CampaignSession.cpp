#include "CampaignSession.h"

#include "TargetConnection.h"
#include "TargetController.h"

using namespace mpmlab;

CampaignSession::CampaignSession(QObject *parent)
    : QObject(parent)
{
}

bool CampaignSession::start(TargetConnection &connection, const Scenario &scenario,
                            const CampaignOptions &options)
{
    if (m_running)
        return false;
    m_running = true;
    m_scenario = scenario;
    m_options = options;
    m_last = {};
    m_stop = std::stop_source();
    TargetController *controller = connection.controller();
    m_progressLink = connect(controller, &TargetController::campaignProgress, this,
                             [this](const CampaignProgress &step) {
                                 m_last = step;
                                 Q_EMIT progress(step);
                             });
    m_finishedLink =
        connect(controller, &TargetController::campaignFinished, this, &CampaignSession::finish);
    connection.request([scenario, options, stop = m_stop.get_token()](TargetController *target) {
        target->runCampaign(scenario, options, stop);
    });
    return true;
}

void CampaignSession::stop()
{
    if (m_running)
        m_stop.request_stop();
}

void CampaignSession::finish(const CampaignResult &result)
{
    disconnect(m_progressLink);
    disconnect(m_finishedLink);
    m_running = false;
    m_last = {};
    Q_EMIT finished(result);
}
