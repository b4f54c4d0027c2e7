#include "CliCommand.h"

#include "apache/ServerDriver.h"
#include "common/LockFile.h"

#include <QCommandLineParser>
#include <QIODevice>

using namespace Qt::StringLiterals;

QTextStream &CliCommand::out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &CliCommand::err()
{
    static QTextStream stream(stderr);
    return stream;
}

int CliCommand::fail(const mpmlab::Error &error)
{
    err() << "mpmlab-cli: " << error.message << Qt::endl;
    if (!error.details.trimmed().isEmpty())
        err() << error.details.trimmed() << Qt::endl;
    return exitCodeFor(error.kind);
}

int CliCommand::usageError(const QString &message)
{
    err() << "mpmlab-cli: " << message << u"\nTry 'mpmlab-cli --help'."_s << Qt::endl;
    return UsageError;
}

std::optional<int> CliCommand::parseArguments(QCommandLineParser &parser,
                                              const QStringList &arguments,
                                              QStringList &words) const
{
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(u"help"_s)) {
        out() << parser.helpText();
        return Success;
    }
    words = parser.positionalArguments();
    if (!words.isEmpty() && words.first() == name())
        words.removeFirst();
    return std::nullopt;
}

int CliCommand::withOutputChecked(int code)
{
    out().flush();
    if (out().status() == QTextStream::Ok)
        return code;
    err() << "mpmlab-cli: cannot write to standard output: " << out().device()->errorString()
          << Qt::endl;
    return code == Success ? Failure : code;
}

QCommandLineOption CliCommand::waitOption()
{
    return {u"wait"_s, u"When another command owns the lab or server, wait until it is done "
                       "(Ctrl+C stops waiting) instead of giving up at once."_s};
}

mpmlab::Result<mpmlab::ServerLease> CliCommand::ownServer(mpmlab::ServerDriver &driver,
                                                          const QString &purpose,
                                                          const QCommandLineParser &parser)
{
    return driver.lease(purpose, parser.isSet(waitOption()) ? mpmlab::waitForever
                                                            : std::chrono::milliseconds(0));
}
