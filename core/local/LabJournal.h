#pragma once

#include "LabSettings.h"
#include "apache/MpmKind.h"
#include "common/Result.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace mpmlab {

class ApacheProcess;
struct LabConfig;

// The local lab's restore journal (LAB_DIR/restore.json): the lab as it
// was before MPM Lab's first change, written before that change, so that
// restore() can put it back after anything, a kill or a crash included:
// lab.json and httpd.conf byte for byte, the MPM, running or not.
//
// It also names the change under way while one runs: a journal that names
// a change while nobody owns the lab tells of an interrupted change.
struct LabJournal {
    static constexpr int formatVersion = 1;

    // Whether a change is an experiment that restore() undoes, or the
    // user's choice for the lab (`lab set-mpm`), which it keeps.
    enum class ChangeKind { Experiment, LabChoice };
    // How a change ended.
    enum class Outcome {
        Done,
        RolledBack, // the lab is as it was before the change
        Broken,     // neither: the lab is in between
    };

    // Kept until restore() for an experiment (the `server` verbs, the
    // window, campaigns); for a `lab set-mpm` alone, only while it runs.
    bool experiment = true;
    std::optional<QByteArray> settingsFile; // lab.json as it was; none: there was none
    std::optional<QByteArray> configFile;   // conf/httpd.conf as it was
    bool wasRunning = false;
    std::optional<MpmKind> runningMpm; // what ran, or what was configured
    bool testFiles = false;            // test.html and large.bin were written
    QString startedAt;                 // ISO 8601, UTC

    // The change under way: what, by which process, since when.
    QString changing;
    qint64 changingPid = 0;
    QString changingSince;

    [[nodiscard]] QByteArray toJson() const;
    static Result<LabJournal> fromJson(const QByteArray &json, const QString &origin);

    // None when `path` does not exist; an error naming it when unreadable.
    static Result<std::optional<LabJournal>> load(const QString &path);
    Status save(const QString &path) const;

    // Whether the change it names was cut short: its process no longer
    // owns the lab (the lock file at `lockPath`).
    [[nodiscard]] bool changeInterrupted(const QString &lockPath) const;
    // Whether restore() has work to do: an experiment, or an interrupted
    // change of any kind.
    [[nodiscard]] bool owesRestore(const QString &lockPath) const;

    // Before a change of the lab `config` describes (as lab.json has it
    // now, run by `process`): writes the journal with the lab as it is when
    // none exists yet (then true), naming the change under way.
    static Result<bool> beginChange(const LabConfig &config, const ApacheProcess &process,
                                    ChangeKind kind, const QString &purpose);
    // After it: no journal when nothing is owed any more (a lab choice
    // done, a first change rolled back); else it stays, without the change
    // under way. When a lab choice is done while a restore is owed, the
    // lab that restore() puts back takes the MPM of `result`.
    static void endChange(const LabConfig &config, ChangeKind kind, bool journalCreated,
                          Outcome outcome, const LabSettings &result);
};

} // namespace mpmlab
