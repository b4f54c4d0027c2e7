#pragma once

#include "RemoteShell.h"
#include "SshSession.h"

#include <functional>
#include <memory>
#include <optional>

namespace mpmlab {

class ResidentShell;

// A RemoteShell over one SshSession. Its commands run in one /bin/sh kept
// for the connection (ResidentShell): the login shell's start-up files are
// read once, not at every step. When the login user is not root that shell
// is sudo's: passwordless if the server allows it, else with the password
// written on sudo's stdin (`sudo -S`), never on a command line, in an
// environment variable or in a log.
class SshShell final : public RemoteShell {
public:
    struct SudoOptions {
        bool enabled = false; // --sudo: the login user is not root
        QString password;     // empty: ask `askPassword` if sudo wants one
        // Called only when passwordless sudo is refused (a prompt, a dialog),
        // and again (`again`) when sudo refuses the answer, a few times. No
        // answer, or an empty one: give up (Cancelled).
        std::function<std::optional<QString>(bool again)> askPassword;
    };

    // What the caller's commands need. Controlling Apache needs root; the
    // sampler does not (it reads /proc and mod_status; only other users'
    // smaps_rollup, hence their PSS and USS, stay out of its reach), so
    // without --sudo it may run as the login user: the *AsRoot calls then
    // run as that user.
    enum class Need { Root, LoginUserIsEnough };

    // Checks who we are on the server and that sudo works as asked.
    static Result<std::unique_ptr<SshShell>> open(std::unique_ptr<SshSession> session,
                                                  SudoOptions sudo,
                                                  std::chrono::milliseconds commandTimeout,
                                                  Need need = Need::Root);

    ~SshShell() override;

    [[nodiscard]] QString targetName() const override;
    [[nodiscard]] bool hasRoot() const override { return m_privilege != Privilege::LoginUser; }
    Result<ProcessOutput> runAsRoot(const QString &script, const QByteArray &input = {}) override;
    Result<ProcessOutput> streamAsRoot(const QString &script, std::chrono::milliseconds timeout,
                                       const OutputHandler &onOutput) override;
    Result<QByteArray> httpGetOnServer(quint16 port, const QString &path) override;
    Result<std::unique_ptr<SshExecChannel>> startAsRoot(const QString &script) override;

    [[nodiscard]] SshSession &session() { return *m_session; }
    // The sudo password that worked, empty when none was needed: what a
    // second session of the same login gives without asking again.
    [[nodiscard]] QString sudoPassword() const { return m_password; }

private:
    enum class Privilege { Root, PasswordlessSudo, SudoWithPassword, LoginUser };

    SshShell(std::unique_ptr<SshSession> session, std::unique_ptr<ResidentShell> resident,
             Privilege privilege, QString password, std::chrono::milliseconds commandTimeout);
    // The resident shell becomes root's as the privilege says (sudo).
    Status becomeRoot();
    // A usable resident shell: a new one after a timeout or a break.
    Status ensureResident();
    // An error when `sudo`'s answer says this user has no sudo at all.
    static std::optional<Error> noSudo(const SshSession &session, const ProcessOutput &sudo);
    // The sudo password sudo accepts, asked as `sudo` says; `refusal` is
    // what passwordless sudo answered.
    static Result<QString> sudoPassword(const SshSession &session, ResidentShell &resident,
                                        const SudoOptions &sudo, const ProcessOutput &refusal);
    [[nodiscard]] QString wrapped(const QString &script) const;
    [[nodiscard]] QByteArray withPassword(const QByteArray &input) const;

    std::unique_ptr<SshSession> m_session;
    std::unique_ptr<ResidentShell> m_resident;
    Privilege m_privilege;
    QString m_password;
    std::chrono::milliseconds m_commandTimeout;
};

} // namespace mpmlab
