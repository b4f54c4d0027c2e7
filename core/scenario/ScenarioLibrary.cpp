#include "ScenarioLibrary.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace mpmlab {

namespace {

QString resourcePath(const QString &id) { return u":/mpmlab/scenarios/%1.json"_s.arg(id); }

} // namespace

QStringList ScenarioLibrary::builtInIds()
{
    return {u"high-load"_s,    u"keep-alive"_s, u"keep-alive-browsers"_s, u"large-file"_s,
            u"memory-limit"_s, u"resources"_s,  u"stress-limit"_s,        u"idle-keep-alive"_s};
}

QList<Scenario> ScenarioLibrary::builtIns()
{
    QList<Scenario> scenarios;
    for (const QString &id : builtInIds()) {
        // A broken built-in is a defect of this build, caught by its tests.
        const Result<Scenario> scenario = Scenario::fromFile(resourcePath(id));
        if (scenario)
            scenarios << *scenario;
        else
            qWarning("built-in scenario %s: %s", qPrintable(id),
                     qPrintable(scenario.error().message));
    }
    return scenarios;
}

Result<Scenario> ScenarioLibrary::find(const QString &idOrPath)
{
    if (builtInIds().contains(idOrPath))
        return Scenario::fromFile(resourcePath(idOrPath));
    if (QFileInfo::exists(idOrPath))
        return Scenario::fromFile(idOrPath);
    return Error{Error::Kind::InvalidInput,
                 u"no scenario '%1': give a built-in id (%2) or a scenario file"_s.arg(
                     idOrPath, builtInIds().join(u", "_s)),
                 {}};
}

} // namespace mpmlab
