#include "TestCommand.h"

#include "TestPaths.h"

#include <QDeadlineTimer>
#include <QProcess>
#include <QThread>

namespace TestCommand {

namespace {

constexpr unsigned long pollMs = 2; // a moment of a command lasts tens of ms at least

} // namespace

Run run(const QStringList &arguments, std::chrono::milliseconds timeout,
        const QString &standardOutputFile)
{
    QProcess process;
    if (!standardOutputFile.isEmpty())
        process.setStandardOutputFile(standardOutputFile);
    process.start(TestPaths::cliBinary(), arguments);
    if (!process.waitForFinished(int(timeout.count()))) {
        process.kill();
        process.waitForFinished();
    }
    Run result;
    result.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

bool waitUntil(const std::function<bool()> &condition, std::chrono::milliseconds timeout)
{
    const QDeadlineTimer deadline(timeout);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QThread::msleep(pollMs);
    }
    return true;
}

} // namespace TestCommand
