#include "PercentileChart.h"

#include "ChartStyler.h"
#include "NiceScale.h"

#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QLogValueAxis>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace {

constexpr double fewestDecades = 3; // the axis reaches 99.9% at least
constexpr double maxOffset = 0.5;   // decades beyond the last one: where "max" stands
constexpr double endPadding = 0.15; // decades after the last label, so that it fits
constexpr double markerSize = 7;    // px at the normal size

// Qt Charts drops "%g" labels when numbers are localised: a fixed-point
// format with as many decimals as the smallest step needs.
QString fixedFormat(double step)
{
    const int decimals = step > 0 ? std::max(0, int(-std::floor(std::log10(step) + 1e-9))) : 0;
    return u"%.%1f"_s.arg(decimals);
}

// 90%, 99%, 99.9%... for decade 1, 2, 3...
QString decadeLabel(int decade)
{
    const int decimals = std::max(0, decade - 2);
    return QLocale().toString(100.0 - std::pow(10.0, 2 - decade), 'f', decimals) + u'%';
}

} // namespace

PercentileChart::PercentileChart(QWidget *parent)
    : QWidget(parent)
    , m_view(new QChartView(this))
    , m_chart(new QChart)
    , m_maxLabel(tr("max"))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    m_view->setChart(m_chart);
    m_chart->setLocalizeNumbers(true);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->legend()->setMarkerShape(QLegend::MarkerShapeFromSeries);
    applyTheme(PlotTheme{});
}

PercentileChart::~PercentileChart() = default;

void PercentileChart::setTitle(const QString &title) { m_chart->setTitle(title); }

void PercentileChart::setYLabel(const QString &label)
{
    m_yLabel = label;
    if (m_yAxis)
        m_yAxis->setTitleText(label);
}

void PercentileChart::setMaxLabel(const QString &label)
{
    m_maxLabel = label;
    rebuild();
}

void PercentileChart::setLogScale(bool logScale)
{
    m_logScale = logScale;
    rebuild();
}

bool PercentileChart::isLogScale() const { return m_logScale; }

void PercentileChart::addCurve(const QString &name, const QColor &colour,
                               const QList<QPointF> &points)
{
    SeriesStyle style;
    style.colour = colour;
    addCurve(name, style, points);
}

void PercentileChart::addCurve(const QString &name, const SeriesStyle &style,
                               const QList<QPointF> &points)
{
    Curve curve{name, style, points};
    std::sort(curve.points.begin(), curve.points.end(),
              [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); });
    m_curves.append(curve);
    rebuild();
}

void PercentileChart::clear()
{
    m_curves.clear();
    rebuild();
}

void PercentileChart::applyTheme(const PlotTheme &theme)
{
    m_theme = theme;
    ChartStyler::apply(m_view, theme);
    rebuild();
}

double PercentileChart::percentileToX(double percentile)
{
    if (percentile >= 100)
        return std::numeric_limits<double>::infinity();
    return std::log10(100.0 / (100.0 - percentile));
}

double PercentileChart::lastDecade() const
{
    double furthest = fewestDecades;
    for (const Curve &curve : m_curves) {
        for (const QPointF &point : curve.points) {
            if (point.x() < 100)
                furthest = std::max(furthest, std::ceil(percentileToX(point.x()) - 1e-9));
        }
    }
    return furthest;
}

double PercentileChart::xFor(double percentile) const
{
    return percentile >= 100 ? lastDecade() + maxOffset : percentileToX(percentile);
}

QStringList PercentileChart::xLabels() const
{
    QStringList labels;
    if (m_xAxis) {
        const QStringList categories = m_xAxis->categoriesLabels();
        for (const QString &category : categories)
            labels.append(category);
    }
    return labels;
}

void PercentileChart::rebuild()
{
    m_chart->removeAllSeries();
    m_series.clear();
    for (QAbstractAxis *axis : m_chart->axes()) {
        m_chart->removeAxis(axis);
        delete axis;
    }

    const bool hasMax = std::any_of(m_curves.cbegin(), m_curves.cend(), [](const Curve &curve) {
        return !curve.points.isEmpty() && curve.points.back().x() >= 100;
    });
    const double decades = lastDecade();
    m_xAxis = new QCategoryAxis;
    m_xAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_xAxis->setStartValue(0);
    m_xAxis->append(u"50%"_s, percentileToX(50));
    for (int decade = 1; decade <= int(decades); ++decade)
        m_xAxis->append(decadeLabel(decade), decade);
    if (hasMax)
        m_xAxis->append(m_maxLabel, decades + maxOffset);
    m_xAxis->setRange(0, (hasMax ? decades + maxOffset : decades) + endPadding);

    double lowest = std::numeric_limits<double>::infinity();
    double highest = 0;
    const qreal scale = m_theme.lineScale();
    for (const Curve &curve : std::as_const(m_curves)) {
        auto *series = new QLineSeries;
        series->setName(curve.name);
        QPen pen(curve.style.colour, curve.style.width * scale, curve.style.penStyle);
        pen.setCapStyle(Qt::FlatCap);
        series->setPen(pen);
        series->setPointsVisible(true);
        series->setMarkerSize(markerSize * scale);
        for (const QPointF &point : curve.points) {
            // A log axis has no place for 0 ms; NaN is no measurement.
            if (std::isnan(point.y()) || (m_logScale && point.y() <= 0))
                continue;
            series->append(xFor(point.x()), point.y());
            lowest = std::min(lowest, point.y());
            highest = std::max(highest, point.y());
        }
        m_chart->addSeries(series);
        m_series.append(series);
    }

    if (m_logScale) {
        auto *axis = new QLogValueAxis;
        axis->setBase(10);
        const double bottom =
            std::isfinite(lowest) ? std::pow(10.0, std::floor(std::log10(lowest))) : 0.1;
        const double top = highest > 0 ? std::pow(10.0, std::ceil(std::log10(highest))) : 10;
        axis->setRange(bottom, std::max(top, bottom * 10));
        axis->setLabelFormat(fixedFormat(bottom));
        axis->setMinorTickCount(8);
        m_yAxis = axis;
    } else {
        auto *axis = new QValueAxis;
        axis->setRange(0, NiceScale::upperBound(highest));
        axis->applyNiceNumbers();
        axis->setLabelFormat(fixedFormat(axis->max() / std::max(1, axis->tickCount() - 1)));
        m_yAxis = axis;
    }
    m_yAxis->setTitleText(m_yLabel);
    m_chart->addAxis(m_xAxis, Qt::AlignBottom);
    m_chart->addAxis(m_yAxis, Qt::AlignLeft);
    for (QLineSeries *series : std::as_const(m_series)) {
        series->attachAxis(m_xAxis);
        series->attachAxis(m_yAxis);
    }
    ChartStyler::apply(m_xAxis, m_theme);
    ChartStyler::apply(m_yAxis, m_theme);
    if (m_logScale) {
        // The 2..9 lines of each decade, fainter than the decades'.
        QColor minor = m_theme.grid();
        minor.setAlphaF(0.5);
        m_yAxis->setMinorGridLinePen(QPen(minor, 1));
        m_yAxis->setMinorGridLineVisible(true);
    }
    m_chart->legend()->setVisible(!m_curves.isEmpty());
}

QPointF PercentileChart::pixelFor(double percentile, double ms) const
{
    if (m_series.isEmpty())
        return {};
    const QPointF inChart = m_chart->mapToPosition(QPointF(xFor(percentile), ms), m_series.front());
    return m_view->mapTo(this, m_view->mapFromScene(m_chart->mapToScene(inChart)));
}
