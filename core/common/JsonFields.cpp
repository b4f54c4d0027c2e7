#include "JsonFields.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace mpmlab {

JsonFields::JsonFields(QJsonObject object, QString path)
    : m_object(std::move(object))
    , m_path(std::move(path))
{
}

QString JsonFields::pathOf(const QString &key) const
{
    return m_path.isEmpty() ? key : m_path + u'.' + key;
}

Error JsonFields::invalid(const QString &key, const QString &problem) const
{
    return Error{Error::Kind::InvalidInput, u"%1 %2"_s.arg(pathOf(key), problem), {}};
}

Status JsonFields::onlyKnown(const QStringList &known) const
{
    for (auto it = m_object.begin(); it != m_object.end(); ++it) {
        if (!known.contains(it.key())) {
            return invalid(it.key(),
                           u"is not a known field (known: %1)"_s.arg(known.join(u", "_s)));
        }
    }
    return {};
}

Result<QString> JsonFields::text(const QString &key, std::optional<QString> fallback) const
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() && fallback)
        return *fallback;
    if (!value.isString())
        return invalid(key, u"must be a text"_s);
    return value.toString();
}

Result<double> JsonFields::number(const QString &key, double min, double max,
                                  std::optional<double> fallback) const
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() && fallback)
        return *fallback;
    const double number = value.toDouble(std::nan(""));
    if (!value.isDouble() || !std::isfinite(number) || number < min || number > max)
        return invalid(key, u"must be a number from %1 to %2"_s.arg(min).arg(max));
    return number;
}

Result<qint64> JsonFields::integer(const QString &key, qint64 min, qint64 max,
                                   std::optional<qint64> fallback) const
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() && fallback)
        return *fallback;
    const double number = value.toDouble(std::nan(""));
    if (!value.isDouble() || !std::isfinite(number) || number != std::floor(number)
        || number < double(min) || number > double(max)) {
        return invalid(key, u"must be a whole number from %1 to %2"_s.arg(min).arg(max));
    }
    return qint64(number);
}

Result<bool> JsonFields::boolean(const QString &key, std::optional<bool> fallback) const
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() && fallback)
        return *fallback;
    if (!value.isBool())
        return invalid(key, u"must be true or false"_s);
    return value.toBool();
}

Result<JsonFields> JsonFields::child(const QString &key, bool required) const
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() && !required)
        return JsonFields(QJsonObject(), pathOf(key));
    if (!value.isObject())
        return invalid(key, u"must be an object"_s);
    return JsonFields(value.toObject(), pathOf(key));
}

Result<QJsonArray> JsonFields::array(const QString &key, bool required) const
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() && !required)
        return QJsonArray();
    if (!value.isArray())
        return invalid(key, u"must be a list"_s);
    return value.toArray();
}

} // namespace mpmlab
