#pragma once

#include "apache/MpmKind.h"
#include "common/Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <optional>

namespace mpmlab {

// What a server looked like before MPM Lab's first change, written before
// that change on the server (next to the archive of the original config
// tree) and on the client. Until `restore` removes it, every connection
// sees that a restore is owed: after a crash, a kill or a lost link too.
struct RestoreJournal {
    static constexpr int formatVersion = 1;

    QString target;          // "ssh://user@host:port"
    QString configDir;       // the tree archived in originalArchive
    QString originalArchive; // on the server: tar of configDir as it was
    bool wasRunning = false;
    std::optional<MpmKind> originalMpm; // the MPM it ran (or was configured with)
    // Whether it served a status page MPM Lab could read: without one, the
    // restored server's start is checked by its pid and error log only.
    bool hadStatusPage = true;
    QStringList createdFiles; // test content to delete on restore
    QString startedAt;        // ISO 8601, UTC

    [[nodiscard]] QByteArray toJson() const;
    static Result<RestoreJournal> fromJson(const QByteArray &json, const QString &origin);

    // The server-side directory for one config tree: /var/lib/mpmlab/restore/<name>.
    static QString serverDirFor(const QString &configDir);
    // The lock file of its owner (RemoteLock): /run/mpmlab/<name>.lock, on
    // a file system that a reboot empties, as the lock itself is.
    static QString lockPathFor(const QString &configDir);
    // The client-side copy: DATA/mpmlab/journals/<target and tree>.json.
    static QString clientPathFor(const QString &journalDir, const QString &target,
                                 const QString &configDir);
    // DATA/mpmlab/journals ($XDG_DATA_HOME honoured).
    static QString defaultClientDir();
};

} // namespace mpmlab
