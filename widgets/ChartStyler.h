#pragma once

#include "PlotTheme.h"

class QAbstractAxis;
class QChart;
class QChartView;

// Puts a PlotTheme on Qt Charts: background, fonts, text and grid colours,
// the same as the QCustomPlot widgets wear.
class ChartStyler {
public:
    ChartStyler() = delete;

    static void apply(QChartView *view, const PlotTheme &theme);
    static void apply(QChart *chart, const PlotTheme &theme);
    static void apply(QAbstractAxis *axis, const PlotTheme &theme);
};
