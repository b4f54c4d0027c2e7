#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QString>
#include <chrono>
#include <memory>

struct ssh_channel_struct;

namespace mpmlab {

// A command left running on an exec channel with its stdin open, for
// programs that run until told to stop (the sampler loop): read its stdout
// as it comes, then close its stdin (EOF) and the channel. Made by
// SshSession::start and used on the session's thread only; it must go
// before the session that opened it.
class SshExecChannel {
public:
    ~SshExecChannel();
    SshExecChannel(const SshExecChannel &) = delete;
    SshExecChannel &operator=(const SshExecChannel &) = delete;

    // Waits up to `timeout` for stdout and returns what arrived (empty when
    // nothing did). Fails with NotRunning once the command has ended and
    // its output is drained, with the end of its stderr in the details, or
    // with Network when the connection broke.
    Result<QByteArray> read(std::chrono::milliseconds timeout);
    // Writes `bytes` to the command's stdin (blocking until sent).
    Status write(const QByteArray &bytes);
    // Sends EOF on the command's stdin, then waits up to `timeout` for the
    // command to end; closes the channel either way. True when it ended.
    bool finish(std::chrono::milliseconds timeout);
    [[nodiscard]] bool isOpen() const;
    // The end of the command's stderr so far (the last few KiB).
    [[nodiscard]] const QByteArray &standardError() const { return m_standardError; }

private:
    friend class SshSession;
    struct ChannelDeleter {
        void operator()(ssh_channel_struct *channel) const;
    };
    SshExecChannel(QString targetName, ssh_channel_struct *channel);
    void collectStandardError();

    QString m_targetName;
    std::unique_ptr<ssh_channel_struct, ChannelDeleter> m_channel;
    QByteArray m_standardError; // the last few KiB, for error messages
};

} // namespace mpmlab
