#pragma once

#include "ColourBlindPalette.h"
#include "PlotGrid.h"

#include <QRandomGenerator>
#include <QStringList>
#include <cmath>
#include <limits>

// A dashboard the size of the real one (3 columns x 7 rows, 2 to 4 series a
// plot) filled with made-up but plausible curves, for screenshots and the
// benchmark. The numbers mean nothing; their shapes differ per column so
// that a screenshot shows whether the columns can be told apart.
namespace SyntheticDashboard {

struct RowSpec {
    QString title;
    QString unit;
    QStringList series;
    double scale; // the row's typical height
};

inline QList<RowSpec> rows()
{
    using namespace Qt::StringLiterals;
    return {
        {u"Throughput"_s, u"requests/s"_s, {u"completed"_s, u"failed"_s}, 4000},
        {u"Latency"_s, u"ms"_s, {u"p50"_s, u"p90"_s, u"p99"_s, u"longest wait"_s}, 120},
        {u"Failures"_s,
         u"per interval"_s,
         {u"connect"_s, u"receive"_s, u"timeout"_s, u"keep-alive close"_s},
         30},
        {u"Clients"_s, u"count"_s, {u"waiting"_s, u"thinking"_s, u"never served"_s}, 500},
        {u"Memory"_s, u"MiB"_s, {u"PSS"_s, u"RSS"_s, u"system used"_s}, 900},
        {u"Processes"_s, u"count"_s, {u"processes"_s, u"threads"_s}, 160},
        {u"CPU"_s, u"%"_s, {u"Apache"_s, u"system"_s}, 100},
    };
}

inline QStringList columns()
{
    using namespace Qt::StringLiterals;
    return {u"prefork"_s, u"worker"_s, u"event"_s};
}

inline QList<QColor> columnColours()
{
    return {ColourBlindPalette::colour(ColourBlindPalette::Colour::Vermillion),
            ColourBlindPalette::colour(ColourBlindPalette::Colour::Blue),
            ColourBlindPalette::colour(ColourBlindPalette::Colour::BluishGreen)};
}

// Builds the grid's columns, rows and series.
inline void build(PlotGrid &grid)
{
    using namespace Qt::StringLiterals;
    grid.setColumns(columns(), columnColours());
    const QList<RowSpec> specs = rows();
    for (const RowSpec &spec : specs) {
        const int row = grid.addRow(spec.title, spec.unit);
        for (int column = 0; column < grid.columnCount(); ++column) {
            for (int s = 0; s < spec.series.size(); ++s) {
                SeriesStyle style;
                style.colour = columnColours().at(column);
                style.penStyle = ColourBlindPalette::penStyle(s);
                style.stepLine = spec.unit == u"per interval"_s;
                grid.addSeries(row, column, spec.series.at(s), style);
            }
        }
    }
    grid.setXLabel(u"time (s)"_s);
}

// The value of series `s` of a row at time t (s) in a column: a ramp, a
// plateau that differs per column, some noise.
inline double value(const RowSpec &spec, int column, int s, double t, QRandomGenerator &random)
{
    const double ramp = 1.0 - std::exp(-t / 8.0);
    const double level = spec.scale * (0.45 + 0.25 * column) / (1.0 + 0.6 * s);
    const double wave = 0.08 * std::sin(t / (5.0 + column + s));
    const double noise = 0.06 * (random.generateDouble() - 0.5);
    return std::max(0.0, level * ramp * (1.0 + wave + noise));
}

// Points at `rate` per second over [from, to) seconds, for every series. A
// gap of NaN in the worker column's latency from 20 s to 26 s (no request
// completed there) shows that a missing value is not drawn as 0.
inline void fill(PlotGrid &grid, double from, double to, double rate, quint32 seed = 14)
{
    QRandomGenerator random(seed);
    const QList<RowSpec> specs = rows();
    for (int row = 0; row < specs.size(); ++row) {
        for (int column = 0; column < grid.columnCount(); ++column) {
            for (int s = 0; s < specs.at(row).series.size(); ++s) {
                QVector<double> xs;
                QVector<double> ys;
                for (double t = from; t < to; t += 1.0 / rate) {
                    xs.append(t);
                    const bool gap = row == 1 && column == 1 && t >= 20 && t < 26;
                    ys.append(gap ? std::numeric_limits<double>::quiet_NaN()
                                  : value(specs.at(row), column, s, t, random));
                }
                grid.setData(row, column, s, xs, ys);
            }
        }
    }
}

} // namespace SyntheticDashboard
