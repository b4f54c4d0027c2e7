#pragma once

#include <QImage>
#include <QSet>

// A screenshot "is not blank" when it has many colours: a window that failed
// to paint (a black or white rectangle, glyph boxes only) has a handful.
inline int distinctColours(const QImage &image)
{
    QSet<QRgb> colours;
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < rgb.height(); y += 2) {
        const auto *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); x += 2)
            colours.insert(line[x]);
    }
    return int(colours.size());
}

// Enough colours for anti-aliased text on a themed window.
inline constexpr int minimumColoursOfAPaintedWindow = 16;
