#pragma once

#include "PlotTheme.h"

#include <QColor>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QWidget>

// A string of slot symbols drawn as a grid of coloured square cells that
// wraps to the width (150 cells or 1,024 and more), each cell carrying its
// symbol when there is room, under a title; then a legend with each
// symbol's current count, and a caption line. Symbols the legend does not
// list are drawn grey and counted as "other".
//
// It paints straight from the string: cheap enough to be given a new one
// several times a second.
class ScoreboardView : public QWidget {
    Q_OBJECT

public:
    struct Entry {
        QChar symbol;
        QColor colour; // a transparent colour draws an outlined cell
        QString label;
    };

    explicit ScoreboardView(QWidget *parent = nullptr);

    void setTitle(const QString &title);
    void setCaption(const QString &caption);
    void setOtherLabel(const QString &label); // "other" by default
    void setLegend(const QList<Entry> &entries);
    void setSlots(const QString &symbols);
    void applyTheme(const PlotTheme &theme);

    [[nodiscard]] QString symbols() const;
    [[nodiscard]] int count(QChar symbol) const;
    // The legend's lines as drawn, counts included.
    [[nodiscard]] QStringList legendTexts() const;
    // Where cell `index` is drawn at the current size; empty if it is not.
    [[nodiscard]] QRect cellRect(int index) const;

    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;
    [[nodiscard]] bool hasHeightForWidth() const override;
    [[nodiscard]] int heightForWidth(int width) const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    struct Geometry {
        QRect title;
        QRect grid;
        int cell = 0; // px, side of a cell
        int gap = 0;  // px between cells
        int columns = 1;
        QRect legend;
        QRect caption;
        [[nodiscard]] QRect cellRect(int index) const;
    };
    struct LegendItem {
        QColor colour;
        QChar symbol;
        QString text;
    };

    [[nodiscard]] Geometry geometryFor(QSize size, bool shrinkToFit) const;
    [[nodiscard]] QList<LegendItem> legendItems() const;
    [[nodiscard]] int legendHeight(int width) const;
    [[nodiscard]] int preferredCell() const;
    [[nodiscard]] QColor colourOf(QChar symbol) const;
    void drawCell(QPainter &painter, const QRect &rect, QChar symbol, const QColor &colour,
                  bool withSymbol) const;
    void changed();

    QString m_title;
    QString m_caption;
    QString m_otherLabel;
    QString m_symbols;
    QList<Entry> m_entries;
    QHash<QChar, int> m_counts;
    PlotTheme m_theme;
};
