#pragma once

#include "Result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace mpmlab {

// Reads one JSON object of a user-written file (a scenario, a campaign)
// field by field, so that every mistake gets an error that names the file's
// path to the field and what is accepted: "load.concurrency must be a whole
// number from 1 to 100000". Absent optional fields give their default.
class JsonFields {
public:
    // `path`: where the object is ("scenario 'x'", "load", "checks[2]").
    JsonFields(QJsonObject object, QString path);

    [[nodiscard]] bool has(const QString &key) const { return m_object.contains(key); }
    [[nodiscard]] const QJsonObject &object() const { return m_object; }
    [[nodiscard]] QString pathOf(const QString &key) const;

    // An error for every key not in `known` (a typo must not be ignored).
    [[nodiscard]] Status onlyKnown(const QStringList &known) const;

    Result<QString> text(const QString &key, std::optional<QString> fallback = std::nullopt) const;
    Result<double> number(const QString &key, double min, double max,
                          std::optional<double> fallback = std::nullopt) const;
    Result<qint64> integer(const QString &key, qint64 min, qint64 max,
                           std::optional<qint64> fallback = std::nullopt) const;
    Result<bool> boolean(const QString &key, std::optional<bool> fallback = std::nullopt) const;
    // An absent object is empty when `required` is false.
    Result<JsonFields> child(const QString &key, bool required = false) const;
    Result<QJsonArray> array(const QString &key, bool required = false) const;

    // An InvalidInput error about this object's `key`.
    [[nodiscard]] Error invalid(const QString &key, const QString &problem) const;

private:
    QJsonObject m_object;
    QString m_path;
};

} // namespace mpmlab
