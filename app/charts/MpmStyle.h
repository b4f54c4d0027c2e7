#pragma once

#include "SeriesStyle.h"
#include "apache/MpmKind.h"

#include <QColor>

// One colour per MPM everywhere (plots, bars, scoreboards, the report),
// from the Okabe–Ito palette so that colour-blind viewers tell them apart:
// prefork vermillion, worker blue, event bluish green. Within one MPM's
// plot, the series of a row differ by shade and dash, never by hue.
class MpmStyle {
public:
    MpmStyle() = delete;

    [[nodiscard]] static QColor colour(mpmlab::MpmKind mpm);
    // The `index`-th series of a row for `mpm`: the MPM's colour, lighter or
    // darker and with another dash pattern as the index grows.
    [[nodiscard]] static SeriesStyle series(mpmlab::MpmKind mpm, int index);
};
