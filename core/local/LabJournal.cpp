#include "LabJournal.h"

#include "ApacheProcess.h"
#include "LabConfig.h"
#include "LabInspector.h"
#include "common/AtomicFile.h"
#include "common/LockFile.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace mpmlab {

namespace {

constexpr auto statusProbeTimeout = std::chrono::milliseconds(1000);

QString nowUtc() { return QDateTime::currentDateTimeUtc().toString(Qt::ISODate); }

// The file at `path`, or none when it does not exist.
Result<std::optional<QByteArray>> fileIfAny(const QString &path)
{
    if (!QFile::exists(path))
        return std::optional<QByteArray>{};
    const Result<QByteArray> bytes = readWholeFile(path);
    if (!bytes)
        return bytes.error();
    return std::optional<QByteArray>(*bytes);
}

QJsonValue optionalText(const std::optional<QByteArray> &bytes)
{
    return bytes ? QJsonValue(QString::fromUtf8(*bytes)) : QJsonValue(QJsonValue::Null);
}

std::optional<QByteArray> optionalBytes(const QJsonValue &value)
{
    if (!value.isString())
        return std::nullopt;
    return value.toString().toUtf8();
}

} // namespace

QByteArray LabJournal::toJson() const
{
    const QJsonObject object{
        {u"version"_s, formatVersion},
        {u"experiment"_s, experiment},
        {u"settingsFile"_s, optionalText(settingsFile)},
        {u"configFile"_s, optionalText(configFile)},
        {u"wasRunning"_s, wasRunning},
        {u"runningMpm"_s, runningMpm ? QJsonValue(mpmName(*runningMpm)) : QJsonValue()},
        {u"testFiles"_s, testFiles},
        {u"startedAt"_s, startedAt},
        {u"changing"_s, changing},
        {u"changingPid"_s, changingPid},
        {u"changingSince"_s, changingSince},
    };
    return QJsonDocument(object).toJson();
}

Result<LabJournal> LabJournal::fromJson(const QByteArray &json, const QString &origin)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    const QJsonObject object = doc.object();
    if (!doc.isObject() || object.value(u"version"_s).toInt() != formatVersion) {
        return Error{Error::Kind::Io,
                     u"the restore journal %1 is unreadable: put the lab back by hand (lab.json "
                     "and conf/httpd.conf), then delete it"_s.arg(origin),
                     {}};
    }
    LabJournal journal;
    journal.experiment = object.value(u"experiment"_s).toBool(true);
    journal.settingsFile = optionalBytes(object.value(u"settingsFile"_s));
    journal.configFile = optionalBytes(object.value(u"configFile"_s));
    journal.wasRunning = object.value(u"wasRunning"_s).toBool();
    journal.runningMpm = mpmFromName(object.value(u"runningMpm"_s).toString());
    journal.testFiles = object.value(u"testFiles"_s).toBool();
    journal.startedAt = object.value(u"startedAt"_s).toString();
    journal.changing = object.value(u"changing"_s).toString();
    journal.changingPid = object.value(u"changingPid"_s).toInteger();
    journal.changingSince = object.value(u"changingSince"_s).toString();
    return journal;
}

Result<std::optional<LabJournal>> LabJournal::load(const QString &path)
{
    if (!QFile::exists(path))
        return std::optional<LabJournal>{};
    const Result<QByteArray> bytes = readWholeFile(path);
    if (!bytes)
        return bytes.error();
    const Result<LabJournal> journal = fromJson(*bytes, path);
    if (!journal)
        return journal.error();
    return std::optional<LabJournal>(*journal);
}

Status LabJournal::save(const QString &path) const { return writeFileAtomically(path, toJson()); }

bool LabJournal::changeInterrupted(const QString &lockPath) const
{
    if (changing.isEmpty())
        return false;
    const std::optional<LockHolder> owner = LockFile::holder(lockPath);
    return !owner || owner->pid != changingPid;
}

bool LabJournal::owesRestore(const QString &lockPath) const
{
    return experiment || changeInterrupted(lockPath);
}

Result<bool> LabJournal::beginChange(const LabConfig &config, const ApacheProcess &process,
                                     ChangeKind kind, const QString &purpose)
{
    const Result<std::optional<LabJournal>> found = load(config.journalPath());
    if (!found)
        return found.error();
    LabJournal journal;
    const bool created = !found->has_value();
    if (created) {
        Result<std::optional<QByteArray>> settings = fileIfAny(config.settingsPath());
        if (!settings)
            return settings.error();
        Result<std::optional<QByteArray>> httpdConf = fileIfAny(config.configPath());
        if (!httpdConf)
            return httpdConf.error();
        journal.settingsFile = *settings;
        journal.configFile = *httpdConf;
        journal.experiment = kind == ChangeKind::Experiment;
        journal.wasRunning = process.runningPid().has_value();
        journal.runningMpm = config.mpm;
        if (journal.wasRunning) {
            const Result<ServerStatus> status =
                LabInspector::fetchStatus(config.port, statusProbeTimeout);
            if (status && status->mpm)
                journal.runningMpm = status->mpm;
        }
        journal.startedAt = nowUtc();
    } else {
        journal = **found;
        if (kind == ChangeKind::Experiment)
            journal.experiment = true;
    }
    journal.changing = purpose;
    journal.changingPid = ::getpid();
    journal.changingSince = nowUtc();
    if (Status saved = journal.save(config.journalPath()); !saved)
        return saved.error();
    return created;
}

void LabJournal::endChange(const LabConfig &config, ChangeKind kind, bool journalCreated,
                           Outcome outcome, const LabSettings &result)
{
    const QString path = config.journalPath();
    const Result<std::optional<LabJournal>> found = load(path);
    if (!found || !*found)
        return;
    LabJournal journal = **found;
    journal.changing.clear();
    journal.changingPid = 0;
    journal.changingSince.clear();
    const bool nothingChanged = outcome == Outcome::RolledBack && journalCreated;
    const bool labChoiceOnly = kind == ChangeKind::LabChoice && !journal.experiment;
    if (outcome != Outcome::Broken && (nothingChanged || labChoiceOnly)) {
        QFile::remove(path);
        return;
    }
    if (outcome == Outcome::Broken) {
        // The lab is in between: restore() owes what was before, whatever
        // the change was.
        journal.experiment = true;
    } else if (kind == ChangeKind::LabChoice && outcome == Outcome::Done) {
        LabSettings base = result;
        if (journal.settingsFile) {
            if (const Result<LabSettings> original =
                    LabSettings::fromJson(*journal.settingsFile, path)) {
                base = *original;
                base.mpm = result.mpm;
            }
        }
        journal.settingsFile = base.toJson();
        journal.configFile = config.withSettings(base).render();
        journal.runningMpm = base.mpm;
        journal.wasRunning = true;
    }
    // Should this fail, the journal still names the change: the next
    // command reports it as interrupted, which errs on the safe side.
    (void)journal.save(path);
}

} // namespace mpmlab
