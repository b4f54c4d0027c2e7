#pragma once

#include "SshExecChannel.h"
#include "common/ProcessRunner.h"
#include "common/Result.h"

#include <QByteArray>
#include <QDeadlineTimer>
#include <QString>
#include <chrono>
#include <memory>
#include <stop_token>

namespace mpmlab {

class SshSession;

// One /bin/sh kept running on the server for a whole connection, fed one
// script at a time. Each remote command on its own exec channel makes sshd
// start the user's login shell, and Debian's bash reads ~/.bashrc even for
// a command: with a `pyenv init` there, 0.5 to 1 s a step. Here the login
// shell starts once and execs /bin/sh, which runs every later script.
//
// The protocol, on the shell's stdin: `mpmlab_run ID SCRIPT <<END` with
// the script and its input in base64 (binary-safe, nothing for the shell to
// expand); the shell runs the script with /bin/sh, stdin from the input
// and stdout and stderr into files of a private temporary directory, then
// prints "MPMLAB_DONE_ID STATUS OUTBYTES ERRBYTES" and both files. A
// script's background children cannot hold the answer up (they write to
// a file, not to the connection), and a script that reads stdin reads its
// own input, never the protocol.
//
// Used on the session's thread; it must go before the session.
class ResidentShell {
public:
    // Starts the login user's shell, which execs /bin/sh, and sets it up.
    static Result<std::unique_ptr<ResidentShell>> start(SshSession &session,
                                                        std::chrono::milliseconds timeout);
    ~ResidentShell();
    ResidentShell(const ResidentShell &) = delete;
    ResidentShell &operator=(const ResidentShell &) = delete;

    // Replaces this shell by a root shell from sudo (`password` on sudo's
    // stdin; empty: passwordless) and sets it up again: the same channel,
    // now root's. /bin/sh reads its input ahead, so nothing is sent while a
    // program is being exec'd: the password only once sudo prompts for it,
    // the protocol only once the new shell says it runs.
    Status becomeRootWithSudo(const QString &password, std::chrono::milliseconds timeout);

    // Runs `script` with /bin/sh, `input` on its stdin; its output and exit
    // status. Timeout after `timeout`, Cancelled once `stop` is stopped:
    // the shell is then closed (isUsable() false), since it still runs the
    // script.
    Result<ProcessOutput> run(const QString &script, const QByteArray &input,
                              std::chrono::milliseconds timeout, const std::stop_token &stop = {});

    // False once the connection broke, a run timed out or the shell ended.
    [[nodiscard]] bool isUsable() const { return m_channel && !m_broken; }

private:
    ResidentShell(QString targetName, std::unique_ptr<SshExecChannel> channel);
    // Defines mpmlab_run and waits for the shell to say it is ready.
    Status setUp(std::chrono::milliseconds timeout);
    // Reads until `m_buffer` holds `marker` followed by a newline; the
    // offset just past that line.
    Result<qsizetype> readLine(const QByteArray &marker, const QDeadlineTimer &deadline,
                               const std::stop_token &stop);
    // Reads until `m_buffer` holds at least `bytes`.
    Status readBytes(qsizetype bytes, const QDeadlineTimer &deadline, const std::stop_token &stop);
    Status readMore(const QDeadlineTimer &deadline, const std::stop_token &stop);
    [[nodiscard]] Error broken(Error error);

    QString m_targetName;
    std::unique_ptr<SshExecChannel> m_channel;
    QByteArray m_buffer; // what arrived and was not consumed yet
    quint64 m_nextId = 1;
    bool m_broken = false;
};

} // namespace mpmlab
