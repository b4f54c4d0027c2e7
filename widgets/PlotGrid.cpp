#include "PlotGrid.h"

#include "NiceScale.h"
#include "SeriesKey.h"
#include "TimeSeriesPlot.h"

#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QSet>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

void unite(std::optional<QCPRange> &range, const QCPRange &part)
{
    if (range) {
        range->lower = std::min(range->lower, part.lower);
        range->upper = std::max(range->upper, part.upper);
    } else {
        range = part;
    }
}

constexpr int rowTitleWidthInChars = 16; // row titles wrap beyond this
constexpr int underlineWidth = 4;        // px under a column title, in its colour

// Colour tells the columns apart when every column draws all its series in
// one colour: then the key shows dash patterns only.
bool colourMeansColumn(const QList<QList<SeriesKey::Item>> &columns)
{
    for (const QList<SeriesKey::Item> &items : columns) {
        for (const SeriesKey::Item &item : items) {
            if (item.style.colour != items.front().style.colour)
                return false;
        }
    }
    return true;
}

} // namespace

struct PlotGrid::Row {
    QWidget *header = nullptr; // title, unit and the key to the row's lines
    QLabel *label = nullptr;
    SeriesKey *key = nullptr;
    QList<TimeSeriesPlot *> plots;        // one per column
    QList<QList<SeriesKey::Item>> series; // per column
    TimeSeriesPlot *overlay = nullptr;
};

struct PlotGrid::Column {
    QWidget *header = nullptr;
    QLabel *title = nullptr;
    QFrame *underline = nullptr; // in the column's colour
};

PlotGrid::PlotGrid(QWidget *parent)
    : QWidget(parent)
    , m_grid(new QGridLayout(this))
    , m_xLabel(new QLabel(this))
    , m_columnKey(new SeriesKey(this))
{
    m_xLabel->hide();
    m_columnKey->setOrientation(Qt::Horizontal);
    m_columnKey->hide();
    m_grid->setHorizontalSpacing(10);
    m_grid->setVerticalSpacing(4);
    setAutoFillBackground(true);
    applyTheme(PlotTheme{});
}

PlotGrid::~PlotGrid() = default;

void PlotGrid::setColumns(const QStringList &titles, const QList<QColor> &colours)
{
    // The layout keeps the stretch of rows and columns that are gone.
    for (int row = 0; row < rowCount(); ++row)
        m_grid->setRowStretch(row + 1, 0);
    for (int column = 0; column < columnCount(); ++column)
        m_grid->setColumnStretch(column + 1, 0);
    for (const auto &row : m_rows) {
        delete row->header;
        qDeleteAll(row->plots);
        delete row->overlay;
    }
    m_rows.clear();
    for (const Column &column : std::as_const(m_columns))
        delete column.header;
    m_columns.clear();
    m_columnColours = colours;
    m_leftMargin = 0;
    m_heldX.reset();
    // In overlay mode the columns are told apart by colour alone: a key
    // above the plots says which is which.
    QList<SeriesKey::Item> columnItems;
    for (qsizetype i = 0; i < std::min(titles.size(), colours.size()); ++i) {
        SeriesStyle style;
        style.colour = colours.at(i);
        columnItems.append({titles.at(i), style});
    }
    m_columnKey->setItems(columnItems);
    m_grid->removeWidget(m_columnKey);
    m_grid->addWidget(m_columnKey, 0, 1, 1, std::max(1, int(titles.size())));
    for (qsizetype i = 0; i < titles.size(); ++i) {
        Column column;
        column.header = new QWidget(this);
        auto *layout = new QVBoxLayout(column.header);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(2);
        column.title = new QLabel(titles.at(i), column.header);
        column.title->setAlignment(Qt::AlignCenter);
        column.underline = new QFrame(column.header);
        column.underline->setAutoFillBackground(true);
        layout->addWidget(column.title);
        layout->addWidget(column.underline);
        m_grid->addWidget(column.header, 0, int(i) + 1);
        m_grid->setColumnStretch(int(i) + 1, 1);
        m_columns.push_back(column);
    }
    applyThemeToLabels();
    updateVisibility();
}

QStringList PlotGrid::columnTitles() const
{
    QStringList titles;
    for (const Column &column : m_columns)
        titles.append(column.title->text());
    return titles;
}

int PlotGrid::columnCount() const { return int(m_columns.size()); }

int PlotGrid::addRow(const QString &title, const QString &unit)
{
    auto row = std::make_unique<Row>();
    const int index = rowCount();
    const int gridRow = index + 1;
    row->header = new QWidget(this);
    auto *header = new QVBoxLayout(row->header);
    header->setContentsMargins(0, 0, 0, 0);
    row->label = new QLabel(row->header);
    row->label->setTextFormat(Qt::RichText);
    row->label->setText(u"<b>%1</b> (%2)"_s.arg(title.toHtmlEscaped(), unit.toHtmlEscaped()));
    row->label->setWordWrap(true);
    row->key = new SeriesKey(row->header);
    header->addStretch(1);
    header->addWidget(row->label);
    header->addWidget(row->key);
    header->addStretch(1);
    m_grid->addWidget(row->header, gridRow, 0);
    const auto newPlot = [this] {
        auto *plot = new TimeSeriesPlot(this);
        plot->applyTheme(m_theme);
        plot->setNoDataText(m_noDataText);
        plot->setMinimumLeftMargin(m_leftMargin);
        plot->setMinimumSize(120, 60);
        return plot;
    };
    for (int column = 0; column < columnCount(); ++column) {
        row->plots.append(newPlot());
        // The row's key says which line is which: a legend in every cell
        // would repeat it and take height from the plots.
        row->plots.back()->setLegendVisible(false);
        m_grid->addWidget(row->plots.back(), gridRow, column + 1);
    }
    row->series.resize(columnCount());
    row->overlay = newPlot();
    m_grid->addWidget(row->overlay, gridRow, 1, 1, std::max(1, columnCount()));
    m_grid->setRowStretch(gridRow, 1);

    // The x axis' name goes under the bottom row, outside the plots, so that
    // the plots of every row keep the same height.
    m_grid->removeWidget(m_xLabel);
    m_grid->addWidget(m_xLabel, gridRow + 1, 1, 1, std::max(1, columnCount()), Qt::AlignHCenter);

    m_rows.push_back(std::move(row));
    applyThemeToLabels();
    updateVisibility();
    return index;
}

int PlotGrid::rowCount() const { return int(m_rows.size()); }

PlotGrid::Row &PlotGrid::rowAt(int row) const
{
    Q_ASSERT(row >= 0 && row < rowCount());
    return *m_rows.at(size_t(row));
}

int PlotGrid::addSeries(int row, int column, const QString &name, const SeriesStyle &style)
{
    Row &target = rowAt(row);
    TimeSeriesPlot *cell = target.plots.at(column);
    const int series = cell->addSeries(name, style);
    target.overlay->addLinkedSeries(
        u"%1 – %2"_s.arg(m_columns.at(size_t(column)).title->text(), name), style, *cell, series);
    target.series[column].append({name, style});
    updateKey(target);
    updateVisibility();
    return series;
}

void PlotGrid::updateKey(Row &row)
{
    // Each name once, in the style of the first column that has it.
    QList<SeriesKey::Item> items;
    QSet<QString> named;
    for (const QList<SeriesKey::Item> &column : std::as_const(row.series)) {
        for (const SeriesKey::Item &item : column) {
            if (!named.contains(item.name)) {
                named.insert(item.name);
                items.append(item);
            }
        }
    }
    row.key->setItems(items);
    row.key->setSamplesInTextColour(colourMeansColumn(row.series));
}

void PlotGrid::setXLabel(const QString &label)
{
    m_xLabel->setText(label);
    m_xLabel->setVisible(!label.isEmpty());
}

void PlotGrid::setNoDataText(const QString &text)
{
    m_noDataText = text;
    for (TimeSeriesPlot *plot : allPlots())
        plot->setNoDataText(text);
}

void PlotGrid::append(int row, int column, int series, double x, double y)
{
    rowAt(row).plots.at(column)->appendPoint(series, x, y);
    // The row's overlay shows these points without a copy: it only needs
    // to know that they changed.
    rowAt(row).overlay->markDirty();
}

void PlotGrid::setData(int row, int column, int series, const QVector<double> &xs,
                       const QVector<double> &ys)
{
    rowAt(row).plots.at(column)->setData(series, xs, ys);
    rowAt(row).overlay->markDirty();
}

void PlotGrid::clear()
{
    m_heldX.reset();
    for (const auto &row : m_rows) {
        for (TimeSeriesPlot *plot : row->plots)
            plot->clearData();
        row->overlay->markDirty();
    }
}

void PlotGrid::setXRange(double lower, double upper) { m_fixedX = QCPRange(lower, upper); }

void PlotGrid::setAutoXRange() { m_fixedX.reset(); }

void PlotGrid::setOverlay(bool overlay)
{
    if (m_overlay == overlay)
        return;
    m_overlay = overlay;
    updateVisibility();
}

bool PlotGrid::isOverlay() const { return m_overlay; }

void PlotGrid::setPresentation(bool presentation)
{
    PlotTheme theme = m_theme;
    theme.presentation = presentation;
    applyTheme(theme);
}

void PlotGrid::applyTheme(const PlotTheme &theme)
{
    m_theme = theme;
    setPalette(theme.palette(palette()));
    // Margins are measured again in the new fonts.
    m_leftMargin = 0;
    for (TimeSeriesPlot *plot : allPlots()) {
        plot->applyTheme(theme);
        plot->setMinimumLeftMargin(0);
    }
    applyThemeToLabels();
}

const PlotTheme &PlotGrid::theme() const { return m_theme; }

void PlotGrid::applyThemeToLabels()
{
    for (size_t i = 0; i < m_columns.size(); ++i) {
        const Column &column = m_columns.at(i);
        column.title->setFont(m_theme.titleFont());
        column.underline->setFixedHeight(qRound(underlineWidth * m_theme.lineScale()));
        QPalette palette = column.underline->palette();
        palette.setColor(QPalette::Window, m_columnColours.value(qsizetype(i), m_theme.grid()));
        column.underline->setPalette(palette);
    }
    m_xLabel->setFont(m_theme.font());
    m_columnKey->applyTheme(m_theme);
    for (const auto &row : m_rows) {
        row->label->setFont(m_theme.font());
        row->label->setMaximumWidth(QFontMetrics(m_theme.font()).averageCharWidth()
                                    * rowTitleWidthInChars);
        row->key->applyTheme(m_theme);
    }
}

void PlotGrid::updateVisibility()
{
    for (const Column &column : std::as_const(m_columns))
        column.header->setVisible(!m_overlay);
    const bool columnsByColour = m_overlay && !m_columnColours.isEmpty();
    m_columnKey->setVisible(columnsByColour);
    for (const auto &row : m_rows) {
        for (TimeSeriesPlot *plot : row->plots)
            plot->setVisible(!m_overlay);
        row->overlay->setVisible(m_overlay);
        // Overlaid, a row whose colours stand for the columns keeps its key
        // (dash pattern: series) beside the column key (colour: column);
        // any other needs its plot's legend, "column – series".
        const bool keyed = columnsByColour && colourMeansColumn(row->series);
        row->key->setVisible(!m_overlay || keyed);
        row->overlay->setLegendVisible(m_overlay && !keyed);
    }
}

QList<TimeSeriesPlot *> PlotGrid::allPlots() const
{
    QList<TimeSeriesPlot *> plots;
    for (const auto &row : m_rows) {
        plots.append(row->plots);
        plots.append(row->overlay);
    }
    return plots;
}

QCPRange PlotGrid::heldXRange()
{
    std::optional<QCPRange> extent;
    for (const auto &row : m_rows) {
        for (const TimeSeriesPlot *plot : row->plots) {
            if (plot->hasData())
                unite(extent, plot->dataXRange());
        }
    }
    if (!extent)
        return QCPRange(0, 1);
    // The axis holds still until the data reaches its end, then jumps a
    // little beyond: a reader can follow it, and the plots only draw what
    // arrived instead of everything, rescaled, at every refresh.
    if (!m_heldX || extent->lower != m_heldX->lower || extent->upper > m_heldX->upper) {
        m_heldX = QCPRange(extent->lower,
                           std::max(extent->lower + 1, NiceScale::growthBound(extent->upper)));
    }
    return *m_heldX;
}

int PlotGrid::refresh()
{
    // Shared ranges come from each series' running extremes: a few
    // comparisons per series, whatever the number of points.
    const QCPRange shownX = m_fixedX.value_or(heldXRange());
    for (const auto &row : m_rows) {
        for (TimeSeriesPlot *plot : row->plots)
            plot->setXRange(shownX.lower, shownX.upper);
        row->overlay->setXRange(shownX.lower, shownX.upper);
        std::optional<QCPRange> y;
        for (const TimeSeriesPlot *plot : row->plots) {
            if (plot->hasData())
                unite(y, plot->dataYRange());
        }
        const QCPRange values = y.value_or(QCPRange());
        const NiceScale::Bounds shownY = NiceScale::fromZero(values.lower, values.upper);
        for (TimeSeriesPlot *plot : row->plots)
            plot->setYRange(shownY.lower, shownY.upper);
        row->overlay->setYRange(shownY.lower, shownY.upper);
    }

    alignLeftMargins();
    return redrawWithinBudget();
}

void PlotGrid::setRedrawBudget(std::chrono::milliseconds limit) { m_budget.setLimit(limit); }

bool PlotGrid::hasPendingRedraws() const { return m_catchUpScheduled; }

int PlotGrid::redrawWithinBudget()
{
    // Plots that are hidden or scrolled away stay dirty and catch up when
    // they are painted again. Of those on screen, the ones that draw only
    // the points that arrived are redrawn now; those that draw every line
    // again (a range moved) while the budget lasts, and the rest at the next
    // turns of the event loop, a budget each, after the window's repaint.
    int redrawn = 0;
    bool deferred = false;
    m_budget.begin();
    for (TimeSeriesPlot *plot : allPlots()) {
        if (!plot->isDirty() || !plot->isOnScreen())
            continue;
        if (plot->willRedrawWhole() && !m_budget.allowsWholeRedraw()) {
            deferred = true;
            continue;
        }
        if (plot->refresh())
            ++redrawn;
    }
    if (deferred && !m_catchUpScheduled) {
        m_catchUpScheduled = true;
        QTimer::singleShot(0, this, [this] {
            m_catchUpScheduled = false;
            redrawWithinBudget();
        });
    }
    return redrawn;
}

void PlotGrid::alignLeftMargins()
{
    // Every plot gets the widest left margin seen, so that the time axes of
    // a column line up from row to row. It only grows (until the theme
    // changes): axes that jumped sideways with every new tick label width
    // would be harder to read than a little spare room.
    int widest = m_leftMargin;
    for (TimeSeriesPlot *plot : allPlots())
        widest = std::max(widest, plot->leftMargin());
    if (widest == m_leftMargin)
        return;
    m_leftMargin = widest;
    for (TimeSeriesPlot *plot : allPlots())
        plot->setMinimumLeftMargin(widest);
}

TimeSeriesPlot *PlotGrid::plot(int row, int column) const { return rowAt(row).plots.at(column); }

TimeSeriesPlot *PlotGrid::overlayPlot(int row) const { return rowAt(row).overlay; }
