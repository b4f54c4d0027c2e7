#pragma once

#include <QColor>
#include <QFont>
#include <QPalette>

// How every chart widget looks: light or dark, and a presentation mode for
// projectors (larger fonts, thicker lines). Widgets take it through
// applyTheme(const PlotTheme &).
struct PlotTheme {
    bool dark = false;
    bool presentation = false;
    qreal basePointSize = 10.0; // pt, before the presentation factor

    [[nodiscard]] qreal fontPointSize() const;  // pt: tick labels, legends, axis labels
    [[nodiscard]] qreal titlePointSize() const; // pt: titles, in bold
    [[nodiscard]] qreal lineScale() const;      // factor on series and axis widths
    [[nodiscard]] QFont font() const;
    [[nodiscard]] QFont titleFont() const;

    [[nodiscard]] QColor background() const;
    [[nodiscard]] QColor foreground() const; // text and axes
    [[nodiscard]] QColor muted() const;      // hints, notes, empty slots
    [[nodiscard]] QColor grid() const;
    // `base` with the theme's background and text colours, for a widget.
    [[nodiscard]] QPalette palette(QPalette base) const;

    friend bool operator==(const PlotTheme &, const PlotTheme &) = default;
};
