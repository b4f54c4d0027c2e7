#include "ProcessRunner.h"

#include <QProcess>

using namespace Qt::StringLiterals;

namespace mpmlab {

QString ProcessOutput::combinedText() const
{
    const QString err = QString::fromLocal8Bit(standardError).trimmed();
    const QString out = QString::fromLocal8Bit(standardOutput).trimmed();
    if (err.isEmpty())
        return out;
    if (out.isEmpty())
        return err;
    return err % u'\n' % out;
}

Result<ProcessOutput> ProcessRunner::run(const QString &program, const QStringList &arguments,
                                         std::chrono::milliseconds timeout,
                                         const QProcessEnvironment &environment)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(program, arguments);
    if (!process.waitForStarted(int(timeout.count()))) {
        return Error{Error::Kind::NotInstalled,
                     u"cannot run %1: %2"_s.arg(program, process.errorString()),
                     {}};
    }
    if (!process.waitForFinished(int(timeout.count()))) {
        process.kill();
        process.waitForFinished(1000);
        return Error{Error::Kind::Timeout,
                     u"%1 did not finish within %2 ms"_s.arg(program).arg(timeout.count()),
                     {}};
    }
    ProcessOutput output;
    output.standardOutput = process.readAllStandardOutput();
    output.standardError = process.readAllStandardError();
    if (process.exitStatus() == QProcess::CrashExit) {
        return Error{Error::Kind::StartFailed, u"%1 crashed"_s.arg(program), output.combinedText()};
    }
    output.exitCode = process.exitCode();
    return output;
}

} // namespace mpmlab
