#include "CachedGraph.h"

#include <cmath>

namespace {

// The width of a pen on the screen buffer, in device pixels: QCustomPlot
// draws a 1 px pen as a cosmetic one, one device pixel wide.
qreal deviceWidthOf(const QPen &pen, qreal ratio)
{
    return pen.widthF() <= 1.0 ? 1.0 : pen.widthF() * ratio;
}

bool isGap(const QPointF &point) { return std::isnan(point.x()) || std::isnan(point.y()); }

// How far a dash pattern advances along a polyline drawn with a cosmetic
// pen, in device pixels: Qt's cosmetic stroker counts the pixels a segment
// spans along its major axis, not its length.
qreal cosmeticLength(const QVector<QPointF> &lines, qreal ratio)
{
    qreal length = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QPointF step = lines.at(i) - lines.at(i - 1);
        length += std::max(std::abs(step.x()), std::abs(step.y()));
    }
    return length * ratio;
}

} // namespace

CachedGraph::CachedGraph(QCPAxis *keyAxis, QCPAxis *valueAxis,
                         std::shared_ptr<const SeriesState> state)
    : QCPGraph(keyAxis, valueAxis)
    , m_state(std::move(state))
{
}

void CachedGraph::setState(std::shared_ptr<const SeriesState> state)
{
    m_state = std::move(state);
    invalidateCache();
}

void CachedGraph::invalidateCache() { m_image = QImage(); }

bool CachedGraph::lastDrawWasIncremental() const { return m_incremental; }

bool CachedGraph::willRedrawWhole() const
{
    // The plot area and the pixel ratio are only known when drawing: they
    // change with a resize, which redraws everything anyway.
    return m_image.isNull() || !(keyAxis()->range() == m_frame.keys)
           || !(valueAxis()->range() == m_frame.values) || m_state->rewrites != m_frame.rewrites
           || dataCount() < m_drawnPoints;
}

void CachedGraph::draw(QCPPainter *painter)
{
    m_incremental = false;
    // Exports draw from the points, as vectors where the device takes them;
    // fills, impulses and selections are QCPGraph's alone.
    const bool toScreenBuffer = !painter->modes().testFlag(QCPPainter::pmVectorized)
                                && !painter->modes().testFlag(QCPPainter::pmNoCaching);
    if (!toScreenBuffer || brush().style() != Qt::NoBrush || lineStyle() == lsImpulse
        || !selection().isEmpty()) {
        QCPGraph::draw(painter);
        return;
    }
    if (!keyAxis() || !valueAxis() || keyAxis()->range().size() <= 0)
        return;
    const QRect area = clipRect();
    if (area.isEmpty())
        return;

    const qreal ratio = painter->device()->devicePixelRatioF();
    const Frame frame{keyAxis()->range(), valueAxis()->range(), area, ratio, m_state->rewrites};
    const int points = dataCount();
    m_incremental = !m_image.isNull() && frame == m_frame && points >= m_drawnPoints;
    if (!m_incremental) {
        m_image =
            QImage((QSizeF(area.size()) * ratio).toSize(), QImage::Format_ARGB32_Premultiplied);
        m_image.setDevicePixelRatio(ratio);
        m_image.fill(Qt::transparent);
        m_frame = frame;
        m_drawnPoints = 0;
        m_dashPixels = 0;
    }
    if (points > m_drawnPoints) {
        QCPPainter onImage(&m_image);
        onImage.translate(-area.topLeft());
        drawPoints(&onImage, m_drawnPoints, points);
        m_drawnPoints = points;
    }
    painter->drawImage(area.topLeft(), m_image);
}

void CachedGraph::drawPoints(QCPPainter *painter, int from, int to)
{
    if (lineStyle() != lsNone) {
        // From the last point already drawn, so that the line goes on from it.
        QVector<QPointF> lines;
        getLines(&lines, QCPDataRange(std::max(0, from - 1), to));
        const qreal ratio = painter->device()->devicePixelRatioF();
        // Piece by piece between gaps: the dash pattern goes on where it
        // stopped at the last append, and starts afresh after a gap, as it
        // does when the whole line is drawn at once.
        qsizetype start = 0;
        while (start < lines.size()) {
            qsizetype end = start;
            while (end < lines.size() && !isGap(lines.at(end)))
                ++end;
            if (end > start) {
                const QVector<QPointF> piece = lines.mid(start, end - start);
                QPen pen = this->pen();
                pen.setDashOffset(m_dashPixels / deviceWidthOf(pen, ratio)); // in pen widths
                painter->setPen(pen);
                painter->setBrush(Qt::NoBrush);
                drawLinePlot(painter, piece);
                m_dashPixels += cosmeticLength(piece, ratio);
            }
            if (end < lines.size())
                m_dashPixels = 0;
            start = end + 1;
        }
    }
    if (!scatterStyle().isNone()) {
        QVector<QPointF> scatters;
        getScatters(&scatters, QCPDataRange(from, to));
        drawScatterPlot(painter, scatters, scatterStyle());
    }
}

void CachedGraph::drawLinePlot(QCPPainter *painter, const QVector<QPointF> &lines) const
{
    const QPen pen = painter->pen();
    const qreal ratio = painter->device()->devicePixelRatioF();
    const qreal width = deviceWidthOf(pen, ratio);
    const bool toScreenBuffer = !painter->modes().testFlag(QCPPainter::pmVectorized)
                                && !painter->modes().testFlag(QCPPainter::pmNoCaching);
    if (!toScreenBuffer || width <= 1.0 || pen.style() == Qt::NoPen) {
        QCPGraph::drawLinePlot(painter, lines);
        return;
    }
    // On screen, a wide line is drawn as 1 px lines side by side, a device
    // pixel apart across its width: the raster engine draws those on its
    // fast (cosmetic) path, about five times faster than it strokes one
    // antialiased wide line, and they look the same. Exports stroke the
    // real pen.
    QPen thin = pen;
    thin.setWidthF(1.0);
    if (pen.style() != Qt::SolidLine) {
        // A cosmetic pen's dashes are in device pixels, a wide pen's in widths.
        QList<qreal> pattern = pen.dashPattern();
        for (qreal &length : pattern)
            length *= width;
        thin.setDashPattern(pattern);
        thin.setDashOffset(pen.dashOffset() * width);
    }
    const qreal reach = (width - 1) / 2;
    QList<QPointF> offsets;
    for (qreal across = -reach; across <= reach + 1e-9; across += 1.0) {
        offsets.append(QPointF(across, 0) / ratio);
        if (std::abs(across) > 1e-9)
            offsets.append(QPointF(0, across) / ratio);
    }
    for (const QPointF &offset : std::as_const(offsets)) {
        painter->save();
        painter->translate(offset);
        painter->setPen(thin);
        QCPGraph::drawLinePlot(painter, lines);
        painter->restore();
    }
}
