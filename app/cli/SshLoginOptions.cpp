#include "SshLoginOptions.h"

#include "TerminalPrompt.h"

#include <QCommandLineParser>
#include <QTextStream>

using namespace Qt::StringLiterals;
using namespace mpmlab;

namespace {

const QCommandLineOption identityOption(u"identity"_s, u"Private key file for SSH."_s, u"file"_s);
const QCommandLineOption passwordOption(u"ask-password"_s,
                                        u"Ask for the SSH password (or key passphrase)."_s);
const QCommandLineOption sudoOption(u"sudo"_s,
                                    u"Use sudo on the server (asks for its password if needed)."_s);
const QCommandLineOption acceptKeyOption(
    u"accept-new-host-key"_s,
    u"Accept and remember an unknown host key (its fingerprint is printed). A changed key is "
    "always refused."_s);
const QCommandLineOption knownHostsOption(u"known-hosts"_s,
                                          u"MPM Lab's own known_hosts file (default: %1)."_s.arg(
                                              HostKeyPolicy::defaults().mpmlabKnownHostsFile),
                                          u"file"_s);
const QCommandLineOption instanceOption(u"instance"_s,
                                        u"Debian instance NAME: act on /etc/apache2-NAME only."_s,
                                        u"name"_s);

} // namespace

QList<QCommandLineOption> SshLoginOptions::options()
{
    return {identityOption,  passwordOption,   sudoOption,
            acceptKeyOption, knownHostsOption, instanceOption};
}

Result<TargetSpec> SshLoginOptions::read(const QCommandLineParser &parser, const QString &text,
                                         const QString &labDir, QTextStream &progress)
{
    Result<TargetSpec> parsed = TargetSpec::parse(text);
    if (!parsed)
        return parsed.error();
    TargetSpec spec = std::move(parsed).value();
    if (spec.isLocal()) {
        spec.lab.rootDir = labDir;
        return spec;
    }
    SshLogin &login = spec.ssh;
    login.credentials.identityFile = parser.value(identityOption);
    if (parser.isSet(passwordOption)) {
        const QString secret = TerminalPrompt::secret(
            login.credentials.identityFile.isEmpty()
                ? u"Password for %1: "_s.arg(login.target.toString())
                : u"Passphrase for %1: "_s.arg(login.credentials.identityFile));
        (login.credentials.identityFile.isEmpty() ? login.credentials.password
                                                  : login.credentials.passphrase) = secret;
    }
    login.policy = HostKeyPolicy::defaults();
    if (parser.isSet(knownHostsOption))
        login.policy.mpmlabKnownHostsFile = parser.value(knownHostsOption);
    const bool acceptNew = parser.isSet(acceptKeyOption);
    login.policy.confirmUnknown = [acceptNew, &progress](const UnknownHostKey &key) {
        const QString shown = u"%1 %2"_s.arg(key.keyType, key.fingerprint);
        if (acceptNew) {
            progress << "Accepting the new host key of " << key.host << ':' << key.port << ": "
                     << shown << Qt::endl;
            return true;
        }
        return TerminalPrompt::confirm(u"The host key of %1:%2 is unknown: %3\nCompare it with "
                                       "the server's (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub). "
                                       "Connect and remember it?"_s.arg(key.host)
                                           .arg(key.port)
                                           .arg(shown));
    };
    login.sudo.enabled = parser.isSet(sudoOption);
    // Shared by every copy of the login: a second session (the sampler's)
    // reuses the answer instead of asking again from another thread.
    auto answer = std::make_shared<std::optional<QString>>();
    login.sudo.askPassword = [user = login.target.user, answer] {
        if (!answer->has_value())
            *answer = TerminalPrompt::secret(u"[sudo] password for %1: "_s.arg(user));
        return answer->value();
    };
    if (parser.isSet(instanceOption))
        login.apache.configDir = u"/etc/apache2-"_s + parser.value(instanceOption);
    return spec;
}
