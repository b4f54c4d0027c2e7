#pragma once

#include "BarValue.h"
#include "PlotTheme.h"

#include <QColor>
#include <QList>
#include <QStringList>
#include <QWidget>

class QBarCategoryAxis;
class QChart;
class QChartView;
class QGraphicsItem;
class QGraphicsTextItem;
class QStackedBarSeries;
class QValueAxis;

// One measure across subjects (Qt Charts): a bar per subject in its own
// colour, from 0, with its value written above it and the spread over
// repeats as a whisker. A subject without a value gets an empty, hatched
// slot with its note ("did not start"), never a bar of 0.
class ComparisonBarChart : public QWidget {
    Q_OBJECT

public:
    explicit ComparisonBarChart(QWidget *parent = nullptr);
    ~ComparisonBarChart() override;

    void setTitle(const QString &title);
    void setUnit(const QString &unit); // the value axis' title, e.g. "requests/s"
    // At most this many decimals in the labels (0 for counts); default 2.
    void setMaxDecimals(int decimals);
    void setSubjects(const QStringList &names, const QList<QColor> &colours);
    // One per subject, in the same order.
    void setValues(const QList<BarValue> &values);
    void applyTheme(const PlotTheme &theme);

    // The text drawn over subject's bar, or in its empty slot.
    [[nodiscard]] QString labelText(int subject) const;
    // The column of the plot area where subject's bar stands, in this
    // widget's coordinates.
    [[nodiscard]] QRectF slotRect(int subject) const;
    // How values are written: the UI's locale, 0–2 decimals by size, never
    // more than maxDecimals.
    [[nodiscard]] static QString formatValue(double value, int maxDecimals = 2);

private:
    void rebuild();
    void placeDecorations();
    QGraphicsTextItem *addText(const QString &text, qreal width);
    [[nodiscard]] double axisTop() const;

    QChartView *m_view = nullptr;
    QChart *m_chart = nullptr;
    QStackedBarSeries *m_bars = nullptr;
    QBarCategoryAxis *m_categories = nullptr;
    QValueAxis *m_valueAxis = nullptr;
    QStringList m_subjects;
    QList<QColor> m_colours;
    QList<BarValue> m_values;
    QList<QGraphicsItem *> m_decorations; // labels, whiskers, empty slots
    QStringList m_labels;
    int m_maxDecimals = 2;
    PlotTheme m_theme;
};
