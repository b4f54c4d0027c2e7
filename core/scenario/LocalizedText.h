#pragma once

#include "common/Result.h"

#include <QJsonValue>
#include <QString>

namespace mpmlab {

// A sentence in each language MPM Lab speaks. Scenario files and campaign
// files carry both, so that a campaign run from the English command line
// reads in French in a French window, exactly as it was recorded.
struct LocalizedText {
    QString en;
    QString fr;

    // The text in `language` ("fr", "fr_FR", "en"...), English otherwise
    // or when that translation is empty.
    [[nodiscard]] QString in(QStringView language) const;
    [[nodiscard]] bool isEmpty() const { return en.isEmpty() && fr.isEmpty(); }

    // {"en": "...", "fr": "..."}; a plain string is taken as English. `what`
    // names the field in the error.
    static Result<LocalizedText> fromJson(const QJsonValue &value, const QString &what);
    [[nodiscard]] QJsonValue toJson() const;

    bool operator==(const LocalizedText &) const = default;
};

} // namespace mpmlab
