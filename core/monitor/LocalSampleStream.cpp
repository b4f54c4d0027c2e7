#include "LocalSampleStream.h"

#include "ProcessGroupCpu.h"

#include <QFileInfo>
#include <QProcess>
#include <csignal>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace mpmlab {

namespace {

constexpr qsizetype keptStandardErrorBytes = 4096;
constexpr int gracefulStopMs = 300; // bash notices its stdin closing at once
constexpr int terminateWaitMs = 1000;

} // namespace

LocalSampleStream::LocalSampleStream(QString shell)
    : m_shell(std::move(shell))
{
}

LocalSampleStream::~LocalSampleStream() { stop(); }

QString LocalSampleStream::targetName() const { return u"local"_s; }

qint64 LocalSampleStream::processId() const
{
    return m_process && m_process->state() != QProcess::NotRunning ? m_process->processId() : 0;
}

std::optional<double> LocalSampleStream::ownCpuSeconds() const
{
    return ProcessGroupCpu::seconds(processId());
}

Status LocalSampleStream::start(const SamplerProgram &program)
{
    if (Status valid = program.validate(); !valid)
        return valid;
    stop();
    if (!QFileInfo(m_shell).isExecutable()) {
        return Error{Error::Kind::NotInstalled,
                     u"cannot run the sampler: %1 is not an executable shell"_s.arg(m_shell),
                     {}};
    }
    m_standardError.clear();
    m_process = std::make_unique<QProcess>();
    // Its own process group, so stop() reaches the awk or sleep it forked.
    m_process->setChildProcessModifier([] { ::setpgid(0, 0); });
    m_process->start(m_shell, program.shArguments());
    if (!m_process->waitForStarted(5000)) {
        Error error{Error::Kind::NotInstalled,
                    u"cannot run the sampler with %1: %2"_s.arg(m_shell, m_process->errorString()),
                    {}};
        m_process.reset();
        return error;
    }
    return {};
}

void LocalSampleStream::collectStandardError()
{
    m_standardError += m_process->readAllStandardError();
    if (m_standardError.size() > keptStandardErrorBytes)
        m_standardError = m_standardError.right(keptStandardErrorBytes);
}

Result<QByteArray> LocalSampleStream::read(std::chrono::milliseconds timeout)
{
    if (!m_process)
        return Error{Error::Kind::NotRunning, u"the local sampler is not running"_s, {}};
    if (m_process->bytesAvailable() == 0 && m_process->state() == QProcess::Running)
        m_process->waitForReadyRead(int(timeout.count()));
    collectStandardError();
    QByteArray output = m_process->readAllStandardOutput();
    if (!output.isEmpty() || m_process->state() == QProcess::Running)
        return output;
    const bool crashed = m_process->exitStatus() == QProcess::CrashExit;
    return Error{Error::Kind::NotRunning,
                 crashed ? u"the local sampler was killed"_s
                         : u"the local sampler exited with status %1"_s.arg(m_process->exitCode()),
                 QString::fromLocal8Bit(m_standardError).trimmed()};
}

void LocalSampleStream::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        const qint64 group = m_process->processId();
        // Under bash the script ends when its stdin closes; under sh it
        // sleeps, so it gets SIGTERM, the whole group with it.
        m_process->closeWriteChannel();
        if (!m_process->waitForFinished(gracefulStopMs)) {
            ::kill(pid_t(-group), SIGTERM);
            if (!m_process->waitForFinished(terminateWaitMs)) {
                ::kill(pid_t(-group), SIGKILL);
                m_process->waitForFinished(terminateWaitMs);
            }
        }
    }
    m_process.reset();
}

} // namespace mpmlab
