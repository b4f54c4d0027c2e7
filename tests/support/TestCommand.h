#pragma once

#include <QString>
#include <QStringList>
#include <chrono>
#include <functional>

// mpmlab-cli run by a test, as a script runs it.
namespace TestCommand {

struct Run {
    int code = -1; // -1: it did not exit normally (killed, timed out)
    QString out;
    QString err;
};

// Runs it to its end (killed past `timeout`). `standardOutputFile`, when
// given, takes its stdout instead of a pipe (/dev/full...).
Run run(const QStringList &arguments,
        std::chrono::milliseconds timeout = std::chrono::milliseconds(120000),
        const QString &standardOutputFile = {});

// Polls `condition` every few milliseconds until it holds (true) or
// `timeout` runs out (false): for the moments of a running command that
// can be seen from outside (a file appears, a process ends).
bool waitUntil(const std::function<bool()> &condition, std::chrono::milliseconds timeout);

} // namespace TestCommand
