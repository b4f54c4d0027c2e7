#include "CampaignFile.h"

#include "PointColumns.h"
#include "SummaryJson.h"
#include "common/AtomicFile.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace mpmlab {

namespace {

Error corrupt(const QString &origin, const QString &what)
{
    return Error{Error::Kind::InvalidInput,
                 u"%1 is not a readable campaign file: %2"_s.arg(origin, what),
                 {}};
}

QJsonObject directivesJson(const DirectiveSet &set)
{
    QJsonObject object;
    for (auto it = set.values().begin(); it != set.values().end(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

DirectiveSet directivesFrom(const QJsonObject &object)
{
    DirectiveSet set;
    for (auto it = object.begin(); it != object.end(); ++it)
        set.set(it.key(), it.value().toString());
    return set;
}

QJsonValue optionalNumber(const std::optional<double> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QJsonObject runJson(const RunRecord &run)
{
    QJsonObject profile{{u"mpm"_s, mpmName(run.profile.mpm)},
                        {u"directives"_s, directivesJson(run.profile.directives)}};
    if (run.profile.memoryLimitKib)
        profile.insert(u"memoryLimitKib"_s, *run.profile.memoryLimitKib);
    return QJsonObject{
        {u"mpm"_s, mpmName(run.mpm)},
        {u"repeat"_s, run.repeat},
        {u"started"_s, run.started},
        {u"completed"_s, run.completed},
        {u"error"_s, run.error},
        {u"errorDetails"_s, run.errorDetails},
        {u"warnings"_s, QJsonArray::fromStringList(run.warnings)},
        {u"profile"_s, profile},
        {u"effective"_s, directivesJson(run.effective)},
        {u"startedAtMs"_s, double(run.startedAtMs)},
        {u"loadStartT"_s, run.loadStartT},
        {u"loadEndT"_s, run.loadEndT},
        {u"clientThreads"_s, run.clientThreads},
        {u"samplingIntervalMs"_s, run.samplingIntervalMs},
        {u"summary"_s, SummaryJson::toJson(run.summary)},
        {u"series"_s, QJsonObject{{u"load"_s, PointColumns::toJson(run.load)},
                                  {u"server"_s, PointColumns::toJson(run.server)}}},
        {u"load"_s, run.loadResult},
        {u"busiestScoreboard"_s, run.busiestScoreboard},
        {u"busiestScoreboardT"_s, run.busiestScoreboardT},
    };
}

Result<RunRecord> runFrom(const QJsonObject &object, const QString &where)
{
    RunRecord run;
    const std::optional<MpmKind> mpm = mpmFromName(object.value(u"mpm"_s).toString());
    if (!mpm)
        return Error{Error::Kind::InvalidInput, where + u".mpm is not an MPM"_s, {}};
    run.mpm = *mpm;
    run.repeat = object.value(u"repeat"_s).toInt();
    run.started = object.value(u"started"_s).toBool();
    run.completed = object.value(u"completed"_s).toBool();
    run.error = object.value(u"error"_s).toString();
    run.errorDetails = object.value(u"errorDetails"_s).toString();
    for (const QJsonValue &warning : object.value(u"warnings"_s).toArray())
        run.warnings << warning.toString();
    const QJsonObject profile = object.value(u"profile"_s).toObject();
    run.profile.mpm = mpmFromName(profile.value(u"mpm"_s).toString()).value_or(run.mpm);
    run.profile.directives = directivesFrom(profile.value(u"directives"_s).toObject());
    if (profile.value(u"memoryLimitKib"_s).isDouble())
        run.profile.memoryLimitKib = qint64(profile.value(u"memoryLimitKib"_s).toDouble());
    run.effective = directivesFrom(object.value(u"effective"_s).toObject());
    run.startedAtMs = qint64(object.value(u"startedAtMs"_s).toDouble());
    run.loadStartT = object.value(u"loadStartT"_s).toDouble();
    run.loadEndT = object.value(u"loadEndT"_s).toDouble();
    run.clientThreads = object.value(u"clientThreads"_s).toInt();
    run.samplingIntervalMs = object.value(u"samplingIntervalMs"_s).toDouble();
    const Result<RunSummary> summary =
        SummaryJson::fromJson(object.value(u"summary"_s).toObject(), where + u".summary"_s);
    if (!summary)
        return summary.error();
    run.summary = *summary;
    const QJsonObject series = object.value(u"series"_s).toObject();
    Result<std::vector<LoadPoint>> load =
        PointColumns::loadPointsFromJson(series.value(u"load"_s).toObject());
    if (!load)
        return load.error();
    run.load = std::move(load).value();
    Result<std::vector<ServerPoint>> server =
        PointColumns::serverPointsFromJson(series.value(u"server"_s).toObject());
    if (!server)
        return server.error();
    run.server = std::move(server).value();
    run.loadResult = object.value(u"load"_s).toObject();
    run.busiestScoreboard = object.value(u"busiestScoreboard"_s).toString();
    run.busiestScoreboardT = object.value(u"busiestScoreboardT"_s).toDouble();
    return run;
}

QJsonObject verdictJson(const Verdict &verdict)
{
    QJsonObject values;
    for (auto it = verdict.values.begin(); it != verdict.values.end(); ++it)
        values.insert(mpmName(it.key()), optionalNumber(it.value()));
    QJsonArray evidence;
    for (const LocalizedText &line : verdict.evidence)
        evidence.append(line.toJson());
    return QJsonObject{
        {u"id"_s, verdict.id},
        {u"expected"_s, verdict.expected.toJson()},
        {u"rule"_s, verdict.rule.toJson()},
        {u"metric"_s, verdict.metric},
        {u"held"_s, verdict.held ? QJsonValue(*verdict.held) : QJsonValue(QJsonValue::Null)},
        {u"values"_s, values},
        {u"evidence"_s, evidence},
    };
}

Result<Verdict> verdictFrom(const QJsonObject &object, const QString &where)
{
    Verdict verdict;
    verdict.id = object.value(u"id"_s).toString();
    const Result<LocalizedText> expected =
        LocalizedText::fromJson(object.value(u"expected"_s), where + u".expected"_s);
    if (!expected)
        return expected.error();
    verdict.expected = *expected;
    if (const Result<LocalizedText> rule =
            LocalizedText::fromJson(object.value(u"rule"_s), where + u".rule"_s))
        verdict.rule = *rule;
    verdict.metric = object.value(u"metric"_s).toString();
    const QJsonValue held = object.value(u"held"_s);
    if (held.isBool())
        verdict.held = held.toBool();
    else if (!held.isNull())
        return Error{Error::Kind::InvalidInput, where + u".held must be true, false or null"_s, {}};
    const QJsonObject values = object.value(u"values"_s).toObject();
    for (auto it = values.begin(); it != values.end(); ++it) {
        if (const std::optional<MpmKind> mpm = mpmFromName(it.key()))
            verdict.values.insert(*mpm, it.value().isDouble()
                                            ? std::optional<double>(it.value().toDouble())
                                            : std::nullopt);
    }
    for (const QJsonValue &line : object.value(u"evidence"_s).toArray()) {
        const Result<LocalizedText> text = LocalizedText::fromJson(line, where + u".evidence"_s);
        if (!text)
            return text.error();
        verdict.evidence << *text;
    }
    return verdict;
}

} // namespace

QJsonObject CampaignFile::toJson(const CampaignResult &campaign)
{
    QJsonArray mpms;
    for (MpmKind mpm : campaign.mpms)
        mpms.append(mpmName(mpm));
    QJsonArray runs;
    for (const RunRecord &run : campaign.runs)
        runs.append(runJson(run));
    QJsonArray verdicts;
    for (const Verdict &verdict : campaign.verdicts)
        verdicts.append(verdictJson(verdict));
    const TargetFacts &t = campaign.target;
    QJsonObject options;
    options.insert(u"scale"_s, campaign.scale);
    options.insert(u"repeat"_s, campaign.repeat);
    options.insert(u"mpms"_s, mpms);
    QJsonObject target;
    target.insert(u"target"_s, t.target);
    target.insert(u"os"_s, t.os);
    target.insert(u"apacheVersion"_s, t.apacheVersion);
    target.insert(u"cores"_s, t.cores);
    target.insert(u"memTotalKb"_s, double(t.memTotalKb));
    target.insert(u"clientVersion"_s, t.clientVersion);

    QJsonObject object;
    object.insert(u"schema"_s, schemaVersion);
    object.insert(u"generator"_s, QString(u"MPM Lab "_s + t.clientVersion));
    object.insert(u"scenario"_s, campaign.scenario.toJson());
    object.insert(u"options"_s, options);
    object.insert(u"target"_s, target);
    object.insert(u"started"_s, campaign.started.toString(Qt::ISODateWithMs));
    object.insert(u"finished"_s, campaign.finished.toString(Qt::ISODateWithMs));
    object.insert(u"cancelled"_s, campaign.cancelled);
    object.insert(u"error"_s, campaign.error);
    object.insert(u"restoreError"_s, campaign.restoreError);
    object.insert(u"runs"_s, runs);
    object.insert(u"verdicts"_s, verdicts);
    return object;
}

Result<CampaignResult> CampaignFile::fromJson(const QJsonObject &object, const QString &origin)
{
    const QJsonValue schema = object.value(u"schema"_s);
    if (!schema.isDouble())
        return corrupt(origin, u"no schema version"_s);
    if (schema.toInt() > schemaVersion) {
        return Error{Error::Kind::InvalidInput,
                     u"%1 was written by a newer MPM Lab (campaign schema %2; this one reads up "
                     "to %3): update MPM Lab"_s.arg(origin)
                         .arg(schema.toInt())
                         .arg(schemaVersion),
                     {}};
    }
    CampaignResult campaign;
    const Result<Scenario> scenario =
        Scenario::fromJson(object.value(u"scenario"_s).toObject(), origin + u" (scenario)"_s);
    if (!scenario)
        return scenario.error();
    campaign.scenario = *scenario;
    const QJsonObject options = object.value(u"options"_s).toObject();
    campaign.scale = options.value(u"scale"_s).toDouble(1);
    campaign.repeat = options.value(u"repeat"_s).toInt(1);
    for (const QJsonValue &name : options.value(u"mpms"_s).toArray()) {
        const std::optional<MpmKind> mpm = mpmFromName(name.toString());
        if (!mpm)
            return corrupt(origin, u"options.mpms names an unknown MPM"_s);
        campaign.mpms << *mpm;
    }
    const QJsonObject target = object.value(u"target"_s).toObject();
    campaign.target.target = target.value(u"target"_s).toString();
    campaign.target.os = target.value(u"os"_s).toString();
    campaign.target.apacheVersion = target.value(u"apacheVersion"_s).toString();
    campaign.target.cores = target.value(u"cores"_s).toInt();
    campaign.target.memTotalKb = qint64(target.value(u"memTotalKb"_s).toDouble());
    campaign.target.clientVersion = target.value(u"clientVersion"_s).toString();
    campaign.started =
        QDateTime::fromString(object.value(u"started"_s).toString(), Qt::ISODateWithMs);
    campaign.finished =
        QDateTime::fromString(object.value(u"finished"_s).toString(), Qt::ISODateWithMs);
    campaign.cancelled = object.value(u"cancelled"_s).toBool();
    campaign.error = object.value(u"error"_s).toString();
    campaign.restoreError = object.value(u"restoreError"_s).toString();

    if (!object.value(u"runs"_s).isArray())
        return corrupt(origin, u"no runs"_s);
    const QJsonArray runs = object.value(u"runs"_s).toArray();
    for (qsizetype i = 0; i < runs.size(); ++i) {
        const Result<RunRecord> run = runFrom(runs.at(i).toObject(), u"runs[%1]"_s.arg(i));
        if (!run)
            return corrupt(origin, run.error().message);
        campaign.runs << *run;
    }
    const QJsonArray verdicts = object.value(u"verdicts"_s).toArray();
    for (qsizetype i = 0; i < verdicts.size(); ++i) {
        const Result<Verdict> verdict =
            verdictFrom(verdicts.at(i).toObject(), u"verdicts[%1]"_s.arg(i));
        if (!verdict)
            return corrupt(origin, verdict.error().message);
        campaign.verdicts << *verdict;
    }
    return campaign;
}

Status CampaignFile::save(const CampaignResult &campaign, const QString &path)
{
    return writeFileAtomically(path,
                               QJsonDocument(toJson(campaign)).toJson(QJsonDocument::Indented));
}

Result<CampaignResult> CampaignFile::load(const QString &path)
{
    const Result<QJsonObject> object = readJsonObject(path);
    if (!object)
        return object.error();
    return fromJson(*object, path);
}

} // namespace mpmlab
