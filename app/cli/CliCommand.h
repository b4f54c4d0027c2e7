#pragma once

#include "ExitCode.h"
#include "apache/ServerLease.h"
#include "common/Error.h"
#include "common/Result.h"

#include <QCommandLineParser>
#include <QString>
#include <QStringList>
#include <QTextStream>
#include <optional>

namespace mpmlab {
class ServerDriver;
}

// One verb of mpmlab-cli (`lab`, later `load`, `server`, `monitor`).
// Results go to stdout, progress and errors to stderr, so `--json` output
// can be piped as is.
class CliCommand {
public:
    virtual ~CliCommand() = default;

    [[nodiscard]] virtual QString name() const = 0;
    [[nodiscard]] virtual QString summary() const = 0;
    // `arguments` starts with the program name, then the verb and its words.
    virtual int run(const QStringList &arguments) = 0;

    // `code`, once stdout is flushed; Failure, said on stderr, when what
    // went to stdout could not all be written (a full disk...).
    static int withOutputChecked(int code);

protected:
    CliCommand() = default;

    static QTextStream &out();
    static QTextStream &err();
    // Prints "mpmlab-cli: message" and the details, returns the exit code.
    static int fail(const mpmlab::Error &error);
    static int usageError(const QString &message);
    // Parses `arguments` (program, verb, words...) and leaves the words after
    // the verb in `words`. Returns an exit code when the command is already
    // done: --help printed (Success) or a bad option (UsageError).
    std::optional<int> parseArguments(QCommandLineParser &parser, const QStringList &arguments,
                                      QStringList &words) const;

    // --wait, for the commands that change a server: wait for its owner
    // to finish instead of giving up at once.
    static QCommandLineOption waitOption();
    // `driver`'s server for `purpose` ("lab set-mpm worker"), for the
    // whole command, waiting for its owner as --wait says.
    static mpmlab::Result<mpmlab::ServerLease> ownServer(mpmlab::ServerDriver &driver,
                                                         const QString &purpose,
                                                         const QCommandLineParser &parser);
};
