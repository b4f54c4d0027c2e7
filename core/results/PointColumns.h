#pragma once

#include "common/Result.h"
#include "run/LoadPoint.h"
#include "run/ServerPoint.h"

#include <QJsonObject>
#include <QStringList>
#include <vector>

namespace mpmlab {

// A run's time series in a campaign file, one JSON array per field
// ("t": [...], "requestsPerSecond": [...]): compact, and easy to read from
// a script or a spreadsheet. NaN (a latency with nothing completed, a CPU
// not yet known) is written as null and read back as NaN. One field table
// per point type drives writing, reading and the CSV columns alike.
class PointColumns {
public:
    static QJsonObject toJson(const std::vector<LoadPoint> &points);
    static QJsonObject toJson(const std::vector<ServerPoint> &points);
    // Columns of different lengths or of the wrong type: an error naming them.
    static Result<std::vector<LoadPoint>> loadPointsFromJson(const QJsonObject &columns);
    static Result<std::vector<ServerPoint>> serverPointsFromJson(const QJsonObject &columns);

    // The same fields as CSV, for the series export.
    static QStringList loadCsvHeader();
    static QStringList loadCsvRow(const LoadPoint &point);
    static QStringList serverCsvHeader();
    static QStringList serverCsvRow(const ServerPoint &point);
};

} // namespace mpmlab
