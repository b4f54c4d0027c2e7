#include "PlotTheme.h"

using namespace Qt::StringLiterals;

namespace {

// A projector washes out thin lines and small text from the back of a room:
// everything grows by these factors in presentation mode.
constexpr qreal presentationFontFactor = 1.6;
constexpr qreal presentationLineFactor = 2.0;
constexpr qreal titleFactor = 1.25;

} // namespace

qreal PlotTheme::fontPointSize() const
{
    return basePointSize * (presentation ? presentationFontFactor : 1.0);
}

qreal PlotTheme::titlePointSize() const { return fontPointSize() * titleFactor; }

qreal PlotTheme::lineScale() const { return presentation ? presentationLineFactor : 1.0; }

QFont PlotTheme::font() const
{
    // The generic family by its CSS name: fontconfig resolves it (to DejaVu
    // Sans on Debian) and so do browsers showing an exported SVG, which
    // would fall back to a serif font for Qt's "Sans Serif".
    QFont font(u"sans-serif"_s);
    font.setStyleHint(QFont::SansSerif);
    font.setPointSizeF(fontPointSize());
    return font;
}

QFont PlotTheme::titleFont() const
{
    QFont font = this->font();
    font.setPointSizeF(titlePointSize());
    font.setBold(true);
    return font;
}

QColor PlotTheme::background() const { return dark ? QColor(0x1E, 0x1F, 0x22) : Qt::white; }

QColor PlotTheme::foreground() const
{
    return dark ? QColor(0xE8, 0xE8, 0xE8) : QColor(0x20, 0x20, 0x20);
}

QColor PlotTheme::muted() const
{
    return dark ? QColor(0x9A, 0x9A, 0x9A) : QColor(0x70, 0x70, 0x70);
}

QColor PlotTheme::grid() const
{
    return dark ? QColor(0x3C, 0x3E, 0x44) : QColor(0xDD, 0xDD, 0xDD);
}

QPalette PlotTheme::palette(QPalette base) const
{
    base.setColor(QPalette::Window, background());
    base.setColor(QPalette::WindowText, foreground());
    return base;
}
