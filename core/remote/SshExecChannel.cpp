#include "SshExecChannel.h"

#include "SshHandles.h"

#include <QDeadlineTimer>

using namespace Qt::StringLiterals;

namespace mpmlab {

namespace {

constexpr uint32_t readChunkBytes = 16384;
constexpr qsizetype keptStandardErrorBytes = 4096;
constexpr int pollSliceMs = 50; // how often finish() checks for the command's end

} // namespace

void SshExecChannel::ChannelDeleter::operator()(ssh_channel_struct *channel) const
{
    ssh::ChannelDeleter()(channel);
}

SshExecChannel::SshExecChannel(QString targetName, ssh_channel_struct *channel)
    : m_targetName(std::move(targetName))
    , m_channel(channel)
{
}

SshExecChannel::~SshExecChannel() = default;

bool SshExecChannel::isOpen() const { return m_channel && ssh_channel_is_open(m_channel.get()); }

void SshExecChannel::collectStandardError()
{
    char buffer[readChunkBytes];
    int got = 0;
    while ((got = ssh_channel_read_nonblocking(m_channel.get(), buffer, readChunkBytes, 1)) > 0)
        m_standardError.append(buffer, got);
    if (m_standardError.size() > keptStandardErrorBytes)
        m_standardError = m_standardError.right(keptStandardErrorBytes);
}

Result<QByteArray> SshExecChannel::read(std::chrono::milliseconds timeout)
{
    if (!isOpen())
        return Error{
            Error::Kind::NotRunning, u"the command on %1 is not running"_s.arg(m_targetName), {}};
    char buffer[readChunkBytes];
    const int got =
        ssh_channel_read_timeout(m_channel.get(), buffer, readChunkBytes, 0, int(timeout.count()));
    collectStandardError();
    if (got == SSH_ERROR) {
        return Error{Error::Kind::Network,
                     u"the connection to %1 failed while the command ran"_s.arg(m_targetName),
                     QString::fromUtf8(m_standardError).trimmed()};
    }
    if (got > 0)
        return QByteArray(buffer, got);
    if (!ssh_channel_is_eof(m_channel.get()))
        return QByteArray();
    // After EOF the exit status follows at once; -1 means killed by a signal.
    const int status = ssh_channel_get_exit_status(m_channel.get());
    return Error{Error::Kind::NotRunning,
                 status < 0
                     ? u"the command on %1 was killed"_s.arg(m_targetName)
                     : u"the command on %1 exited with status %2"_s.arg(m_targetName).arg(status),
                 QString::fromUtf8(m_standardError).trimmed()};
}

Status SshExecChannel::write(const QByteArray &bytes)
{
    if (!isOpen())
        return Error{
            Error::Kind::NotRunning, u"the command on %1 is not running"_s.arg(m_targetName), {}};
    // A blocking session: libssh sends it all, waiting for the window.
    if (ssh_channel_write(m_channel.get(), bytes.constData(), uint32_t(bytes.size()))
        != int(bytes.size())) {
        return Error{Error::Kind::Network,
                     u"the connection to %1 failed while sending to a command"_s.arg(m_targetName),
                     {}};
    }
    return {};
}

bool SshExecChannel::finish(std::chrono::milliseconds timeout)
{
    if (!m_channel)
        return true;
    bool ended = !ssh_channel_is_open(m_channel.get());
    if (!ended) {
        ssh_channel_send_eof(m_channel.get());
        const QDeadlineTimer deadline(timeout);
        char buffer[readChunkBytes];
        // Output still coming is read and dropped, so a full window cannot
        // keep the command blocked on its stdout.
        while (!ended && !deadline.hasExpired()) {
            const int got =
                ssh_channel_read_timeout(m_channel.get(), buffer, readChunkBytes, 0, pollSliceMs);
            collectStandardError();
            ended = got == SSH_ERROR || ssh_channel_is_eof(m_channel.get());
        }
    }
    // Closing the channel makes sshd close the command's pipes and hang it
    // up, if it has not ended.
    m_channel.reset();
    return ended;
}

} // namespace mpmlab
