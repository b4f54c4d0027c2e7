#pragma once

#include "SeriesStyle.h"

#include <QColor>

// The Okabe–Ito palette: eight colours that people with the common forms of
// colour blindness still tell apart, with dash patterns to go with them so
// that a grey-scale print keeps the series apart too.
class ColourBlindPalette {
public:
    enum class Colour {
        Black,
        Orange,
        SkyBlue,
        BluishGreen,
        Yellow,
        Blue,
        Vermillion,
        ReddishPurple,
    };

    ColourBlindPalette() = delete;

    [[nodiscard]] static QColor colour(Colour colour);
    // The palette in an order that keeps neighbours far apart: vermillion,
    // blue, bluish green, orange, sky blue, reddish purple, then yellow and
    // black (the two that vanish on a light or a dark background). Wraps.
    [[nodiscard]] static QColor colour(int index);
    [[nodiscard]] static int size();
    // Solid, dash, dot, dash-dot, dash-dot-dot, then again. Wraps.
    [[nodiscard]] static Qt::PenStyle penStyle(int index);
    // colour(index) with penStyle(index).
    [[nodiscard]] static SeriesStyle style(int index);
};
