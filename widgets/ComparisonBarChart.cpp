#include "ComparisonBarChart.h"

#include "ChartStyler.h"
#include "NiceScale.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QGraphicsPathItem>
#include <QGraphicsRectItem>
#include <QGraphicsTextItem>
#include <QLegend>
#include <QLocale>
#include <QStackedBarSeries>
#include <QTextDocument>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

constexpr qreal barWidth = 0.6;      // of a category's width
constexpr qreal capWidth = 0.2;      // of a category's width: the whisker's ends
constexpr qreal labelHeadroom = 1.2; // the axis reaches this far above the highest bar,
                                     // leaving room for its label
constexpr qreal decorationZ = 10;    // above the bars

} // namespace

ComparisonBarChart::ComparisonBarChart(QWidget *parent)
    : QWidget(parent)
    , m_view(new QChartView(this))
    , m_chart(new QChart)
    , m_bars(new QStackedBarSeries(m_chart))
    , m_categories(new QBarCategoryAxis(m_chart))
    , m_valueAxis(new QValueAxis(m_chart))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    m_view->setChart(m_chart);
    m_chart->setLocalizeNumbers(true);
    m_chart->legend()->setVisible(false); // the subjects are the category labels
    // A bar per subject: each subject is a set with its value in its own
    // category and 0 elsewhere, stacked, so every bar is full width and
    // keeps its subject's colour.
    m_bars->setBarWidth(barWidth);
    m_chart->addSeries(m_bars);
    // MPM names are short: written whole rather than elided in a narrow chart.
    m_categories->setTruncateLabels(false);
    m_chart->addAxis(m_categories, Qt::AlignBottom);
    m_chart->addAxis(m_valueAxis, Qt::AlignLeft);
    m_bars->attachAxis(m_categories);
    m_bars->attachAxis(m_valueAxis);
    connect(m_chart, &QChart::plotAreaChanged, this, &ComparisonBarChart::placeDecorations);
    applyTheme(PlotTheme{});
}

ComparisonBarChart::~ComparisonBarChart() = default;

void ComparisonBarChart::setTitle(const QString &title) { m_chart->setTitle(title); }

void ComparisonBarChart::setUnit(const QString &unit) { m_valueAxis->setTitleText(unit); }

void ComparisonBarChart::setSubjects(const QStringList &names, const QList<QColor> &colours)
{
    m_subjects = names;
    m_colours = colours;
    rebuild();
}

void ComparisonBarChart::setValues(const QList<BarValue> &values)
{
    m_values = values;
    rebuild();
}

void ComparisonBarChart::applyTheme(const PlotTheme &theme)
{
    m_theme = theme;
    ChartStyler::apply(m_view, theme);
    rebuild();
}

QString ComparisonBarChart::labelText(int subject) const { return m_labels.value(subject); }

QString ComparisonBarChart::formatValue(double value, int maxDecimals)
{
    const double size = std::abs(value);
    if (maxDecimals > 0 && size > 0 && size < 0.01)
        return QLocale().toString(value, 'g', 2);
    const int decimals = size >= 100 ? 0 : size >= 10 ? 1 : 2;
    return QLocale().toString(value, 'f', std::min(decimals, maxDecimals));
}

void ComparisonBarChart::setMaxDecimals(int decimals)
{
    m_maxDecimals = std::max(decimals, 0);
    rebuild();
}

double ComparisonBarChart::axisTop() const
{
    double highest = 0;
    for (const BarValue &value : m_values) {
        if (value.value)
            highest = std::max({highest, *value.value, value.high.value_or(*value.value)});
    }
    return NiceScale::upperBound(highest * labelHeadroom);
}

void ComparisonBarChart::rebuild()
{
    m_bars->clear();
    m_categories->setCategories(m_subjects);
    for (qsizetype i = 0; i < m_subjects.size(); ++i) {
        auto *set = new QBarSet(m_subjects.at(i));
        for (qsizetype j = 0; j < m_subjects.size(); ++j) {
            const std::optional<double> value =
                i == j && i < m_values.size() ? m_values.at(i).value : std::nullopt;
            set->append(value.value_or(0.0));
        }
        const QColor colour = m_colours.value(i, m_theme.foreground());
        set->setColor(colour);
        set->setBorderColor(colour);
        m_bars->append(set);
    }
    m_valueAxis->setRange(0, axisTop());
    m_valueAxis->applyNiceNumbers();
    m_valueAxis->setLabelFormat(m_valueAxis->max() >= 10 ? u"%.0f"_s : u"%.1f"_s);
    ChartStyler::apply(m_categories, m_theme);
    ChartStyler::apply(m_valueAxis, m_theme);
    placeDecorations();
}

QGraphicsTextItem *ComparisonBarChart::addText(const QString &text, qreal width)
{
    auto *item = new QGraphicsTextItem(m_chart);
    item->setFont(m_theme.font());
    item->setDefaultTextColor(m_theme.foreground());
    item->document()->setDefaultTextOption(QTextOption(Qt::AlignHCenter));
    item->setPlainText(text);
    item->setTextWidth(width);
    item->setZValue(decorationZ + 1);
    m_decorations.append(item);
    return item;
}

void ComparisonBarChart::placeDecorations()
{
    qDeleteAll(m_decorations);
    m_decorations.clear();
    m_labels.clear();
    for (qsizetype i = 0; i < m_subjects.size(); ++i) {
        const BarValue value = m_values.value(i);
        QString label = value.value ? formatValue(*value.value, m_maxDecimals) : value.note;
        if (value.value && !value.note.isEmpty())
            label += u'\n' + value.note;
        m_labels.append(label.isEmpty() ? u"–"_s : label);
    }
    if (m_chart->plotArea().isEmpty())
        return; // placed when the chart is laid out

    const qreal lineWidth = 1.5 * m_theme.lineScale();
    for (qsizetype i = 0; i < m_subjects.size(); ++i) {
        const BarValue value = m_values.value(i);
        const auto at = [this, i](qreal offset, double y) {
            return m_chart->mapToPosition(QPointF(qreal(i) + offset, y), m_bars);
        };
        const QRectF slot =
            QRectF(at(-barWidth / 2, m_valueAxis->max()), at(barWidth / 2, 0)).normalized();
        // Labels may be wider than the bar, not wider than the category.
        const qreal labelWidth = slot.width() / barWidth;
        if (!value.value) {
            // An empty, hatched slot the full height of the plot, with its note
            // on a plain background: nothing that could read as a bar of 0.
            auto *box = new QGraphicsRectItem(slot, m_chart);
            box->setPen(QPen(m_theme.muted(), lineWidth, Qt::DashLine));
            QColor hatch = m_theme.muted();
            hatch.setAlpha(110);
            box->setBrush(QBrush(hatch, Qt::BDiagPattern));
            box->setZValue(decorationZ);
            m_decorations.append(box);
            QGraphicsTextItem *note = addText(m_labels.at(i), slot.width());
            const QRectF bounds = note->boundingRect();
            note->setPos(slot.center() - bounds.center());
            auto *backing = new QGraphicsRectItem(note->mapRectToParent(bounds), m_chart);
            backing->setPen(Qt::NoPen);
            backing->setBrush(m_theme.background());
            backing->setZValue(decorationZ);
            m_decorations.append(backing);
            continue;
        }
        double top = *value.value;
        if (value.low && value.high) {
            top = std::max(top, *value.high);
            QPainterPath whisker;
            for (const double end : {*value.low, *value.high}) {
                whisker.moveTo(at(-capWidth / 2, end));
                whisker.lineTo(at(capWidth / 2, end));
            }
            whisker.moveTo(at(0, *value.low));
            whisker.lineTo(at(0, *value.high));
            auto *item = new QGraphicsPathItem(whisker, m_chart);
            item->setPen(QPen(m_theme.foreground(), lineWidth));
            item->setZValue(decorationZ);
            m_decorations.append(item);
        }
        QGraphicsTextItem *text = addText(m_labels.at(i), labelWidth);
        const QPointF anchor = at(0, top);
        text->setPos(anchor.x() - labelWidth / 2, anchor.y() - text->boundingRect().height());
    }
}

QRectF ComparisonBarChart::slotRect(int subject) const
{
    const auto at = [this, subject](qreal offset, double y) {
        const QPointF inChart = m_chart->mapToPosition(QPointF(qreal(subject) + offset, y), m_bars);
        return m_view->mapTo(this, m_view->mapFromScene(m_chart->mapToScene(inChart)));
    };
    return QRectF(at(-barWidth / 2, m_valueAxis->max()), at(barWidth / 2, 0)).normalized();
}
