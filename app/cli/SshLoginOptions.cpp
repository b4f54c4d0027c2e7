#include "SshLoginOptions.h"

#include "TerminalPrompt.h"
#include "targets/SshLoginArguments.h"

#include <QCommandLineParser>
#include <QTextStream>

using namespace Qt::StringLiterals;
using namespace mpmlab;

QList<QCommandLineOption> SshLoginOptions::options() { return SshLoginArguments::options(); }

Result<TargetSpec> SshLoginOptions::read(const QCommandLineParser &parser, const QString &text,
                                         const QString &labDir, QTextStream &progress)
{
    Result<SshLoginArguments::Parsed> parsed = SshLoginArguments::read(parser, text, labDir);
    if (!parsed)
        return parsed.error();
    TargetSpec spec = std::move(parsed.value().spec);
    if (spec.isLocal())
        return spec;
    SshLogin &login = spec.ssh;
    if (parsed->askPassword) {
        const QString secret = TerminalPrompt::secret(
            login.credentials.identityFile.isEmpty()
                ? u"Password for %1: "_s.arg(login.target.toString())
                : u"Passphrase for %1: "_s.arg(login.credentials.identityFile));
        (login.credentials.identityFile.isEmpty() ? login.credentials.password
                                                  : login.credentials.passphrase) = secret;
    }
    const bool acceptNew = parsed->acceptNewHostKey;
    login.policy.confirmUnknown = [acceptNew, &progress](const UnknownHostKey &key) {
        const QString shown = u"%1 %2"_s.arg(key.keyType, key.fingerprint);
        if (acceptNew) {
            progress << "Accepting the new host key of " << key.host << ':' << key.port << ": "
                     << shown << Qt::endl;
            return HostKeyTrust::Remember;
        }
        return TerminalPrompt::confirm(u"The host key of %1:%2 is unknown: %3\nCompare it with "
                                       "the server's (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub). "
                                       "Connect and remember it?"_s.arg(key.host)
                                           .arg(key.port)
                                           .arg(shown))
                   ? HostKeyTrust::Remember
                   : HostKeyTrust::Refuse;
    };
    // Asked once: the sampler's session reuses the answer (Target::open).
    // Without a terminal nothing is asked, and the error says sudo wants one.
    if (TerminalPrompt::isInteractive()) {
        login.sudo.askPassword = [user = login.target.user](bool again) -> std::optional<QString> {
            return TerminalPrompt::secret(
                again ? u"Sorry, try again.\n[sudo] password for %1: "_s.arg(user)
                      : u"[sudo] password for %1: "_s.arg(user));
        };
    }
    return spec;
}
