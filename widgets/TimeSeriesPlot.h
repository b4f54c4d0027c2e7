#pragma once

#include "PlotTheme.h"
#include "QCustomPlotInclude.h"
#include "SeriesStyle.h"

#include <QVector>
#include <QWidget>
#include <memory>
#include <optional>
#include <vector>

// A plot of series over time (or any x) on one QCustomPlot: a bold title, a
// legend, axes labelled with their units, and NaN values drawn as gaps (a
// value that does not exist is never drawn as 0).
//
// Ranges follow the data unless fixed: x spans the data, y runs from 0 (or
// the lowest value, if negative) to a rounded bound above the highest, so a
// count is never shown with a false baseline. Drawing is separate from data:
// changes only mark the plot dirty; refresh() redraws it if it is on screen,
// replot() redraws it now. A dirty plot that comes on screen redraws itself.
class TimeSeriesPlot : public QWidget {
    Q_OBJECT

public:
    explicit TimeSeriesPlot(QWidget *parent = nullptr);
    ~TimeSeriesPlot() override;

    void setTitle(const QString &title);
    [[nodiscard]] QString title() const;
    void setXLabel(const QString &label);
    void setYLabel(const QString &label); // with its unit, e.g. "p99 (ms)"
    void setLegendVisible(bool visible);
    [[nodiscard]] bool isLegendVisible() const;
    void setNoDataText(const QString &text); // shown while no series has a point; "" for none
    void applyTheme(const PlotTheme &theme);

    // Returns the new series' index.
    int addSeries(const QString &name, const SeriesStyle &style);
    // A series that shows another plot's series: the same points, no copy.
    // Data added there appears here at this plot's next replot.
    int addLinkedSeries(const QString &name, const SeriesStyle &style, const TimeSeriesPlot &source,
                        int sourceSeries);
    [[nodiscard]] int seriesCount() const;
    [[nodiscard]] QString seriesName(int series) const;

    // Appends are cheapest when x does not decrease: only what was added is
    // drawn at the next replot. An earlier x is sorted in, and redrawn whole.
    void setData(int series, const QVector<double> &x, const QVector<double> &y);
    void appendData(int series, const QVector<double> &x, const QVector<double> &y);
    void appendPoint(int series, double x, double y);
    void clearData();
    [[nodiscard]] bool hasData() const;
    [[nodiscard]] int pointCount(int series) const;

    void setXRange(double lower, double upper); // fixed until setAutoXRange()
    void setYRange(double lower, double upper); // fixed until setAutoYRange()
    void setAutoXRange();
    void setAutoYRange();
    [[nodiscard]] QCPRange xRange() const;
    [[nodiscard]] QCPRange yRange() const;
    // Over every point (NaN ignored); QCPRange() without data.
    [[nodiscard]] QCPRange dataXRange() const;
    // Over the points within the x range shown (NaN ignored); QCPRange()
    // when there are none.
    [[nodiscard]] QCPRange dataYRange() const;

    // Where a data point lands in this widget's coordinates (as of the last
    // layout of the plot).
    [[nodiscard]] QPointF pixelFor(double x, double y) const;
    // The margin left of the plot area: what the y tick labels need, or the
    // minimum given, whichever is wider. Plots stacked in a column line up
    // when they share the widest. Measured (laid out, not drawn) when the y
    // range, the size or the theme changed since.
    [[nodiscard]] int leftMargin();
    void setMinimumLeftMargin(int pixels);

    void markDirty();
    [[nodiscard]] bool isDirty() const;
    // Redraws if dirty and at least partly on screen; returns whether it did.
    bool refresh();
    // Redraws now, shown or not.
    void replot();
    // Whether the next redraw draws a line again in whole (see CachedGraph)
    // rather than only the points that arrived.
    [[nodiscard]] bool willRedrawWhole() const;
    // Whether any of it is visible now (not hidden, not scrolled away).
    [[nodiscard]] bool isOnScreen() const;

protected:
    void resizeEvent(QResizeEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Series;

    [[nodiscard]] const Series &seriesAt(int series) const;
    void applySeriesStyle(const Series &series);
    static void noteInsertionBefore(const Series &series, double x);
    void arrangeLayout();
    void fitTicksAndLegendToSize();
    void updateAutoRanges();
    void dataChanged();

    QCustomPlot *m_plot = nullptr;
    QCPAxisRect *m_axisRect = nullptr;
    QCPTextElement *m_title = nullptr;
    QCPLayoutGrid *m_legendRow = nullptr;
    QCPItemText *m_noDataText = nullptr;
    std::vector<Series> m_series;
    PlotTheme m_theme;
    std::optional<QCPRange> m_fixedX;
    std::optional<QCPRange> m_fixedY;
    bool m_legendVisible = true;
    bool m_dirty = true;
    bool m_marginStale = true;
};
