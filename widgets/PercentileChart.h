#pragma once

#include "PlotTheme.h"
#include "SeriesStyle.h"

#include <QList>
#include <QPointF>
#include <QWidget>

class QAbstractAxis;
class QCategoryAxis;
class QChart;
class QChartView;
class QLineSeries;

// Latency by percentile, one curve per subject (Qt Charts). The x axis is
// spaced by log10(1 / (1 - p)), as HdrHistogram plots are: 90%, 99%, 99.9%
// and 99.99% stand one decade apart and the tail gets the room it deserves
// (50% sits at 0.3 of a decade from 0%). A point at 100% (the maximum) is
// drawn at the axis' end, labelled "max". y is in ms, linear or log.
class PercentileChart : public QWidget {
    Q_OBJECT

public:
    explicit PercentileChart(QWidget *parent = nullptr);
    ~PercentileChart() override;

    void setTitle(const QString &title);
    void setYLabel(const QString &label);   // e.g. "latency (ms)"
    void setMaxLabel(const QString &label); // "max" by default
    void setLogScale(bool logScale);
    [[nodiscard]] bool isLogScale() const;

    // points: (percentile in %, milliseconds), in any order.
    void addCurve(const QString &name, const QColor &colour, const QList<QPointF> &points);
    void addCurve(const QString &name, const SeriesStyle &style, const QList<QPointF> &points);
    void clear();
    void applyTheme(const PlotTheme &theme);

    // Where a percentile lies on the x axis: log10(1 / (1 - p/100)).
    [[nodiscard]] static double percentileToX(double percentile);
    // The tick labels of the x axis, left to right ("50%", "90%", ...).
    [[nodiscard]] QStringList xLabels() const;
    // Where a (percentile, ms) point is drawn, in this widget's coordinates.
    [[nodiscard]] QPointF pixelFor(double percentile, double ms) const;

private:
    struct Curve {
        QString name;
        SeriesStyle style;
        QList<QPointF> points;
    };

    void rebuild();
    [[nodiscard]] double lastDecade() const;
    [[nodiscard]] double xFor(double percentile) const;

    QChartView *m_view = nullptr;
    QChart *m_chart = nullptr;
    QCategoryAxis *m_xAxis = nullptr;
    QAbstractAxis *m_yAxis = nullptr;
    QList<Curve> m_curves;
    QList<QLineSeries *> m_series;
    QString m_yLabel;
    QString m_maxLabel;
    PlotTheme m_theme;
    bool m_logScale = false;
};
