#include "RemoteApacheControl.h"

#include "apache/ManagedOverride.h"
#include "apache/ReadinessCheck.h"
#include "remote/RemoteShell.h"
#include "remote/ShellQuote.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace mpmlab {

namespace {

constexpr auto readyPollInterval = 200ms; // each poll is a round trip over SSH
constexpr int errorLogTailLines = 12;

} // namespace

Status RemoteApacheOptions::validateConfigDir(const QString &configDir)
{
    static const QRegularExpression allowed(
        u"^(/etc/apache2(-[A-Za-z0-9_.][A-Za-z0-9_.-]*)?|/etc/httpd)?$"_s);
    if (allowed.match(configDir).hasMatch())
        return {};
    return Error{Error::Kind::InvalidInput,
                 u"invalid Apache config directory '%1': /etc/apache2, /etc/apache2-NAME (NAME of "
                 "letters, digits, '_', '.' and '-') or /etc/httpd"_s.arg(configDir),
                 {}};
}

RemoteApacheControl::RemoteApacheControl(RemoteShell &shell, ApacheLayout layout,
                                         RemoteApacheOptions options, Progress progress,
                                         StopCheck stopRequested)
    : m_shell(shell)
    , m_layout(std::move(layout))
    , m_options(std::move(options))
    , m_progress(std::move(progress))
    , m_stopRequested(std::move(stopRequested))
{
}

Result<ProcessOutput> RemoteApacheControl::runChecked(const QString &script, Error::Kind kind,
                                                      const QString &what)
{
    Result<ProcessOutput> output = m_shell.runAsRoot(script);
    if (!output)
        return output;
    if (!output->succeeded())
        return Error{kind, u"%1 failed on %2"_s.arg(what, m_shell.targetName()),
                     output->combinedText()};
    return output;
}

QString RemoteApacheControl::controlCommand(const QString &action) const
{
    const bool debian = m_layout.family == ApacheLayout::Family::Debian;
    if (m_layout.systemd && action != u"configtest") {
        const QString unit =
            debian
                ? (m_layout.instance.isEmpty() ? u"apache2"_s : u"apache2@"_s + m_layout.instance)
                : u"httpd"_s;
        return u"systemctl "_s % action % u' ' % shellQuote(unit);
    }
    const bool starts = action == u"start" || action == u"restart" || action == u"graceful";
    return m_layout.environmentPrefix() % (starts ? m_layout.memoryLimitStartPrefix() : QString())
           % (debian ? u"apache2ctl "_s : u"apachectl "_s) % action;
}

Result<std::optional<qint64>> RemoteApacheControl::runningPid()
{
    // Without root, kill -0 on root's httpd says EPERM: /proc tells then.
    const QString script =
        u"p=$(cat "_s % shellQuote(m_layout.pidFile)
        % u" 2>/dev/null) && { kill -0 \"$p\" 2>/dev/null || [ -d \"/proc/$p\" ]; } "
          u"&& echo \"$p\"; true"_s;
    const Result<ProcessOutput> output = m_shell.runAsRoot(script);
    if (!output)
        return output.error();
    bool ok = false;
    const qint64 pid = output->standardOutput.trimmed().toLongLong(&ok);
    return ok && pid > 0 ? std::optional<qint64>(pid) : std::nullopt;
}

Result<ServerStatus> RemoteApacheControl::fetchStatus()
{
    const Result<QByteArray> reply =
        m_shell.httpGetOnServer(m_layout.statusPort(), u"/server-status?auto"_s);
    if (!reply)
        return reply.error();
    const qsizetype bodyStart = reply->indexOf("\r\n\r\n");
    if (!reply->startsWith("HTTP/1.") || bodyStart < 0 || reply->mid(9, 3) != "200") {
        const QString hint = m_layout.family == ApacheLayout::Family::Debian
                                 ? u"a2enmod status"_s
                                 : u"LoadModule status_module and a <Location /server-status> "
                                   "with SetHandler server-status in conf.d"_s;
        return Error{Error::Kind::Network,
                     u"mod_status on port %1 of %2 did not answer 200: is mod_status enabled "
                     "(%3)?"_s.arg(m_layout.statusPort())
                         .arg(m_shell.targetName(), hint),
                     QString::fromUtf8(reply->left(200))};
    }
    return ServerStatus::parse(QString::fromUtf8(reply->mid(bodyStart + 4)));
}

Result<ProcessOutput> RemoteApacheControl::configTest()
{
    m_progress(u"Checking the configuration"_s);
    return runChecked(controlCommand(u"configtest"_s) + u" 2>&1"_s, Error::Kind::ConfigRejected,
                      u"Apache's configtest"_s);
}

Result<qint64> RemoteApacheControl::errorLogSize()
{
    const Result<ProcessOutput> output = m_shell.runAsRoot(
        u"stat -c %s "_s % shellQuote(m_layout.errorLog) % u" 2>/dev/null || echo 0"_s);
    if (!output)
        return output.error();
    return output->standardOutput.trimmed().toLongLong();
}

QString RemoteApacheControl::errorLogSince(qint64 offset)
{
    const Result<ProcessOutput> output =
        m_shell.runAsRoot(u"tail -c +%1 "_s.arg(offset + 1) % shellQuote(m_layout.errorLog)
                          % u" 2>/dev/null | tail -n %1"_s.arg(errorLogTailLines));
    if (!output || output->standardOutput.trimmed().isEmpty())
        return {};
    return u"Last lines of %1:\n"_s.arg(m_layout.errorLog)
           + QString::fromUtf8(output->standardOutput.trimmed());
}

Error RemoteApacheControl::withErrorLog(Error error, qint64 offset)
{
    const QString log = errorLogSince(offset);
    if (!log.isEmpty())
        error.details = error.details.isEmpty() ? log : error.details % u'\n' % log;
    return error;
}

Status RemoteApacheControl::startAndVerify(MpmKind expected, bool viaStatusPage)
{
    const Result<qint64> offset = errorLogSize();
    if (!offset)
        return offset.error();
    m_progress(u"Starting Apache (%1)"_s.arg(mpmName(expected)));
    if (const Result<ProcessOutput> started =
            runChecked(controlCommand(u"start"_s) + u" 2>&1"_s, Error::Kind::StartFailed,
                       u"starting Apache"_s);
        !started) {
        return withErrorLog(started.error(), *offset);
    }

    ReadinessCheck::Probes probes{[this] {
                                      Result<std::optional<qint64>> pid = runningPid();
                                      if (pid && *pid)
                                          m_startedPid = **pid;
                                      return pid;
                                  },
                                  [this] { return fetchStatus(); },
                                  [this, offset] { return errorLogSince(*offset); }, m_progress,
                                  m_stopRequested};
    if (!viaStatusPage)
        probes.fetchStatus = nullptr;
    const Result<ServerStatus> ready =
        ReadinessCheck(m_options.readyTimeout, m_options.settleDelay, readyPollInterval)
            .waitUntilReady(expected, probes);
    if (!ready)
        return withErrorLog(ready.error(), *offset);
    return {};
}

Status RemoteApacheControl::stopAndWait()
{
    const Result<std::optional<qint64>> pid = runningPid();
    if (!pid)
        return pid.error();
    if (!*pid) {
        // A parent this object started may have given up on its own
        // (AH02325): pid file gone, children that failed to start perhaps
        // still holding the port. httpd leads its process group.
        if (const std::optional<qint64> started = std::exchange(m_startedPid, std::nullopt)) {
            const Result<ProcessOutput> killed =
                m_shell.runAsRoot(u"kill -KILL -- -%1 2>/dev/null; true"_s.arg(*started));
            if (!killed)
                return killed.error();
        }
        return {};
    }
    m_startedPid.reset();
    m_progress(u"Stopping Apache"_s);
    const int polls = int(m_options.stopTimeout.count() / 100);
    // Wait on the server itself: one round trip, not one per poll. The
    // control command reads the config (httpd -k stop looks up its
    // PidFile there): when it refuses, a broken config must not keep the
    // server up, so the parent gets SIGTERM, Apache's own stop signal,
    // and its process group SIGKILL if it outlives the timeout.
    const QString script =
        u"out=$("_s % controlCommand(u"stop"_s)
        % u" 2>&1); rc=$?; p=%1; if [ $rc -ne 0 ]; then echo \"refused $rc\"; "
          "printf '%s\\n' \"$out\"; kill -TERM $p 2>/dev/null; fi; i=0; "
          "while kill -0 $p 2>/dev/null; do i=$((i+1)); [ $i -gt %2 ] && break; sleep 0.1; "
          "done; if kill -0 $p 2>/dev/null; then echo killed; kill -KILL -- -$p 2>/dev/null "
          "|| kill -KILL $p 2>/dev/null; sleep 0.2; fi; kill -0 $p 2>/dev/null && exit 3; "
          "exit 0"_s.arg(**pid)
              .arg(polls);
    const Result<ProcessOutput> stopped = m_shell.runAsRoot(script);
    if (!stopped)
        return stopped.error();
    const QString said = QString::fromUtf8(stopped->standardOutput).trimmed();
    const QString command = controlCommand(u"stop"_s).section(u"; "_s, -1);
    if (said.startsWith(u"refused"_s)) {
        // What the control command said, then how the server was stopped.
        const QString why = said.section(u'\n', 1).trimmed();
        m_progress(u"`%1` failed (%2); stopped Apache (pid %3) with SIGTERM instead"_s
                       .arg(command, why.section(u'\n', 0, 0).left(200))
                       .arg(**pid));
    }
    if (said.contains(u"killed"_s))
        m_progress(u"Apache (pid %1) outlived SIGTERM: its processes were killed"_s.arg(**pid));
    if (!stopped->succeeded()) {
        return Error{
            Error::Kind::StopFailed,
            u"Apache (pid %1) on %2 did not stop within %3 ms, even with SIGKILL"_s.arg(**pid)
                .arg(m_shell.targetName())
                .arg(m_options.stopTimeout.count()),
            said};
    }
    return {};
}

Status RemoteApacheControl::enableMpm(MpmKind mpm)
{
    m_progress(u"Enabling %1"_s.arg(mpmName(mpm)));
    if (m_layout.family == ApacheLayout::Family::Rhel) {
        const QString path = m_layout.mpmConfigPath(mpm);
        const Result<QByteArray> text = m_shell.downloadAsRoot(path);
        if (!text)
            return text.error();
        return m_shell.uploadAsRoot(path, withRhelMpm(*text, mpm));
    }
    // Disable first, then enable: with two MPMs enabled a2enmod refuses
    // ("cannot proceed due to conflicts"), with none configtest fails.
    const QString wanted = u"mpm_"_s + mpmName(mpm);
    const QString change =
        u"set -e; for f in \"$APACHE_CONFDIR\"/mods-enabled/mpm_*.load; do [ -e \"$f\" ] || "
        "continue; m=$(basename \"$f\" .load); [ \"$m\" = %1 ] || a2dismod -q \"$m\"; done; "
        "a2enmod -q %1"_s.arg(shellQuote(wanted));
    // Between the two steps the server has no MPM at all: the pair runs
    // detached from the connection, so that a client killed or a link
    // dropped there cannot leave it so (Debian's a2enmod has no one-step
    // swap). Its own session and ignored signals: nothing sshd or sudo
    // sends to this command's process group reaches it.
    const QString script =
        m_layout.environmentPrefix()
        % u"trap '' HUP INT TERM PIPE; if command -v setsid >/dev/null 2>&1; "
          "then setsid -w /bin/sh -c %1; else /bin/sh -c %1; fi"_s.arg(shellQuote(change));
    const Result<ProcessOutput> done =
        runChecked(script + u" 2>&1"_s, Error::Kind::ConfigRejected, u"a2dismod/a2enmod"_s);
    return done ? Status{} : Status{done.error()};
}

} // namespace mpmlab
