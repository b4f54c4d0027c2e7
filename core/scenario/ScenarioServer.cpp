#include "ScenarioServer.h"

#include "apache/ServerDriver.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace mpmlab {

namespace {

const QStringList knownKeys{u"directives"_s, u"perMpm"_s, u"memoryLimitKib"_s, u"pageBytes"_s,
                            u"largeBytes"_s};

// {"Name": "value", ...}: every pair checked as `server set` checks it, and
// every directive meaningful under each of `mpms` (all of them for the
// common directives, one for a perMpm section).
Result<DirectiveSet> directivesFrom(const JsonFields &fields, const QList<MpmKind> &mpms)
{
    DirectiveSet set;
    const QJsonObject &object = fields.object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        QString canonicalValue;
        const QString text =
            it.value().isDouble() ? QString::number(it.value().toDouble()) : it.value().toString();
        if (!it.value().isString() && !it.value().isDouble())
            return fields.invalid(it.key(), u"must be a text or a number"_s);
        const Result<QString> name = DirectiveSet::validate(it.key(), text, &canonicalValue);
        if (!name) {
            Error error = name.error();
            error.message = fields.pathOf(it.key()) + u": "_s + error.message;
            return error;
        }
        set.set(*name, canonicalValue);
    }
    for (auto it = set.values().begin(); it != set.values().end(); ++it) {
        for (MpmKind mpm : mpms) {
            if (!DirectiveSet::appliesTo(it.key(), mpm)) {
                return fields.invalid(it.key(),
                                      u"does not apply to %1: put it under "
                                      "server.perMpm for the MPMs it fits"_s.arg(mpmName(mpm)));
            }
        }
    }
    return set;
}

} // namespace

Result<ScenarioServer> ScenarioServer::fromJson(const JsonFields &fields)
{
    if (Status known = fields.onlyKnown(knownKeys); !known)
        return known.error();
    ScenarioServer server;
    const Result<JsonFields> common = fields.child(u"directives"_s);
    if (!common)
        return common.error();
    // Common directives apply under every MPM: prefork-only or thread
    // directives belong in perMpm.
    const Result<DirectiveSet> commonSet =
        directivesFrom(*common, QList<MpmKind>(allMpmKinds.begin(), allMpmKinds.end()));
    if (!commonSet)
        return commonSet.error();
    server.directives = *commonSet;

    const Result<JsonFields> perMpm = fields.child(u"perMpm"_s);
    if (!perMpm)
        return perMpm.error();
    for (auto it = perMpm->object().begin(); it != perMpm->object().end(); ++it) {
        const std::optional<MpmKind> mpm = mpmFromName(it.key());
        if (!mpm)
            return perMpm->invalid(it.key(), u"is not an MPM: prefork, worker or event"_s);
        const Result<JsonFields> child = perMpm->child(it.key(), true);
        if (!child)
            return child.error();
        const Result<DirectiveSet> set = directivesFrom(*child, {*mpm});
        if (!set)
            return set.error();
        server.perMpm.insert(*mpm, *set);
    }

    if (fields.has(u"memoryLimitKib"_s)) {
        const Result<qint64> limit = fields.integer(
            u"memoryLimitKib"_s, ServerDriver::minMemoryLimitKib, ServerDriver::maxMemoryLimitKib);
        if (!limit)
            return limit.error();
        server.memoryLimitKib = *limit;
    }
    const Result<qint64> page =
        fields.integer(u"pageBytes"_s, 0, TestFilesSpec::maxPageBytes, server.files.pageBytes);
    if (!page)
        return page.error();
    const Result<qint64> large =
        fields.integer(u"largeBytes"_s, 0, TestFilesSpec::maxLargeBytes, server.files.largeBytes);
    if (!large)
        return large.error();
    server.files.pageBytes = *page;
    server.files.largeBytes = *large;
    return server;
}

QJsonObject ScenarioServer::toJson() const
{
    QJsonObject object;
    const auto values = [](const DirectiveSet &set) {
        QJsonObject json;
        for (auto it = set.values().begin(); it != set.values().end(); ++it)
            json.insert(it.key(), it.value());
        return json;
    };
    if (!directives.isEmpty())
        object.insert(u"directives"_s, values(directives));
    QJsonObject perMpmJson;
    for (auto it = perMpm.begin(); it != perMpm.end(); ++it)
        perMpmJson.insert(mpmName(it.key()), values(it.value()));
    if (!perMpmJson.isEmpty())
        object.insert(u"perMpm"_s, perMpmJson);
    if (memoryLimitKib)
        object.insert(u"memoryLimitKib"_s, *memoryLimitKib);
    object.insert(u"pageBytes"_s, files.pageBytes);
    object.insert(u"largeBytes"_s, files.largeBytes);
    return object;
}

ServerProfile ScenarioServer::profileFor(MpmKind mpm) const
{
    ServerProfile profile;
    profile.mpm = mpm;
    profile.directives = directives;
    profile.directives.merge(perMpm.value(mpm));
    profile.memoryLimitKib = memoryLimitKib;
    return profile;
}

LocalizedText ScenarioServer::describe() const
{
    const auto words = [](const DirectiveSet &set) {
        QStringList parts;
        for (auto it = set.values().begin(); it != set.values().end(); ++it)
            parts << it.key() + u' ' + it.value();
        return parts.join(u", "_s);
    };
    QStringList en;
    QStringList fr;
    if (!directives.isEmpty()) {
        en << words(directives);
        fr << words(directives);
    }
    for (auto it = perMpm.begin(); it != perMpm.end(); ++it) {
        en << mpmName(it.key()) + u": "_s + words(it.value());
        fr << mpmName(it.key()) + u" : "_s + words(it.value());
    }
    if (memoryLimitKib) {
        en << u"ulimit -v %1 KiB"_s.arg(QLocale(QLocale::English).toString(*memoryLimitKib));
        fr << u"ulimit -v %1 Kio"_s.arg(QLocale(QLocale::French).toString(*memoryLimitKib));
    }
    if (en.isEmpty())
        return {u"the server's own settings"_s, u"les réglages du serveur"_s};
    return {en.join(u"; "_s), fr.join(u" ; "_s)};
}

} // namespace mpmlab
