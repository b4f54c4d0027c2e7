#pragma once

#include "apache/ServerLease.h"
#include "common/LockFile.h"
#include "common/Result.h"

#include <QString>
#include <chrono>
#include <functional>
#include <memory>

namespace mpmlab {

class RemoteShell;
class SshExecChannel;

// The owner's lock on one Apache config tree of a server: flock(1) on
// /run/mpmlab/<tree>.lock, held by a command left running on the server
// for as long as this object lives. The server's kernel drops it when that
// command ends: when the lock is released, and also when the connection
// breaks or the client dies, so a lost owner never keeps it. Another
// client (another process, another machine) is refused while it is held.
class RemoteLock final : public ServerOwnership {
public:
    // Busy naming the owner (what, which client process, since when) when
    // another holds it and `wait` has run out; Cancelled once `stopped`
    // says so; NotInstalled when the server has no flock(1).
    static Result<std::unique_ptr<RemoteLock>>
    acquire(RemoteShell &shell, const QString &configDir, const QString &purpose,
            std::chrono::milliseconds wait, const std::function<bool()> &stopped,
            const std::function<void(const LockHolder &)> &waiting);
    ~RemoteLock() override;
    RemoteLock(const RemoteLock &) = delete;
    RemoteLock &operator=(const RemoteLock &) = delete;

private:
    explicit RemoteLock(std::unique_ptr<SshExecChannel> channel);

    std::unique_ptr<SshExecChannel> m_channel;
};

} // namespace mpmlab
