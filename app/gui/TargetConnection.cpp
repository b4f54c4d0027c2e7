#include "TargetConnection.h"

#include "LoginPrompter.h"
#include "TargetController.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

TargetConnection::TargetConnection(mpmlab::TargetSpec spec, QObject *parent)
    : QObject(parent)
    , m_spec(std::move(spec))
    , m_controller(new TargetController)
{
    m_thread.setObjectName(u"target "_s + m_spec.name());
    m_controller->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_controller, &QObject::deleteLater);
    m_thread.start();
}

TargetConnection::~TargetConnection()
{
    m_stop.request_stop();
    m_thread.quit();
    m_thread.wait();
}

void TargetConnection::open(LoginPrompter *prompter)
{
    mpmlab::TargetSpec spec = m_spec;
    if (prompter && !spec.isLocal())
        prompter->attach(spec.ssh, m_stop.get_token());
    request([spec = std::move(spec), stop = m_stop.get_token()](TargetController *controller) {
        controller->open(spec, stop);
    });
}

void TargetConnection::abandon()
{
    m_stop.request_stop();
    m_controller->disconnect();
    disconnect();
    // Whoever held it lets go; it goes once its thread is done.
    setParent(QCoreApplication::instance());
    connect(&m_thread, &QThread::finished, this, &QObject::deleteLater);
    m_thread.quit();
}
