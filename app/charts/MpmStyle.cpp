#include "MpmStyle.h"

#include "ColourBlindPalette.h"

#include <array>

using mpmlab::MpmKind;

QColor MpmStyle::colour(MpmKind mpm)
{
    switch (mpm) {
    case MpmKind::Prefork:
        return ColourBlindPalette::colour(ColourBlindPalette::Colour::Vermillion);
    case MpmKind::Worker: return ColourBlindPalette::colour(ColourBlindPalette::Colour::Blue);
    case MpmKind::Event: return ColourBlindPalette::colour(ColourBlindPalette::Colour::BluishGreen);
    }
    return Qt::black;
}

SeriesStyle MpmStyle::series(MpmKind mpm, int index)
{
    // Shade factors for QColor::darker (>100 darker, <100 lighter) and the
    // dash that goes with each: the first series is the MPM's own colour.
    constexpr std::array<int, 5> shades{100, 140, 70, 100, 160};
    constexpr std::array<Qt::PenStyle, 5> dashes{Qt::SolidLine, Qt::DashLine, Qt::DotLine,
                                                 Qt::DashDotLine, Qt::DashDotDotLine};
    const auto slot = std::size_t(index) % shades.size();
    SeriesStyle style;
    style.colour = colour(mpm).darker(shades[slot]);
    style.penStyle = dashes[slot];
    style.width = index == 0 ? 2.5 : 2.0;
    return style;
}
