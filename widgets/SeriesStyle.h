#pragma once

#include <QColor>

// How one data series is drawn: its colour, dash pattern, width, and whether
// it is a step line or carries point markers. Plain data; themes scale the
// width for projectors.
struct SeriesStyle {
    QColor colour = QColor(0xD5, 0x5E, 0x00);
    Qt::PenStyle penStyle = Qt::SolidLine;
    // px at the normal size; presentation mode doubles it. Appended points
    // cost little at any width; drawing everything again (when an axis
    // range changes) costs about one 1 px line per pixel of width.
    qreal width = 2.0;
    bool stepLine = false; // each value holds from its x until the next point's x
    bool markers = false;  // a marker on every point (for sparse series)
};
