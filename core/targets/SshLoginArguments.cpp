#include "SshLoginArguments.h"

#include <QCommandLineParser>

using namespace Qt::StringLiterals;

namespace mpmlab {

namespace {

const QCommandLineOption identityOption(u"identity"_s, u"Private key file for SSH."_s, u"file"_s);
const QCommandLineOption passwordOption(u"ask-password"_s,
                                        u"Ask for the SSH password (or key passphrase) before "
                                        "connecting."_s);
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

QList<QCommandLineOption> SshLoginArguments::options()
{
    return {identityOption,  passwordOption,   sudoOption,
            acceptKeyOption, knownHostsOption, instanceOption};
}

Result<SshLoginArguments::Parsed> SshLoginArguments::read(const QCommandLineParser &parser,
                                                          const QString &text,
                                                          const QString &labDir)
{
    Result<TargetSpec> target = TargetSpec::parse(text);
    if (!target)
        return target.error();
    Parsed parsed;
    parsed.spec = std::move(target).value();
    if (parsed.spec.isLocal()) {
        parsed.spec.lab.rootDir = labDir;
        return parsed;
    }
    SshLogin &login = parsed.spec.ssh;
    login.credentials.identityFile = parser.value(identityOption);
    login.policy = HostKeyPolicy::defaults();
    if (parser.isSet(knownHostsOption))
        login.policy.mpmlabKnownHostsFile = parser.value(knownHostsOption);
    parsed.acceptNewHostKey = parser.isSet(acceptKeyOption);
    if (parsed.acceptNewHostKey)
        login.policy.confirmUnknown = [](const UnknownHostKey &) { return HostKeyTrust::Remember; };
    parsed.askPassword = parser.isSet(passwordOption);
    login.sudo.enabled = parser.isSet(sudoOption);
    if (parser.isSet(instanceOption))
        login.apache.configDir = u"/etc/apache2-"_s + parser.value(instanceOption);
    return parsed;
}

} // namespace mpmlab
