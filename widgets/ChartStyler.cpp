#include "ChartStyler.h"

#include <QAbstractAxis>
#include <QChart>
#include <QChartView>
#include <QGraphicsLayout>
#include <QLegend>

void ChartStyler::apply(QChartView *view, const PlotTheme &theme)
{
    // The chart fills its view edge to edge, in the theme's background.
    view->setFrameShape(QFrame::NoFrame);
    view->setBackgroundBrush(theme.background());
    view->setRenderHint(QPainter::Antialiasing);
    view->chart()->setMargins(QMargins(4, 4, 4, 4));
    view->chart()->layout()->setContentsMargins(0, 0, 0, 0);
    apply(view->chart(), theme);
}

void ChartStyler::apply(QChart *chart, const PlotTheme &theme)
{
    chart->setBackgroundBrush(theme.background());
    chart->setBackgroundRoundness(0);
    chart->setPlotAreaBackgroundVisible(false);
    chart->setTitleFont(theme.titleFont());
    chart->setTitleBrush(theme.foreground());
    chart->legend()->setFont(theme.font());
    chart->legend()->setLabelColor(theme.foreground());
    // Axes are themed as they are attached; this catches those already there.
    const auto axes = chart->axes();
    for (QAbstractAxis *axis : axes)
        apply(axis, theme);
}

void ChartStyler::apply(QAbstractAxis *axis, const PlotTheme &theme)
{
    axis->setLabelsFont(theme.font());
    axis->setLabelsColor(theme.foreground());
    axis->setTitleFont(theme.font());
    axis->setTitleBrush(theme.foreground());
    axis->setLinePen(QPen(theme.foreground(), theme.lineScale()));
    axis->setGridLinePen(QPen(theme.grid(), 1));
    axis->setMinorGridLineVisible(false);
}
