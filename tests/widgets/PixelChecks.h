#pragma once

#include <QColor>
#include <QImage>
#include <QRect>
#include <cstdlib>

// How many pixels of `area` are close to `colour` (antialiased edges blend
// a line's colour into the background; its core keeps it).
inline int pixelsNear(const QImage &image, const QColor &colour, const QRect &area,
                      int tolerance = 40)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    const QRect clipped = area & rgb.rect();
    int count = 0;
    for (int y = clipped.top(); y <= clipped.bottom(); ++y) {
        for (int x = clipped.left(); x <= clipped.right(); ++x) {
            const QColor pixel = rgb.pixelColor(x, y);
            if (std::abs(pixel.red() - colour.red()) + std::abs(pixel.green() - colour.green())
                    + std::abs(pixel.blue() - colour.blue())
                <= tolerance)
                ++count;
        }
    }
    return count;
}
