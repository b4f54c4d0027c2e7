#include "DirectiveReading.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace mpmlab {

QString DirectiveReading::sourceName(Source source)
{
    switch (source) {
    case Source::CompiledDefault: return u"default"_s;
    case Source::Distribution: return u"distribution"_s;
    case Source::ServerConfig: return u"server"_s;
    case Source::Managed: return u"mpmlab"_s;
    }
    return {};
}

QJsonObject DirectiveReading::toJson() const
{
    QJsonObject perMpmValues;
    for (auto it = managedPerMpm.cbegin(); it != managedPerMpm.cend(); ++it)
        perMpmValues.insert(mpmName(it.key()), it.value());
    return QJsonObject{
        {u"name"_s, name},
        {u"value"_s, value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value)},
        {u"source"_s, sourceName(source)},
        {u"file"_s, file.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(file)},
        {u"perMpm"_s, perMpm},
        {u"managedPerMpm"_s, perMpmValues},
        {u"usedValue"_s,
         usedValue.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(usedValue)},
        {u"warnings"_s, QJsonArray::fromStringList(warnings)},
        {u"virtualHosts"_s, QJsonArray::fromStringList(virtualHosts)},
    };
}

} // namespace mpmlab
