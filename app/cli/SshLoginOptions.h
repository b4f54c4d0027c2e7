#pragma once

#include "common/Result.h"
#include "remote/HostKeyPolicy.h"
#include "remote/SshCredentials.h"
#include "remote/SshShell.h"
#include "remote/SshTarget.h"
#include "ssh/RemoteApacheDriver.h"

#include <QCommandLineOption>
#include <QList>
#include <memory>

class QCommandLineParser;
class QTextStream;

// Everything needed to log in to a server: what the options below describe.
struct SshLogin {
    mpmlab::SshTarget target;
    mpmlab::SshCredentials credentials;
    mpmlab::HostKeyPolicy policy;
    mpmlab::SshShell::SudoOptions sudo;
    mpmlab::RemoteApacheOptions apache; // --instance
};

// The SSH options the verbs that reach a real server share (server,
// monitor): --identity, --ask-password, --sudo, --accept-new-host-key,
// --known-hosts, --instance; and the driver they open.
class SshLoginOptions {
public:
    static QList<QCommandLineOption> options();

    // The login for `target` (ssh://user@host[:port]); asks the terminal for
    // the SSH password or passphrase now if --ask-password. The sudo
    // password is asked at most once however many sessions use the login.
    // Messages (an accepted host key) go to `progress`, which must outlive
    // the login.
    static mpmlab::Result<SshLogin> read(const QCommandLineParser &parser, const QString &target,
                                         QTextStream &progress);

    // Connects (on the calling thread), checks root or sudo, detects the
    // Apache layout. With LoginUserIsEnough and neither root nor --sudo, the
    // driver can only look (RemoteApacheDriver::canChange()).
    static mpmlab::Result<std::unique_ptr<mpmlab::RemoteApacheDriver>>
    openDriver(const SshLogin &login, QTextStream &progress,
               mpmlab::SshShell::Need need = mpmlab::SshShell::Need::Root);
};
