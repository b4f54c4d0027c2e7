#include "RemoteConfigArchive.h"

#include "common/AtomicFile.h"
#include "remote/RemoteShell.h"
#include "remote/ShellQuote.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace mpmlab {

RemoteConfigArchive::RemoteConfigArchive(RemoteShell &shell, QString configDir,
                                         QString clientJournalDir)
    : m_shell(shell)
    , m_configDir(std::move(configDir))
    , m_clientJournalDir(std::move(clientJournalDir))
{
}

QString RemoteConfigArchive::serverDir() const { return RestoreJournal::serverDirFor(m_configDir); }

QString RemoteConfigArchive::clientJournalPath() const
{
    return RestoreJournal::clientPathFor(m_clientJournalDir, m_shell.targetName(), m_configDir);
}

Status RemoteConfigArchive::runChecked(const QString &script, const QString &what)
{
    const Result<ProcessOutput> output = m_shell.runAsRoot(script + u" 2>&1"_s);
    if (!output)
        return output.error();
    if (!output->succeeded()) {
        return Error{Error::Kind::Io, u"%1 failed on %2"_s.arg(what, m_shell.targetName()),
                     output->combinedText()};
    }
    return {};
}

Result<std::optional<RestoreJournal>> RemoteConfigArchive::serverJournal()
{
    const QString path = serverDir() + u"/journal.json"_s;
    const Result<ProcessOutput> output =
        m_shell.runAsRoot(u"if [ -f %1 ]; then cat %1; fi"_s.arg(shellQuote(path)));
    if (!output)
        return output.error();
    if (output->standardOutput.isEmpty())
        return std::optional<RestoreJournal>();
    const Result<RestoreJournal> journal =
        RestoreJournal::fromJson(output->standardOutput, m_shell.targetName() + u':' + path);
    if (!journal)
        return journal.error();
    return std::optional<RestoreJournal>(*journal);
}

Status RemoteConfigArchive::claimNewFiles(RestoreJournal &journal, const QStringList &paths)
{
    QStringList quoted;
    QStringList claimed;
    for (const QString &path : paths) {
        if (!journal.createdFiles.contains(path)) {
            quoted << shellQuote(path);
            claimed << path;
        }
    }
    if (claimed.isEmpty())
        return {};
    const Result<ProcessOutput> existing = m_shell.runAsRoot(
        u"for f in %1; do [ -e \"$f\" ] && echo \"$f\"; done; true"_s.arg(quoted.join(u' ')));
    if (!existing)
        return existing.error();
    const QStringList found =
        QString::fromUtf8(existing->standardOutput).split(u'\n', Qt::SkipEmptyParts);
    if (!found.isEmpty()) {
        return Error{Error::Kind::Busy,
                     u"%1 exists on %2 and was not made by MPM Lab: move it away first"_s.arg(
                         found.first(), m_shell.targetName()),
                     {}};
    }
    journal.createdFiles += claimed;
    return writeJournal(journal);
}

Status RemoteConfigArchive::writeJournal(const RestoreJournal &journal)
{
    const QByteArray json = journal.toJson();
    if (Status onServer = m_shell.uploadAsRoot(serverDir() + u"/journal.json"_s, json); !onServer)
        return onServer;
    const QString clientPath = clientJournalPath();
    if (!QDir().mkpath(QFileInfo(clientPath).absolutePath())) {
        return Error{
            Error::Kind::Io,
            u"cannot create %1 for the restore journal"_s.arg(QFileInfo(clientPath).absolutePath()),
            {}};
    }
    return writeFileAtomically(clientPath, json);
}

bool RemoteConfigArchive::hasClientJournal() const { return QFile::exists(clientJournalPath()); }

Status RemoteConfigArchive::archiveTree(const QString &archive)
{
    return runChecked(
        u"set -e; umask 077; mkdir -p %1; C=%2; "
        "tar -cpf %3.new --numeric-owner -C \"$(dirname \"$C\")\" \"$(basename \"$C\")\"; "
        "mv -f %3.new %3"_s.arg(shellQuote(serverDir()), shellQuote(m_configDir),
                                shellQuote(archive)),
        u"backing up the config"_s);
}

Status RemoteConfigArchive::restoreTree(const QString &archive)
{
    // Symlinks (mods-enabled), modes and owners come back as they were.
    return runChecked(
        u"set -e; C=%1; A=%2; P=$(dirname \"$C\"); B=$(basename \"$C\"); "
        "T=\"$P/.$B.mpmlab-restore\"; O=\"$P/.$B.mpmlab-old\"; "
        "rm -rf \"$T\" \"$O\"; mkdir \"$T\"; tar -xpf \"$A\" --numeric-owner -C \"$T\"; "
        "if [ -e \"$C\" ]; then mv \"$C\" \"$O\"; fi; mv \"$T/$B\" \"$C\"; rm -rf \"$O\" \"$T\""_s
            .arg(shellQuote(m_configDir), shellQuote(archive)),
        u"restoring the config"_s);
}

Status RemoteConfigArchive::clear()
{
    if (Status cleared =
            runChecked(u"rm -rf -- %1 && { rmdir /var/lib/mpmlab/restore "
                       "/var/lib/mpmlab 2>/dev/null; true; }"_s.arg(shellQuote(serverDir())),
                       u"removing the journal"_s);
        !cleared) {
        return cleared;
    }
    QFile::remove(clientJournalPath());
    return {};
}

} // namespace mpmlab
