#pragma once

#include "SampleStream.h"

#include <QString>
#include <memory>

class QProcess;

namespace mpmlab {

// Runs the sampler on this machine: /bin/sh as a child process, in its own
// process group so that stop() ends the script and whatever it forked.
class LocalSampleStream final : public SampleStream {
public:
    explicit LocalSampleStream(QString shell = QStringLiteral("/bin/sh"));
    ~LocalSampleStream() override;

    [[nodiscard]] QString targetName() const override;
    Status start(const SamplerProgram &program) override;
    Result<QByteArray> read(std::chrono::milliseconds timeout) override;
    void stop() override;
    [[nodiscard]] std::optional<double> ownCpuSeconds() const override;

    // The shell's pid while it runs (0 otherwise): its CPU time, children
    // included once reaped, is the sampler's cost.
    [[nodiscard]] qint64 processId() const;

private:
    void collectStandardError();

    QString m_shell;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_standardError; // the last few KiB, for error messages
};

} // namespace mpmlab
