#pragma once

#include "common/Result.h"
#include "targets/TargetSpec.h"

#include <QCommandLineOption>
#include <QList>

class QCommandLineParser;
class QTextStream;

// The SSH options the verbs that reach a real server share (server,
// monitor, campaign), as SshLoginArguments reads them, and the questions
// they leave asked on the terminal: the host key, the password with
// --ask-password, sudo's password.
class SshLoginOptions {
public:
    static QList<QCommandLineOption> options();

    // The target `text` names ("local" or ssh://user@host[:port]), with the
    // lab directory `labDir` (local) or the login the options describe
    // (ssh): asks the terminal for the SSH password or passphrase now if
    // --ask-password; the sudo password is asked when sudo wants it, once
    // however many sessions use the login. Messages (an accepted host key) go to
    // `progress`, which must outlive the spec.
    static mpmlab::Result<mpmlab::TargetSpec> read(const QCommandLineParser &parser,
                                                   const QString &text, const QString &labDir,
                                                   QTextStream &progress);
};
