#pragma once

#include "QCustomPlotInclude.h"
#include "SeriesState.h"

#include <QImage>
#include <memory>

// A QCPGraph that keeps the image of what it drew. While the axes' ranges,
// the plot area and the pen stay the same and points are only appended, a
// replot draws just the new segments onto that image and copies it, instead
// of stroking every line again: stroking thousands of antialiased, wide or
// dashed segments is what a live dashboard spends its time on, and this
// makes its steady cost follow what arrived, not what is shown.
//
// Wide lines on screen are drawn as 1 px lines side by side (see
// drawLinePlot): redrawing everything, when an axis range changes, stays
// cheap too. Exports (vector devices, QCustomPlot's toPainter) draw from the
// points as QCPGraph does, with the real pen. Call invalidateCache() when
// the pen or styles change.
class CachedGraph : public QCPGraph {
    Q_OBJECT

public:
    CachedGraph(QCPAxis *keyAxis, QCPAxis *valueAxis, std::shared_ptr<const SeriesState> state);

    void setState(std::shared_ptr<const SeriesState> state);
    void invalidateCache();
    // Whether the last draw only added the new points (for tests).
    [[nodiscard]] bool lastDrawWasIncremental() const;
    // Whether the next draw will draw every line again: the axes' ranges or
    // the points changed other than by appending, or nothing was drawn yet.
    [[nodiscard]] bool willRedrawWhole() const;

protected:
    void draw(QCPPainter *painter) override;
    void drawLinePlot(QCPPainter *painter, const QVector<QPointF> &lines) const override;

private:
    struct Frame {
        QCPRange keys;
        QCPRange values;
        QRect area;
        qreal pixelRatio = 1;
        quint64 rewrites = 0;
        friend bool operator==(const Frame &, const Frame &) = default;
    };

    void drawPoints(QCPPainter *painter, int from, int to);

    std::shared_ptr<const SeriesState> m_state;
    QImage m_image;
    Frame m_frame;
    int m_drawnPoints = 0;
    qreal m_dashPixels = 0; // device px: where the dash pattern stands at the last point drawn
    bool m_incremental = false;
};
