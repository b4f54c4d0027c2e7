#pragma once

#include <QString>
#include <optional>

// One subject's figure in a ComparisonBarChart. A missing value (the run did
// not start, nothing was measured) is drawn as an empty slot with its note,
// never as a bar of 0.
struct BarValue {
    std::optional<double> value;
    std::optional<double> low;  // the spread over repeats, drawn as a whisker
    std::optional<double> high; // from low to high
    QString note;               // why a value is missing, or a remark under it
};
