#pragma once

#include "PlotTheme.h"
#include "SeriesStyle.h"

#include <QList>
#include <QWidget>

// A key to the lines of a plot, drawn outside it: a short sample of each
// series' pen and its name, one under the other (or side by side). Where
// colour already says
// something else (which column a plot is in), the samples can be drawn in
// the text colour so that only the dash pattern tells the series apart.
class SeriesKey : public QWidget {
    Q_OBJECT

public:
    struct Item {
        QString name;
        SeriesStyle style;
    };

    explicit SeriesKey(QWidget *parent = nullptr);

    void setItems(const QList<Item> &items);
    [[nodiscard]] QList<Item> items() const;
    void setSamplesInTextColour(bool textColour);
    void setOrientation(Qt::Orientation orientation); // vertical by default
    void applyTheme(const PlotTheme &theme);

    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    [[nodiscard]] int sampleWidth() const;
    [[nodiscard]] int itemWidth(const Item &item) const;

    QList<Item> m_items;
    PlotTheme m_theme;
    bool m_textColour = false;
    Qt::Orientation m_orientation = Qt::Vertical;
};
