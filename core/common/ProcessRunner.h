#pragma once

#include "Result.h"

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <chrono>

namespace mpmlab {

struct ProcessOutput {
    int exitCode = -1;
    QByteArray standardOutput;
    QByteArray standardError;

    [[nodiscard]] bool succeeded() const { return exitCode == 0; }
    // stderr then stdout, trimmed: what to show a user when a tool fails.
    [[nodiscard]] QString combinedText() const;
};

// Runs a local program to completion with a deadline, capturing its output.
// Fails with NotInstalled when the program cannot be started, Timeout when it
// outlives the deadline (it is killed), and StartFailed when it crashes.
class ProcessRunner {
public:
    static Result<ProcessOutput>
    run(const QString &program, const QStringList &arguments, std::chrono::milliseconds timeout,
        const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());
};

} // namespace mpmlab
