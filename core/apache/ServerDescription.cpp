#include "ServerDescription.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace mpmlab {

const DirectiveReading *ServerDescription::directive(const QString &name) const
{
    for (const DirectiveReading &reading : directives) {
        if (reading.name == name)
            return &reading;
    }
    return nullptr;
}

QJsonObject ServerDescription::toJson() const
{
    QJsonObject object = state.toJson();
    QJsonObject values;
    QJsonArray readings;
    QStringList perHost;
    for (const DirectiveReading &reading : directives) {
        if (reading.source != DirectiveReading::Source::CompiledDefault)
            values.insert(reading.name, reading.value);
        readings.append(reading.toJson());
        for (const QString &host : reading.virtualHosts)
            perHost << reading.name + u' ' + host;
    }
    QJsonArray ports;
    for (const quint16 port : listenPorts)
        ports.append(int(port));
    object.insert(u"layoutName"_s, layout);
    object.insert(u"apacheVersion"_s, apacheVersion);
    object.insert(u"modules"_s, QJsonArray::fromStringList(modules));
    object.insert(u"phpModules"_s, QJsonArray::fromStringList(phpModules));
    object.insert(u"documentRoot"_s, documentRoot);
    object.insert(u"listenPorts"_s, ports);
    object.insert(u"managedFile"_s, managedFile);
    object.insert(u"statusReadable"_s, statusReadable);
    object.insert(u"statusProblem"_s, statusProblem.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                              : QJsonValue(statusProblem));
    object.insert(u"canChange"_s, canChange);
    object.insert(u"cannotChange"_s,
                  cannotChange.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(cannotChange));
    object.insert(u"restorePending"_s, restorePending);
    object.insert(u"restoreSince"_s,
                  restoreSince.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(restoreSince));
    object.insert(u"directives"_s, values);
    object.insert(u"directiveReadings"_s, readings);
    object.insert(u"virtualHostDirectives"_s, QJsonArray::fromStringList(perHost));
    object.insert(u"apacheWarnings"_s, QJsonArray::fromStringList(apacheWarnings));
    if (!layoutDetails.isEmpty())
        object.insert(u"layout"_s, layoutDetails);
    return object;
}

} // namespace mpmlab
