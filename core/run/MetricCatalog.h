#pragma once

#include <QString>
#include <QStringView>
#include <optional>

namespace mpmlab {

// How to name and print each metric of RunSummary::metricNames() in both
// languages: the verdicts' numbers, the CLI's summary table, the comparison
// charts and the report all read it, so a figure reads the same
// everywhere ("20,612 req/s", "964 MiB", "1.2 %").
class MetricCatalog {
public:
    struct Info {
        QString key;
        QString labelEn;
        QString labelFr;
        QString unit;   // as shown, after the divisor: "req/s", "ms", "MiB", "%", "s", ""
        double divisor; // stored value / divisor = shown value (KiB -> MiB: 1024)
        int decimals;
        bool higherIsBetter;
    };

    static std::optional<Info> find(QStringView key);
    // The label in `language` ("fr..." or English).
    static QString label(QStringView key, QStringView language);
    // "20,612 req/s" (English) or "20 612 req/s" (French); "–" when empty.
    static QString format(QStringView key, std::optional<double> value, QStringView language);
};

} // namespace mpmlab
