#include "LocalizedText.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace mpmlab {

QString LocalizedText::in(QStringView language) const
{
    if (language.startsWith(u"fr") && !fr.isEmpty())
        return fr;
    return en.isEmpty() ? fr : en;
}

Result<LocalizedText> LocalizedText::fromJson(const QJsonValue &value, const QString &what)
{
    if (value.isString())
        return LocalizedText{value.toString(), {}};
    const QJsonObject object = value.toObject();
    if (!value.isObject() || !object.value(u"en"_s).isString()) {
        return Error{Error::Kind::InvalidInput,
                     u"%1 must be a text or {\"en\": ..., \"fr\": ...}"_s.arg(what),
                     {}};
    }
    if (object.contains(u"fr"_s) && !object.value(u"fr"_s).isString())
        return Error{Error::Kind::InvalidInput, u"%1.fr must be a text"_s.arg(what), {}};
    return LocalizedText{object.value(u"en"_s).toString(), object.value(u"fr"_s).toString()};
}

QJsonValue LocalizedText::toJson() const
{
    QJsonObject object{{u"en"_s, en}};
    if (!fr.isEmpty())
        object.insert(u"fr"_s, fr);
    return object;
}

} // namespace mpmlab
