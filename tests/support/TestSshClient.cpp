#include "TestSshClient.h"

#include "TestSshd.h"
#include "remote/SshSession.h"

#include <QFile>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace mpmlab;

TestSshClient::TestSshClient(const TestSshd &sshd, const QString &dir)
    : m_dir(dir)
    , m_keyPath(sshd.clientKeyPath())
    , m_target{sshd.user(), u"127.0.0.1"_s, sshd.port()}
{
    QFile known(knownHostsPath());
    m_valid = known.open(QIODevice::WriteOnly | QIODevice::Truncate)
              && known.write(sshd.knownHostsLine().toLatin1() + '\n') > 0;
}

QString TestSshClient::knownHostsPath() const { return m_dir + u"/known_hosts"_s; }

HostKeyPolicy TestSshClient::policy() const
{
    HostKeyPolicy policy;
    policy.userKnownHostsFile = knownHostsPath();
    policy.mpmlabKnownHostsFile = m_dir + u"/mpmlab_known_hosts"_s;
    return policy;
}

SshCredentials TestSshClient::credentials() const
{
    SshCredentials credentials;
    credentials.identityFile = m_keyPath;
    credentials.useAgent = false;
    return credentials;
}

Result<std::unique_ptr<SshSession>> TestSshClient::connectAs(const QString &user) const
{
    return SshSession::connect({user, m_target.host, m_target.port}, credentials(), policy());
}

Result<std::unique_ptr<SshShell>> TestSshClient::shell() const
{
    auto session = SshSession::connect(m_target, credentials(), policy());
    if (!session)
        return session.error();
    return SshShell::open(std::move(session).value(), {}, 120s);
}

Result<std::unique_ptr<RemoteApacheDriver>>
TestSshClient::driver(const QString &configDir, std::chrono::milliseconds settleDelay) const
{
    auto opened = shell();
    if (!opened)
        return opened.error();
    RemoteApacheOptions options;
    options.configDir = configDir;
    options.clientJournalDir = m_dir + u"/journals"_s;
    options.settleDelay = settleDelay;
    return RemoteApacheDriver::open(std::move(opened).value(), options);
}
