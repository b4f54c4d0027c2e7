#include "LabStarter.h"

#include "ApacheProcess.h"
#include "LabInspector.h"
#include "LabTree.h"
#include "LocalLab.h"
#include "apache/ReadinessCheck.h"
#include "common/LoopbackPort.h"
#include "common/ProcFs.h"

#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace mpmlab {

namespace {

constexpr auto statusProbeTimeout = 1000ms;
constexpr auto readyPollInterval = 100ms;
constexpr int errorLogTailLines = 12;

} // namespace

LabStarter::LabStarter(const LabOptions &options, LabConfig base, Progress progress,
                       StopRequested stopRequested)
    : m_options(options)
    , m_base(std::move(base))
    , m_progress(std::move(progress))
    , m_stopRequested(std::move(stopRequested))
{
}

Result<quint16> LabStarter::choosePort(const LabSettings &saved, Mode mode) const
{
    const bool asked = mode == Mode::Forward && m_options.port.has_value();
    const quint16 wanted = asked ? *m_options.port : saved.port;
    if (isLoopbackPortFree(wanted))
        return wanted;
    const bool newLab = !QFile::exists(m_base.settingsPath());
    if (!asked && newLab && mode == Mode::Forward) {
        // A new lab's first port is a choice, not a move.
        if (const std::optional<quint16> port = findFreeLoopbackPort(LabSettings::defaultPort)) {
            m_progress(u"Port %1 is in use (%2): the new lab takes port %3"_s.arg(wanted)
                           .arg(describeListeners(wanted))
                           .arg(*port));
            return *port;
        }
    }
    return Error{Error::Kind::Busy,
                 asked ? u"port %1 on 127.0.0.1 is already in use by %2: stop it or choose "
                         "another port with --port"_s.arg(wanted)
                             .arg(describeListeners(wanted))
                       : u"the lab's port %1 on 127.0.0.1 is already in use by %2: stop it, or "
                         "move the lab to another port with --port"_s.arg(wanted)
                             .arg(describeListeners(wanted)),
                 {}};
}

Status LabStarter::start(const LabSettings &wanted, Mode mode) const
{
    LabSettings settings = wanted;
    const ApacheProcess leftovers(m_options.apacheBinary, m_base.rootDir, m_base.configPath(),
                                  m_base.pidFilePath());
    if (const QList<ApacheProcess::Member> members = leftovers.members(); !members.isEmpty()) {
        m_progress(u"Stopping %1 Apache processes this lab left behind"_s.arg(members.size()));
        if (Status stopped = leftovers.stopAll(m_options.stopTimeout); !stopped)
            return stopped;
    }
    const Result<quint16> port = choosePort(settings, mode);
    if (!port)
        return port.error();
    settings.port = *port;

    const LabConfig config = m_base.withSettings(settings);
    if (Status prepared = LabTree::prepare(config); !prepared)
        return prepared;
    const ApacheProcess process(m_options.apacheBinary, config.rootDir, config.configPath(),
                                config.pidFilePath());
    m_progress(u"Checking the configuration"_s);
    if (const Result<ProcessOutput> test = process.configTest(); !test)
        return test.error();

    m_progress(
        u"Starting Apache (%1) on 127.0.0.1:%2"_s.arg(mpmName(settings.mpm)).arg(settings.port));
    const qint64 logOffset = QFileInfo(config.errorLogPath()).size();
    if (Status started = process.start(settings.memoryLimitKib); !started)
        return withErrorLog(started.error(), logOffset);
    const bool cancellable = mode == Mode::Forward;
    const ReadinessCheck::Probes probes{
        [&process]() -> Result<std::optional<qint64>> { return process.runningPid(); },
        [&config] { return LabInspector::fetchStatus(config.port, statusProbeTimeout); },
        [this, logOffset] { return errorLogSince(logOffset); }, m_progress,
        [this, cancellable] { return cancellable && m_stopRequested(); }};
    const Result<ServerStatus> ready =
        ReadinessCheck(m_options.readyTimeout, m_options.settleDelay, readyPollInterval)
            .waitUntilReady(settings.mpm, probes);
    if (!ready) {
        // A parent that gave up (AH02325) removed its pid file but may
        // still hold the port, and its children with it: all of them go
        // before anything else starts.
        (void)process.stopAll(m_options.stopTimeout);
        return withErrorLog(ready.error(), logOffset);
    }
    return settings.save(config.settingsPath());
}

Error LabStarter::withErrorLog(Error error, qint64 offset) const
{
    const QString log = errorLogSince(offset);
    if (!log.isEmpty())
        error.details = error.details.isEmpty() ? log : error.details % u'\n' % log;
    return error;
}

QString LabStarter::errorLogSince(qint64 offset) const
{
    QFile log(m_base.errorLogPath());
    if (!log.open(QIODevice::ReadOnly) || !log.seek(offset))
        return {};
    QStringList lines = QString::fromLocal8Bit(log.readAll()).split(u'\n', Qt::SkipEmptyParts);
    if (lines.size() > errorLogTailLines)
        lines = lines.mid(lines.size() - errorLogTailLines);
    if (lines.isEmpty())
        return {};
    return u"Last lines of %1:\n"_s.arg(m_base.errorLogPath()) + lines.join(u'\n');
}

} // namespace mpmlab
