#pragma once

#include "TargetSpec.h"
#include "common/Result.h"

#include <QCommandLineOption>
#include <QList>

class QCommandLineParser;

namespace mpmlab {

// The command-line options with which both front ends describe an SSH
// login: --identity, --ask-password, --sudo, --accept-new-host-key,
// --known-hosts and --instance. Reading them asks nothing: each front end
// answers the login's questions its own way (a terminal, a dialog).
class SshLoginArguments {
public:
    struct Parsed {
        TargetSpec spec;
        // --ask-password: the password (or the key's passphrase) is to be
        // asked before connecting.
        bool askPassword = false;
        // --accept-new-host-key: an unknown host key is trusted and
        // remembered (spec's policy already says so; a changed key is
        // still refused).
        bool acceptNewHostKey = false;
    };

    static QList<QCommandLineOption> options();
    // The target `text` names ("local" or ssh://user@host[:port]) with the
    // lab directory `labDir` (local) or the login the options describe.
    static Result<Parsed> read(const QCommandLineParser &parser, const QString &text,
                               const QString &labDir);
};

} // namespace mpmlab
