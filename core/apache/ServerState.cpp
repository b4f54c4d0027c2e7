#include "ServerState.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace mpmlab {

QString ServerState::baseUrl() const
{
    if (host.isEmpty() || port == 0)
        return {};
    const QString bracketed = host.contains(u':') ? u'[' % host % u']' : host;
    return u"http://%1:%2/"_s.arg(bracketed).arg(port);
}

QJsonObject ServerState::toJson() const
{
    const auto mpmOrNull = [](const std::optional<MpmKind> &kind) {
        return kind ? QJsonValue(mpmName(*kind)) : QJsonValue(QJsonValue::Null);
    };
    return QJsonObject{
        {u"target"_s, target},
        {u"running"_s, running},
        {u"pid"_s, running ? QJsonValue(pid) : QJsonValue(QJsonValue::Null)},
        {u"host"_s, host},
        {u"port"_s, int(port)},
        {u"url"_s, baseUrl()},
        {u"configuredMpm"_s, mpmOrNull(configuredMpm)},
        {u"runningMpm"_s, mpmOrNull(runningMpm)},
        {u"serverVersion"_s, serverVersion},
        {u"os"_s, osName},
        {u"configRoot"_s, configRoot},
        {u"memoryLimitKib"_s,
         memoryLimitKib ? QJsonValue(*memoryLimitKib) : QJsonValue(QJsonValue::Null)},
        {u"owner"_s, owner.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(owner)},
        {u"problems"_s, QJsonArray::fromStringList(problems)},
    };
}

} // namespace mpmlab
