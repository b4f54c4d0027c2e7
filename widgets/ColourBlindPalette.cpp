#include "ColourBlindPalette.h"

#include <array>

namespace {

using Colour = ColourBlindPalette::Colour;

constexpr std::array ordered{Colour::Vermillion, Colour::Blue,    Colour::BluishGreen,
                             Colour::Orange,     Colour::SkyBlue, Colour::ReddishPurple,
                             Colour::Yellow,     Colour::Black};

constexpr std::array penStyles{Qt::SolidLine, Qt::DashLine, Qt::DotLine, Qt::DashDotLine,
                               Qt::DashDotDotLine};

int wrapped(int index, int count) { return ((index % count) + count) % count; }

} // namespace

QColor ColourBlindPalette::colour(Colour colour)
{
    // Okabe & Ito, "Color Universal Design" (2008).
    switch (colour) {
    case Colour::Black: return QColor(0x00, 0x00, 0x00);
    case Colour::Orange: return QColor(0xE6, 0x9F, 0x00);
    case Colour::SkyBlue: return QColor(0x56, 0xB4, 0xE9);
    case Colour::BluishGreen: return QColor(0x00, 0x9E, 0x73);
    case Colour::Yellow: return QColor(0xF0, 0xE4, 0x42);
    case Colour::Blue: return QColor(0x00, 0x72, 0xB2);
    case Colour::Vermillion: return QColor(0xD5, 0x5E, 0x00);
    case Colour::ReddishPurple: return QColor(0xCC, 0x79, 0xA7);
    }
    Q_UNREACHABLE();
    return {};
}

QColor ColourBlindPalette::colour(int index)
{
    return colour(ordered.at(size_t(wrapped(index, size()))));
}

int ColourBlindPalette::size() { return int(ordered.size()); }

Qt::PenStyle ColourBlindPalette::penStyle(int index)
{
    return penStyles.at(size_t(wrapped(index, int(penStyles.size()))));
}

SeriesStyle ColourBlindPalette::style(int index)
{
    SeriesStyle style;
    style.colour = colour(index);
    style.penStyle = penStyle(index);
    return style;
}
