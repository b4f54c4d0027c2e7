#pragma once

#include "PlotTheme.h"
#include "QCustomPlotInclude.h"
#include "RedrawBudget.h"
#include "SeriesStyle.h"

#include <QColor>
#include <QList>
#include <QStringList>
#include <QVector>
#include <QWidget>
#include <chrono>
#include <memory>
#include <optional>
#include <vector>

class QGridLayout;
class QLabel;
class SeriesKey;
class TimeSeriesPlot;

// Rows x columns of TimeSeriesPlot: one column per compared subject (titles
// on top), one row per measure (title and unit at the left).
//
// Axes are shared so that heights compare honestly: every plot of a row has
// the same y range, from 0 to a rounded bound above the row's highest value,
// and all plots the same x range. In overlay mode each row is one plot that
// holds every column's series, named "column – series" (with a key of
// column colours on top when the colours stand for the columns).
//
// Appending only records points and marks plots dirty. The owner calls
// refresh() on its 100–250 ms timer: it recomputes the shared ranges (from
// running minima and maxima, not a pass over the points) and redraws the
// dirty plots that are on screen, never hidden ones. A redraw draws only
// the points that arrived, unless a range moved: then every line is drawn
// again. Such redraws take turns, a time budget each (6 ms by default):
// the plots past it keep their picture a moment longer and are redrawn at
// the next turns of the event loop, so that the window stays responsive
// and no refresh takes much longer than a frame.
class PlotGrid : public QWidget {
    Q_OBJECT

public:
    explicit PlotGrid(QWidget *parent = nullptr);
    ~PlotGrid() override;

    // Starts a new grid: removes every row. Colours, when given, underline
    // the titles (one per column).
    void setColumns(const QStringList &titles, const QList<QColor> &colours = {});
    [[nodiscard]] QStringList columnTitles() const;
    [[nodiscard]] int columnCount() const;
    // Returns the new row's index.
    int addRow(const QString &title, const QString &unit);
    [[nodiscard]] int rowCount() const;
    // Returns the series' index within its plot (and its cell).
    int addSeries(int row, int column, const QString &name, const SeriesStyle &style);
    void setXLabel(const QString &label); // under the bottom row, e.g. "time (s)"
    void setNoDataText(const QString &text);

    // x must not decrease from one append to the next within a series.
    void append(int row, int column, int series, double x, double y);
    void setData(int row, int column, int series, const QVector<double> &xs,
                 const QVector<double> &ys);
    void clear(); // every point; rows and series stay

    // Without a fixed range, x runs from the first point to a little beyond
    // the last and holds there until the data reaches it (then jumps a
    // little further): a fixed range (the planned run length, or the exact
    // span of a finished run) replaces that.
    void setXRange(double lower, double upper);
    void setAutoXRange();

    void setOverlay(bool overlay);
    [[nodiscard]] bool isOverlay() const;
    void setPresentation(bool presentation);
    void applyTheme(const PlotTheme &theme);
    [[nodiscard]] const PlotTheme &theme() const;

    // Recomputes the shared ranges and redraws the dirty plots on screen.
    // Returns how many plots it redrew.
    int refresh();
    // How long a refresh may spend on plots that draw every line again (at
    // least one is always redrawn).
    void setRedrawBudget(std::chrono::milliseconds limit);
    // Whether plots on screen still wait for their redraw after a refresh.
    [[nodiscard]] bool hasPendingRedraws() const;

    // The plot in a cell, and a row's overlay plot: to inspect and export.
    [[nodiscard]] TimeSeriesPlot *plot(int row, int column) const;
    [[nodiscard]] TimeSeriesPlot *overlayPlot(int row) const;

private:
    struct Row;
    struct Column;

    [[nodiscard]] Row &rowAt(int row) const;
    [[nodiscard]] QList<TimeSeriesPlot *> allPlots() const;
    void updateVisibility();
    void applyThemeToLabels();
    void alignLeftMargins();
    [[nodiscard]] QCPRange heldXRange();
    int redrawWithinBudget();
    static void updateKey(Row &row);

    QGridLayout *m_grid = nullptr;
    std::vector<Column> m_columns;
    QList<QColor> m_columnColours;
    std::vector<std::unique_ptr<Row>> m_rows;
    QLabel *m_xLabel = nullptr;
    SeriesKey *m_columnKey = nullptr; // colour to column, for the overlay
    QString m_noDataText;
    PlotTheme m_theme;
    std::optional<QCPRange> m_fixedX;
    std::optional<QCPRange> m_heldX;
    RedrawBudget m_budget;
    int m_leftMargin = 0;
    bool m_overlay = false;
    bool m_catchUpScheduled = false;
};
