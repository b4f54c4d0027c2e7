#include "ResidentShell.h"

#include "SshSession.h"

#include <QDeadlineTimer>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace mpmlab {

namespace {

constexpr auto readSlice = 50ms; // how often a wait checks its deadline and stop token
constexpr qsizetype base64LineBytes = 76;

// Sent once to every new /bin/sh: mpmlab_run, and its private directory,
// removed when the shell ends (its stdin closed) or is replaced by exec.
// Each run gets new files (a background child of an earlier script still
// writes to the old ones) and sends exactly as many bytes as it counted
// (one of this script's children may still be writing).
// The ready line carries a token, so that nothing the login shell printed
// (a .bashrc's greeting) is taken for it.
QByteArray setUpScript(const QByteArray &readyLine)
{
    return "T=$(mktemp -d \"${TMPDIR:-/tmp}/mpmlab.XXXXXXXX\") || exit 1\n"
           "trap 'rm -rf \"$T\"' EXIT HUP TERM\n"
           "mpmlab_run() {\n"
           "  rm -f \"$T/in\" \"$T/script\" \"$T/out\" \"$T/err\"\n"
           "  base64 -d > \"$T/in\" 2>/dev/null\n"
           "  printf '%s' \"$2\" | base64 -d > \"$T/script\" 2>/dev/null\n"
           "  /bin/sh \"$T/script\" < \"$T/in\" > \"$T/out\" 2> \"$T/err\"\n"
           "  mpmlab_rc=$?\n"
           "  mpmlab_o=$(wc -c < \"$T/out\"); mpmlab_e=$(wc -c < \"$T/err\")\n"
           "  printf 'MPMLAB_DONE_%s %s %s %s\\n' \"$1\" \"$mpmlab_rc\" \"$mpmlab_o\" "
           "\"$mpmlab_e\"\n"
           "  head -c \"$mpmlab_o\" \"$T/out\"; head -c \"$mpmlab_e\" \"$T/err\"\n"
           "}\n"
           "echo "
           + readyLine + "\n";
}

QByteArray wrapped(const QByteArray &base64)
{
    QByteArray lines;
    for (qsizetype at = 0; at < base64.size(); at += base64LineBytes)
        lines += base64.mid(at, base64LineBytes) + '\n';
    return lines;
}

} // namespace

ResidentShell::ResidentShell(QString targetName, std::unique_ptr<SshExecChannel> channel)
    : m_targetName(std::move(targetName))
    , m_channel(std::move(channel))
{
}

ResidentShell::~ResidentShell()
{
    // EOF on its stdin: the shell ends and its trap removes its directory.
    if (m_channel)
        m_channel->finish(1s);
}

Result<std::unique_ptr<ResidentShell>> ResidentShell::start(SshSession &session,
                                                            std::chrono::milliseconds timeout)
{
    // The login shell runs this (reading its startup files once), and
    // becomes /bin/sh reading the protocol from stdin.
    Result<std::unique_ptr<SshExecChannel>> channel = session.start(u"exec /bin/sh"_s, {});
    if (!channel)
        return channel.error();
    std::unique_ptr<ResidentShell> shell(
        new ResidentShell(session.target().toString(), std::move(channel).value()));
    if (Status ready = shell->setUp(timeout); !ready)
        return ready.error();
    return shell;
}

Error ResidentShell::broken(Error error)
{
    m_broken = true;
    if (m_channel)
        m_channel->finish(0ms);
    m_channel.reset();
    return error;
}

Status ResidentShell::readMore(const QDeadlineTimer &deadline, const std::stop_token &stop)
{
    if (stop.stop_requested()) {
        return broken(Error{
            Error::Kind::Cancelled, u"stopped while a command ran on %1"_s.arg(m_targetName), {}});
    }
    if (deadline.hasExpired())
        return Error{Error::Kind::Timeout, {}, {}}; // the caller says what timed out
    const auto left = std::chrono::milliseconds(deadline.remainingTime());
    const Result<QByteArray> got =
        m_channel->read(std::min(left, std::chrono::milliseconds(readSlice)));
    if (!got) {
        Error error = got.error();
        if (error.kind == Error::Kind::NotRunning)
            error = Error{Error::Kind::Network,
                          u"the shell on %1 ended: %2"_s.arg(m_targetName, error.message),
                          error.details};
        return broken(error);
    }
    m_buffer += *got;
    return {};
}

Result<qsizetype> ResidentShell::readLine(const QByteArray &marker, const QDeadlineTimer &deadline,
                                          const std::stop_token &stop)
{
    for (;;) {
        const qsizetype at = m_buffer.indexOf(marker);
        if (at >= 0) {
            const qsizetype end = m_buffer.indexOf('\n', at);
            if (end >= 0) {
                // Whatever came before (a login shell's greeting) is not ours.
                m_buffer.remove(0, at);
                return end - at + 1;
            }
        }
        if (Status more = readMore(deadline, stop); !more)
            return more.error();
    }
}

Status ResidentShell::readBytes(qsizetype bytes, const QDeadlineTimer &deadline,
                                const std::stop_token &stop)
{
    while (m_buffer.size() < bytes) {
        if (Status more = readMore(deadline, stop); !more)
            return more;
    }
    return {};
}

Status ResidentShell::setUp(std::chrono::milliseconds timeout)
{
    const QByteArray ready =
        "MPMLAB_READY_" + QByteArray::number(QRandomGenerator::global()->generate64());
    if (Status sent = m_channel->write(setUpScript(ready)); !sent)
        return broken(sent.error());
    const QDeadlineTimer deadline(timeout);
    const Result<qsizetype> line = readLine(ready, deadline, {});
    if (!line) {
        if (line.error().kind == Error::Kind::Timeout) {
            return broken(Error{Error::Kind::Timeout,
                                u"the shell on %1 did not start within %2 ms"_s.arg(m_targetName)
                                    .arg(timeout.count()),
                                {}});
        }
        return line.error();
    }
    m_buffer.remove(0, *line);
    return {};
}

Status ResidentShell::becomeRootWithSudo(const QString &password, std::chrono::milliseconds timeout)
{
    if (!isUsable())
        return Error{Error::Kind::Network, u"the shell on %1 is closed"_s.arg(m_targetName), {}};
    const QByteArray token = QByteArray::number(QRandomGenerator::global()->generate64());
    const QByteArray prompt = "MPMLAB_SUDO_" + token + ':';
    const QByteArray started = "MPMLAB_ROOT_" + token;
    const QByteArray sudo =
        password.isEmpty() ? QByteArray("sudo -n") : QByteArray("sudo -S -k -p '" + prompt + '\'');
    // exec skips the EXIT trap: the directory goes first.
    const QByteArray line = "rm -rf \"$T\"; trap - EXIT HUP TERM; exec " + sudo
                            + " /bin/sh -c 'echo " + started + "; exec /bin/sh'\n";
    if (Status sent = m_channel->write(line); !sent)
        return broken(sent.error());
    const QDeadlineTimer deadline(timeout);
    const auto failed = [&](const Error &error) -> Error {
        if (error.kind != Error::Kind::Timeout)
            return error;
        return broken(Error{
            Error::Kind::Timeout,
            u"sudo on %1 gave no root shell within %2 ms"_s.arg(m_targetName).arg(timeout.count()),
            QString::fromUtf8(m_channel ? m_channel->standardError() : QByteArray())});
    };
    if (!password.isEmpty()) {
        while (!m_channel->standardError().contains(prompt)) {
            if (Status more = readMore(deadline, {}); !more)
                return failed(more.error());
        }
        if (Status sent = m_channel->write(password.toUtf8() + '\n'); !sent)
            return broken(sent.error());
    }
    const Result<qsizetype> root = readLine(started, deadline, {});
    if (!root)
        return failed(root.error());
    m_buffer.remove(0, *root);
    return setUp(std::chrono::milliseconds(std::max<qint64>(deadline.remainingTime(), 1)));
}

Result<ProcessOutput> ResidentShell::run(const QString &script, const QByteArray &input,
                                         std::chrono::milliseconds timeout,
                                         const std::stop_token &stop)
{
    if (!isUsable())
        return Error{Error::Kind::Network, u"the shell on %1 is closed"_s.arg(m_targetName), {}};
    const QByteArray id = QByteArray::number(m_nextId++);
    const QByteArray end = "MPMLAB_END_" + id;
    const QByteArray request = "mpmlab_run " + id + ' ' + script.toUtf8().toBase64() + " <<'" + end
                               + "'\n" + wrapped(input.toBase64()) + end + '\n';
    if (Status sent = m_channel->write(request); !sent)
        return broken(sent.error());

    const QDeadlineTimer deadline(timeout);
    const auto timedOut = [&] {
        // It still runs the script: this shell is done for.
        return broken(Error{
            Error::Kind::Timeout,
            u"a command on %1 did not finish within %2 ms"_s.arg(m_targetName).arg(timeout.count()),
            {}});
    };
    const Result<qsizetype> header = readLine("MPMLAB_DONE_" + id + ' ', deadline, stop);
    if (!header)
        return header.error().kind == Error::Kind::Timeout ? timedOut() : header.error();
    const QList<QByteArray> fields = m_buffer.left(*header).simplified().split(' ');
    bool okStatus = false;
    bool okOut = false;
    bool okErr = false;
    const int status = fields.value(1).toInt(&okStatus);
    const qsizetype outBytes = fields.value(2).toLongLong(&okOut);
    const qsizetype errBytes = fields.value(3).toLongLong(&okErr);
    if (fields.size() != 4 || !okStatus || !okOut || !okErr) {
        return broken(
            Error{Error::Kind::Network,
                  u"the shell on %1 answered something MPM Lab cannot read"_s.arg(m_targetName),
                  QString::fromUtf8(m_buffer.left(*header))});
    }
    m_buffer.remove(0, *header);
    if (Status body = readBytes(outBytes + errBytes, deadline, stop); !body)
        return body.error().kind == Error::Kind::Timeout ? timedOut() : body.error();
    ProcessOutput output;
    output.exitCode = status;
    output.standardOutput = m_buffer.left(outBytes);
    output.standardError = m_buffer.mid(outBytes, errBytes);
    m_buffer.remove(0, outBytes + errBytes);
    return output;
}

} // namespace mpmlab
