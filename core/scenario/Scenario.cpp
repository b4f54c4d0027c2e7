#include "Scenario.h"

#include "common/AtomicFile.h"

#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace mpmlab {

namespace {

const QStringList knownKeys{u"schema"_s, u"id"_s,     u"name"_s, u"summary"_s, u"expectation"_s,
                            u"mpms"_s,   u"server"_s, u"load"_s, u"checks"_s};

} // namespace

Result<Scenario> Scenario::fromJson(const QJsonObject &object, const QString &origin)
{
    const JsonFields fields(object, {});
    const auto inOrigin = [&origin](Error error) {
        error.message = u"%1: %2"_s.arg(origin, error.message);
        return error;
    };
    const Result<qint64> schema = fields.integer(u"schema"_s, 1, 1'000'000);
    if (!schema)
        return inOrigin(schema.error());
    if (*schema > schemaVersion) {
        return inOrigin(Error{Error::Kind::InvalidInput,
                              u"scenario schema %1 is newer than this MPM Lab reads (%2): "
                              "update MPM Lab"_s.arg(*schema)
                                  .arg(schemaVersion),
                              {}});
    }
    if (Status known = fields.onlyKnown(knownKeys); !known)
        return inOrigin(known.error());

    Scenario scenario;
    const Result<QString> id = fields.text(u"id"_s);
    if (!id)
        return inOrigin(id.error());
    static const QRegularExpression idPattern(u"^[a-z0-9][a-z0-9-]{0,63}$"_s);
    if (!idPattern.match(*id).hasMatch()) {
        return inOrigin(fields.invalid(
            u"id"_s, u"must be 1 to 64 lower-case letters, digits and '-' (e.g. keep-alive)"_s));
    }
    scenario.id = *id;
    const auto text = [&](const QString &key, LocalizedText &into) -> Status {
        const Result<LocalizedText> value = LocalizedText::fromJson(object.value(key), key);
        if (!value)
            return value.error();
        into = *value;
        return {};
    };
    for (const auto &[key, into] :
         {std::pair{u"name"_s, &scenario.name}, std::pair{u"summary"_s, &scenario.summary},
          std::pair{u"expectation"_s, &scenario.expectation}}) {
        if (Status read = text(key, *into); !read)
            return inOrigin(read.error());
    }

    if (fields.has(u"mpms"_s)) {
        const Result<QJsonArray> mpms = fields.array(u"mpms"_s);
        if (!mpms)
            return inOrigin(mpms.error());
        scenario.mpms.clear();
        for (const QJsonValue &value : *mpms) {
            const std::optional<MpmKind> mpm = mpmFromName(value.toString());
            if (!value.isString() || !mpm || scenario.mpms.contains(*mpm)) {
                return inOrigin(fields.invalid(
                    u"mpms"_s, u"must list prefork, worker and event, each at most once"_s));
            }
            scenario.mpms << *mpm;
        }
        if (scenario.mpms.isEmpty())
            return inOrigin(fields.invalid(u"mpms"_s, u"must not be empty"_s));
    }

    const Result<JsonFields> server = fields.child(u"server"_s);
    if (!server)
        return inOrigin(server.error());
    const Result<ScenarioServer> serverSettings = ScenarioServer::fromJson(*server);
    if (!serverSettings)
        return inOrigin(serverSettings.error());
    scenario.server = *serverSettings;

    const Result<JsonFields> load = fields.child(u"load"_s, true);
    if (!load)
        return inOrigin(load.error());
    const Result<ScenarioLoad> workload = ScenarioLoad::fromJson(*load);
    if (!workload)
        return inOrigin(workload.error());
    scenario.load = *workload;

    const Result<QJsonArray> checks = fields.array(u"checks"_s);
    if (!checks)
        return inOrigin(checks.error());
    for (qsizetype i = 0; i < checks->size(); ++i) {
        const QString path = u"checks[%1]"_s.arg(i);
        if (!checks->at(i).isObject())
            return inOrigin(Error{Error::Kind::InvalidInput, path + u" must be an object"_s, {}});
        const Result<ExpectationCheck> check =
            ExpectationCheck::fromJson(JsonFields(checks->at(i).toObject(), path));
        if (!check)
            return inOrigin(check.error());
        for (MpmKind mpm : check->involves(scenario.mpms)) {
            if (!scenario.mpms.contains(mpm)) {
                return inOrigin(Error{
                    Error::Kind::InvalidInput,
                    u"%1 compares %2, which the scenario does not run"_s.arg(path, mpmName(mpm)),
                    {}});
            }
        }
        scenario.checks << *check;
    }
    return scenario;
}

Result<Scenario> Scenario::fromFile(const QString &path)
{
    const Result<QJsonObject> object = readJsonObject(path);
    if (!object)
        return object.error();
    return fromJson(*object, path);
}

QJsonObject Scenario::toJson() const
{
    QJsonArray mpmList;
    for (MpmKind mpm : mpms)
        mpmList.append(mpmName(mpm));
    QJsonArray checkList;
    for (const ExpectationCheck &check : checks)
        checkList.append(check.toJson());
    QJsonObject object{{u"schema"_s, schemaVersion},
                       {u"id"_s, id},
                       {u"name"_s, name.toJson()},
                       {u"summary"_s, summary.toJson()},
                       {u"expectation"_s, expectation.toJson()},
                       {u"mpms"_s, mpmList},
                       {u"server"_s, server.toJson()},
                       {u"load"_s, load.toJson()},
                       {u"checks"_s, checkList}};
    return object;
}

} // namespace mpmlab
