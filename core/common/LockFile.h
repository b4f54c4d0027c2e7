#pragma once

#include "Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <stop_token>

namespace mpmlab {

// A wait without end, for LockFile::acquire() and ServerDriver::lease().
inline constexpr std::chrono::milliseconds waitForever = std::chrono::milliseconds::max();

// Who holds a lock file, as the holder wrote it into the file.
struct LockHolder {
    qint64 pid = 0;
    QString purpose; // what it does: "lab set-mpm worker", "campaign keep-alive"
    QString command; // its command line
    QDateTime since; // UTC

    // "campaign keep-alive, pid 4242 (mpmlab-cli campaign ...) since
    // 2025-01-31 14:02:05": who to wait for or stop.
    [[nodiscard]] QString describe() const;
    [[nodiscard]] QByteArray toJson() const;
    static LockHolder fromJson(const QByteArray &json);
};

// An advisory lock on a file (flock), so that one owner at a time works on
// something: among processes, and among the LockFile objects of one
// process. The kernel drops it when the holder's process ends, however it
// ends, so a crash or a kill never leaves it taken; the file itself stays
// (removing it would let two holders lock two different files). Not
// inherited by the programs the holder starts (close-on-exec).
class LockFile {
public:
    ~LockFile();
    LockFile(const LockFile &) = delete;
    LockFile &operator=(const LockFile &) = delete;

    // Takes the lock on `path` (created if missing) for `purpose`. When
    // another holder has it: Busy naming that holder, at once or once
    // `wait` has run out (waitForever: never); Cancelled as soon as `stop`
    // is requested.
    // `waiting` is told once, when a wait begins.
    static Result<std::unique_ptr<LockFile>>
    acquire(const QString &path, const QString &purpose, std::chrono::milliseconds wait,
            std::stop_token stop = {}, const std::function<void(const LockHolder &)> &waiting = {});

    // The holder of `path`, if someone holds it now. Reads only (the
    // kernel's lock table and the file): it never blocks and never gets in
    // a holder's way.
    static std::optional<LockHolder> holder(const QString &path);

    // This process's command line, as a holder records it.
    static QString ownCommandLine();

private:
    explicit LockFile(int fd);

    int m_fd = -1;
};

} // namespace mpmlab
