#include "TimeSeriesPlot.h"

#include "CachedGraph.h"
#include "NiceScale.h"
#include "SeriesState.h"

#include <QEvent>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace {

void unite(std::optional<QCPRange> &range, double lower, double upper)
{
    if (range) {
        range->lower = std::min(range->lower, lower);
        range->upper = std::max(range->upper, upper);
    } else {
        range = QCPRange(lower, upper);
    }
}

constexpr int legendIconWidth = 30;  // px: long enough to tell a dash from a dot
constexpr int legendIconHeight = 10; // px
constexpr int markerSize = 6;        // px at the normal size

} // namespace

struct TimeSeriesPlot::Series {
    CachedGraph *graph = nullptr;
    SeriesStyle style;
    std::shared_ptr<SeriesState> state; // shared with linked series, like the points
};

TimeSeriesPlot::TimeSeriesPlot(QWidget *parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->installEventFilter(this);

    m_axisRect = m_plot->axisRect(); // looked up by layout position: keep it while rearranging
    m_title = new QCPTextElement(m_plot);
    m_axisRect->insetLayout()->take(m_plot->legend);
    // The legend runs across the top, packed to the left: beside it, an empty
    // element takes the width it does not need.
    m_legendRow = new QCPLayoutGrid;
    m_legendRow->addElement(0, 0, m_plot->legend);
    m_legendRow->addElement(0, 1, new QCPLayoutElement(m_plot));
    m_legendRow->setColumnStretchFactor(0, 0.001);
    m_legendRow->setColumnStretchFactor(1, 1);
    m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    m_plot->legend->setIconSize(legendIconWidth, legendIconHeight);

    m_noDataText = new QCPItemText(m_plot);
    m_noDataText->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_noDataText->position->setCoords(0.5, 0.5);
    m_noDataText->setPositionAlignment(Qt::AlignCenter);
    m_noDataText->setVisible(false);

    // Sub-ticks only clutter plots this small.
    for (QCPAxis *axis : {m_plot->xAxis, m_plot->yAxis})
        axis->setSubTicks(false);
    m_plot->xAxis->setRange(0, 1);
    m_plot->yAxis->setRange(0, 1);

    applyTheme(PlotTheme{});
    arrangeLayout();
}

TimeSeriesPlot::~TimeSeriesPlot()
{
    // Elements taken out of the plot's layout belong to no one.
    if (!m_title->layout())
        delete m_title;
    if (!m_legendRow->layout())
        delete m_legendRow;
}

void TimeSeriesPlot::setTitle(const QString &title)
{
    m_title->setText(title);
    arrangeLayout();
    markDirty();
}

QString TimeSeriesPlot::title() const { return m_title->text(); }

void TimeSeriesPlot::setXLabel(const QString &label)
{
    m_plot->xAxis->setLabel(label);
    markDirty();
}

void TimeSeriesPlot::setYLabel(const QString &label)
{
    m_plot->yAxis->setLabel(label);
    m_marginStale = true;
    markDirty();
}

void TimeSeriesPlot::setLegendVisible(bool visible)
{
    m_legendVisible = visible;
    arrangeLayout();
    markDirty();
}

bool TimeSeriesPlot::isLegendVisible() const { return m_legendVisible; }

void TimeSeriesPlot::setNoDataText(const QString &text)
{
    m_noDataText->setText(text);
    markDirty();
}

void TimeSeriesPlot::applyTheme(const PlotTheme &theme)
{
    m_theme = theme;
    const QColor foreground = theme.foreground();
    const qreal lineWidth = theme.lineScale();
    m_plot->setBackground(theme.background());
    for (QCPAxis *axis : {m_plot->xAxis, m_plot->yAxis}) {
        axis->setBasePen(QPen(foreground, lineWidth));
        axis->setTickPen(QPen(foreground, lineWidth));
        axis->setTickLabelColor(foreground);
        axis->setLabelColor(foreground);
        axis->setTickLabelFont(theme.font());
        axis->setLabelFont(theme.font());
        axis->grid()->setPen(QPen(theme.grid(), 1, Qt::SolidLine));
        axis->grid()->setZeroLinePen(Qt::NoPen);
    }
    m_title->setFont(theme.titleFont());
    m_title->setTextColor(foreground);
    QCPLegend *legend = m_plot->legend;
    legend->setFont(theme.font());
    legend->setTextColor(foreground);
    legend->setBrush(Qt::NoBrush);
    legend->setBorderPen(Qt::NoPen);
    legend->setColumnSpacing(QFontMetrics(theme.font()).averageCharWidth() * 3);
    legend->setRowSpacing(0);
    legend->setIconSize(qRound(legendIconWidth * lineWidth), legendIconHeight);
    QFont hint = theme.font();
    hint.setPointSizeF(theme.titlePointSize());
    m_noDataText->setFont(hint);
    m_noDataText->setColor(theme.muted());
    // The last tick label of the time axis sits on the plot's right edge:
    // leave room for half of it.
    const int halfLabel = QFontMetrics(theme.font()).horizontalAdvance(u"0000"_s) / 2;
    QMargins minimum = m_axisRect->minimumMargins();
    minimum.setRight(halfLabel);
    m_axisRect->setMinimumMargins(minimum);
    for (const Series &series : m_series)
        applySeriesStyle(series);
    fitTicksAndLegendToSize();
    m_marginStale = true;
    markDirty();
}

int TimeSeriesPlot::addSeries(const QString &name, const SeriesStyle &style)
{
    Series series;
    series.state = std::make_shared<SeriesState>();
    // Registers itself with the plot, like QCustomPlot::addGraph().
    series.graph = new CachedGraph(m_plot->xAxis, m_plot->yAxis, series.state);
    series.graph->setName(name);
    series.style = style;
    applySeriesStyle(series);
    m_series.push_back(std::move(series));
    arrangeLayout();
    fitTicksAndLegendToSize();
    markDirty();
    return int(m_series.size()) - 1;
}

int TimeSeriesPlot::addLinkedSeries(const QString &name, const SeriesStyle &style,
                                    const TimeSeriesPlot &source, int sourceSeries)
{
    const int index = addSeries(name, style);
    const Series &from = source.seriesAt(sourceSeries);
    Series &series = m_series.back();
    series.graph->setData(from.graph->data());
    series.state = from.state;
    series.graph->setState(from.state);
    dataChanged();
    return index;
}

int TimeSeriesPlot::seriesCount() const { return int(m_series.size()); }

QString TimeSeriesPlot::seriesName(int series) const { return seriesAt(series).graph->name(); }

const TimeSeriesPlot::Series &TimeSeriesPlot::seriesAt(int series) const
{
    Q_ASSERT(series >= 0 && series < seriesCount());
    return m_series.at(size_t(series));
}

void TimeSeriesPlot::applySeriesStyle(const Series &series)
{
    const SeriesStyle &style = series.style;
    QPen pen(style.colour, style.width * m_theme.lineScale(), style.penStyle);
    pen.setCapStyle(Qt::FlatCap); // keeps dots and dashes apart at any width
    series.graph->setPen(pen);
    series.graph->setLineStyle(style.stepLine ? QCPGraph::lsStepLeft : QCPGraph::lsLine);
    if (style.markers) {
        series.graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, style.colour,
                                                      style.colour,
                                                      markerSize * m_theme.lineScale()));
    } else {
        series.graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssNone));
    }
    series.graph->invalidateCache();
}

void TimeSeriesPlot::setData(int series, const QVector<double> &x, const QVector<double> &y)
{
    Q_ASSERT(x.size() == y.size());
    const Series &target = seriesAt(series);
    target.graph->setData(x, y, true);
    target.state->cleared();
    for (const double value : y)
        target.state->add(value);
    dataChanged();
}

void TimeSeriesPlot::appendData(int series, const QVector<double> &x, const QVector<double> &y)
{
    Q_ASSERT(x.size() == y.size());
    const Series &target = seriesAt(series);
    if (!x.isEmpty())
        noteInsertionBefore(target, x.front());
    target.graph->addData(x, y, true);
    for (const double value : y)
        target.state->add(value);
    dataChanged();
}

void TimeSeriesPlot::appendPoint(int series, double x, double y)
{
    const Series &target = seriesAt(series);
    noteInsertionBefore(target, x);
    target.graph->addData(x, y);
    target.state->add(y);
    dataChanged();
}

void TimeSeriesPlot::noteInsertionBefore(const Series &series, double x)
{
    // Points that do not come after the last one are sorted in among the
    // others: what was drawn of the series no longer holds.
    const QSharedPointer<QCPGraphDataContainer> points = series.graph->data();
    if (!points->isEmpty() && x < (points->constEnd() - 1)->key)
        series.state->rewritten();
}

void TimeSeriesPlot::clearData()
{
    for (const Series &series : m_series) {
        series.graph->data()->clear();
        series.state->cleared();
    }
    dataChanged();
}

bool TimeSeriesPlot::hasData() const
{
    return std::any_of(m_series.cbegin(), m_series.cend(),
                       [](const Series &series) { return !series.graph->data()->isEmpty(); });
}

int TimeSeriesPlot::pointCount(int series) const { return seriesAt(series).graph->dataCount(); }

void TimeSeriesPlot::dataChanged()
{
    updateAutoRanges();
    markDirty();
}

void TimeSeriesPlot::setXRange(double lower, double upper)
{
    m_fixedX = QCPRange(lower, upper);
    if (m_plot->xAxis->range() != *m_fixedX) {
        m_plot->xAxis->setRange(*m_fixedX);
        markDirty();
    }
}

void TimeSeriesPlot::setYRange(double lower, double upper)
{
    m_fixedY = QCPRange(lower, upper);
    if (m_plot->yAxis->range() != *m_fixedY) {
        m_plot->yAxis->setRange(*m_fixedY);
        m_marginStale = true;
        markDirty();
    }
}

void TimeSeriesPlot::setAutoXRange()
{
    m_fixedX.reset();
    updateAutoRanges();
}

void TimeSeriesPlot::setAutoYRange()
{
    m_fixedY.reset();
    updateAutoRanges();
}

QCPRange TimeSeriesPlot::xRange() const { return m_plot->xAxis->range(); }

QCPRange TimeSeriesPlot::yRange() const { return m_plot->yAxis->range(); }

QCPRange TimeSeriesPlot::dataXRange() const
{
    std::optional<QCPRange> range;
    for (const Series &series : m_series) {
        const QSharedPointer<QCPGraphDataContainer> points = series.graph->data();
        if (!points->isEmpty())
            unite(range, points->constBegin()->key, (points->constEnd() - 1)->key);
    }
    return range.value_or(QCPRange());
}

QCPRange TimeSeriesPlot::dataYRange() const
{
    const QCPRange shown = m_plot->xAxis->range();
    const QCPRange all = dataXRange();
    const bool everyPointShown = shown.lower <= all.lower && shown.upper >= all.upper;
    std::optional<QCPRange> range;
    for (const Series &series : m_series) {
        if (everyPointShown) {
            if (!series.state->isEmpty())
                unite(range, series.state->lower, series.state->upper);
            continue;
        }
        bool found = false;
        const QCPRange part = series.graph->data()->valueRange(found, QCP::sdBoth, shown);
        if (found)
            unite(range, part.lower, part.upper);
    }
    return range.value_or(QCPRange());
}

void TimeSeriesPlot::updateAutoRanges()
{
    if (!m_fixedX) {
        QCPRange x = hasData() ? dataXRange() : QCPRange(0, 1);
        if (x.size() <= 0)
            x.upper = x.lower + 1;
        if (m_plot->xAxis->range() != x) {
            m_plot->xAxis->setRange(x);
            markDirty();
        }
    }
    if (!m_fixedY) {
        const QCPRange values = dataYRange();
        const NiceScale::Bounds bounds = NiceScale::fromZero(values.lower, values.upper);
        const QCPRange y(bounds.lower, bounds.upper);
        if (m_plot->yAxis->range() != y) {
            m_plot->yAxis->setRange(y);
            m_marginStale = true;
            markDirty();
        }
    }
}

QPointF TimeSeriesPlot::pixelFor(double x, double y) const
{
    const QPointF inPlot(m_plot->xAxis->coordToPixel(x), m_plot->yAxis->coordToPixel(y));
    return inPlot + QPointF(m_plot->mapTo(this, QPoint(0, 0)));
}

int TimeSeriesPlot::leftMargin()
{
    if (m_marginStale) {
        // What a replot does before it draws: ticks, margins, geometry.
        QCPLayoutGrid *layout = m_plot->plotLayout();
        for (const auto phase : {QCPLayoutElement::upPreparation, QCPLayoutElement::upMargins,
                                 QCPLayoutElement::upLayout})
            layout->update(phase);
        m_marginStale = false;
    }
    return m_axisRect->margins().left();
}

void TimeSeriesPlot::setMinimumLeftMargin(int pixels)
{
    QMargins minimum = m_axisRect->minimumMargins();
    if (minimum.left() == pixels)
        return;
    minimum.setLeft(pixels);
    m_axisRect->setMinimumMargins(minimum);
    m_marginStale = true;
    markDirty();
}

void TimeSeriesPlot::markDirty()
{
    m_dirty = true;
    // Linked series get their points from another plot, which only says
    // that they changed.
    m_noDataText->setVisible(!m_noDataText->text().isEmpty() && !hasData());
}

bool TimeSeriesPlot::isDirty() const { return m_dirty; }

bool TimeSeriesPlot::refresh()
{
    if (!m_dirty || !isOnScreen())
        return false;
    replot();
    return true;
}

void TimeSeriesPlot::replot()
{
    m_dirty = false;
    // The buffers are drawn now; the widget repaint is left to the event
    // loop, which merges it with any other pending one.
    m_plot->replot(QCustomPlot::rpQueuedRefresh);
}

bool TimeSeriesPlot::willRedrawWhole() const
{
    return std::any_of(m_series.begin(), m_series.end(),
                       [](const Series &series) { return series.graph->willRedrawWhole(); });
}

bool TimeSeriesPlot::isOnScreen() const
{
    // The plot widget covers this one: ask it, not this, what is left to see.
    return m_plot->isVisible() && !m_plot->visibleRegion().isEmpty();
}

void TimeSeriesPlot::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitTicksAndLegendToSize();
    m_marginStale = true;
    markDirty();
}

bool TimeSeriesPlot::eventFilter(QObject *watched, QEvent *event)
{
    // A plot that missed updates while hidden or scrolled away catches up
    // the moment it is painted again.
    if (watched == m_plot && event->type() == QEvent::Paint && m_dirty)
        replot();
    return QWidget::eventFilter(watched, event);
}

void TimeSeriesPlot::arrangeLayout()
{
    QCPLayoutGrid *grid = m_plot->plotLayout();
    for (QCPLayoutElement *element :
         {static_cast<QCPLayoutElement *>(m_title), static_cast<QCPLayoutElement *>(m_legendRow),
          static_cast<QCPLayoutElement *>(m_axisRect)}) {
        if (element->layout() == grid)
            grid->take(element);
    }
    grid->simplify();
    // Elements out of the layout must not be drawn where they last stood.
    const bool titled = !m_title->text().isEmpty();
    const bool withLegend = m_legendVisible && !m_series.empty();
    m_title->setVisible(titled);
    m_legendRow->setVisible(withLegend);
    m_plot->legend->setVisible(withLegend);
    int row = 0;
    if (titled)
        grid->addElement(row++, 0, m_title);
    if (withLegend)
        grid->addElement(row++, 0, m_legendRow);
    grid->addElement(row, 0, m_axisRect);
    // Title and legend take the height they need; the plot takes the rest.
    for (int r = 0; r < row; ++r)
        grid->setRowStretchFactor(r, 0.001);
    grid->setRowStretchFactor(row, 1);
}

void TimeSeriesPlot::fitTicksAndLegendToSize()
{
    const QFontMetrics metrics(m_theme.font());
    QRect area = m_axisRect->rect();
    if (area.width() <= 0 || area.height() <= 0)
        area = QRect(0, 0, m_plot->width() * 4 / 5, m_plot->height() * 3 / 5);
    // A tick label needs its own width again as space on each side to stay
    // readable, and a text line and a half vertically.
    const int xLabelWidth = metrics.horizontalAdvance(u"00000"_s);
    m_plot->xAxis->ticker()->setTickCount(std::clamp(area.width() / (2 * xLabelWidth), 2, 10));
    m_plot->yAxis->ticker()->setTickCount(
        std::clamp(area.height() / (metrics.height() * 5 / 2), 2, 8));

    // As many legend entries to a row as fit.
    int widest = 1;
    for (const Series &series : m_series) {
        widest =
            std::max(widest, m_plot->legend->iconSize().width() + m_plot->legend->iconTextPadding()
                                 + metrics.horizontalAdvance(series.graph->name())
                                 + m_plot->legend->columnSpacing());
    }
    const int perRow = std::max(1, m_plot->width() / widest);
    if (m_plot->legend->wrap() != perRow) {
        m_plot->legend->setWrap(perRow);
        m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
    }
}
