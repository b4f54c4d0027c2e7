#pragma once

#include "RestoreJournal.h"
#include "common/Result.h"

#include <QString>
#include <optional>

namespace mpmlab {

class RemoteShell;

// MPM Lab's backups of one Apache config tree on a server and the restore
// journal that points to them, on the server (/var/lib/mpmlab/restore/...)
// and as a copy on the client. Archives are tar files that keep modes,
// owners and symlink targets; a tree is restored by extracting beside it
// and swapping directories, so it is never half restored. A cheap value:
// make one where needed.
class RemoteConfigArchive {
public:
    RemoteConfigArchive(RemoteShell &shell, QString configDir, QString clientJournalDir);

    // The server-side directory for this tree's archives and journal.
    [[nodiscard]] QString serverDir() const;
    [[nodiscard]] QString clientJournalPath() const;

    // The journal on the server, if a restore is owed.
    Result<std::optional<RestoreJournal>> serverJournal();
    // On the server, then on the client.
    Status writeJournal(const RestoreJournal &journal);
    // Files MPM Lab is about to create outside the tree (test files, a
    // systemd drop-in): refused (Busy) when one exists and is not listed in
    // `journal` as MPM Lab's; else added to it and the journal written
    // before they exist, so restore() deletes them even after a crash.
    Status claimNewFiles(RestoreJournal &journal, const QStringList &paths);
    // Whether the client still holds a journal (the server's may be gone).
    [[nodiscard]] bool hasClientJournal() const;

    // tar of the tree as it is now, replacing `archive` atomically.
    Status archiveTree(const QString &archive);
    // The tree exactly as in `archive`; safe to run again after an interruption.
    Status restoreTree(const QString &archive);
    // Removes the journal and archives on both sides, and the server's
    // parent directories when nothing else is in them: no trace left.
    Status clear();

private:
    Status runChecked(const QString &script, const QString &what);

    RemoteShell &m_shell;
    QString m_configDir;
    QString m_clientJournalDir;
};

} // namespace mpmlab
