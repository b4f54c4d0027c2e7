#include "ScoreboardView.h"

#include <QPainter>
#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

constexpr int padding = 6;          // px around and between the parts
constexpr int smallestCell = 4;     // px: below this the cells blur into a band
constexpr int symbolCell = 14;      // px: from this side up a cell shows its symbol
constexpr int legendSpacing = 18;   // px between two legend items
constexpr qreal cellPerLine = 1.25; // cell side in text lines, when there is room

// Black or white, whichever contrasts more with the fill (WCAG relative
// luminance: the two contrasts are equal at 0.179).
QColor textOn(const QColor &fill)
{
    const auto linear = [](qreal channel) {
        return channel <= 0.03928 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
    };
    const qreal luminance = 0.2126 * linear(fill.redF()) + 0.7152 * linear(fill.greenF())
                            + 0.0722 * linear(fill.blueF());
    return luminance > 0.179 ? QColor(Qt::black) : QColor(Qt::white);
}

} // namespace

ScoreboardView::ScoreboardView(QWidget *parent)
    : QWidget(parent)
    , m_otherLabel(tr("other"))
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    setAutoFillBackground(true);
    applyTheme(PlotTheme{});
}

void ScoreboardView::setTitle(const QString &title)
{
    m_title = title;
    changed();
}

void ScoreboardView::setCaption(const QString &caption)
{
    m_caption = caption;
    changed();
}

void ScoreboardView::setOtherLabel(const QString &label)
{
    m_otherLabel = label;
    changed();
}

void ScoreboardView::setLegend(const QList<Entry> &entries)
{
    m_entries = entries;
    changed();
}

void ScoreboardView::setSlots(const QString &symbols)
{
    if (symbols == m_symbols)
        return;
    const bool resized = symbols.size() != m_symbols.size();
    m_symbols = symbols;
    m_counts.clear();
    for (const QChar symbol : symbols)
        ++m_counts[symbol];
    if (resized)
        updateGeometry();
    update();
}

void ScoreboardView::applyTheme(const PlotTheme &theme)
{
    m_theme = theme;
    setPalette(theme.palette(palette()));
    setFont(theme.font());
    changed();
}

void ScoreboardView::changed()
{
    updateGeometry();
    update();
}

QString ScoreboardView::symbols() const { return m_symbols; }

int ScoreboardView::count(QChar symbol) const { return m_counts.value(symbol); }

QList<ScoreboardView::LegendItem> ScoreboardView::legendItems() const
{
    QList<LegendItem> items;
    int listed = 0;
    for (const Entry &entry : m_entries) {
        const int n = count(entry.symbol);
        listed += n;
        items.append({entry.colour, entry.symbol, u"%1: %2"_s.arg(entry.label).arg(n)});
    }
    const int others = int(m_symbols.size()) - listed;
    if (others > 0)
        items.append({m_theme.muted(), QChar(u'?'), u"%1: %2"_s.arg(m_otherLabel).arg(others)});
    return items;
}

QStringList ScoreboardView::legendTexts() const
{
    QStringList texts;
    for (const LegendItem &item : legendItems())
        texts.append(item.text);
    return texts;
}

QColor ScoreboardView::colourOf(QChar symbol) const
{
    for (const Entry &entry : m_entries) {
        if (entry.symbol == symbol)
            return entry.colour;
    }
    return m_theme.muted();
}

int ScoreboardView::preferredCell() const
{
    return qRound(QFontMetrics(m_theme.font()).height() * cellPerLine);
}

int ScoreboardView::legendHeight(int width) const
{
    // Items flow left to right and wrap, like words.
    const QFontMetrics metrics(m_theme.font());
    const int swatch = metrics.height();
    int x = 0;
    int lines = 1;
    for (const LegendItem &item : legendItems()) {
        const int itemWidth = swatch + padding + metrics.horizontalAdvance(item.text);
        if (x > 0 && x + itemWidth > width) {
            ++lines;
            x = 0;
        }
        x += itemWidth + legendSpacing;
    }
    return lines * (metrics.height() + padding / 2);
}

ScoreboardView::Geometry ScoreboardView::geometryFor(QSize size, bool shrinkToFit) const
{
    Geometry geometry;
    const int width = std::max(1, size.width() - 2 * padding);
    int y = padding;
    if (!m_title.isEmpty()) {
        const int height = QFontMetrics(m_theme.titleFont()).height();
        geometry.title = QRect(padding, y, width, height);
        y += height + padding;
    }
    const int legend = legendHeight(width);
    const int caption = m_caption.isEmpty() ? 0 : QFontMetrics(m_theme.font()).height() + padding;
    // Without a height to fit (a height-for-width question), keep the grid
    // no taller than half the width: a large scoreboard gets smaller cells.
    const int room =
        shrinkToFit ? size.height() - y - padding - legend - padding - caption : width / 2;
    const int slotCount = std::max(1, int(m_symbols.size()));
    int cell = preferredCell();
    int gap = 0;
    int columns = 1;
    int rows = 1;
    for (;; --cell) {
        gap = std::max(1, cell / 8);
        columns = std::max(1, (width + gap) / (cell + gap));
        rows = (slotCount + columns - 1) / columns;
        if (cell <= smallestCell || rows * (cell + gap) - gap <= room)
            break;
    }
    geometry.cell = cell;
    geometry.gap = gap;
    geometry.columns = columns;
    const int gridHeight = m_symbols.isEmpty() ? 0 : rows * (cell + gap) - gap;
    geometry.grid = QRect(padding, y, width, gridHeight);
    y += gridHeight + padding;
    geometry.legend = QRect(padding, y, width, legend);
    y += legend;
    if (caption > 0)
        geometry.caption = QRect(padding, y + padding, width, caption - padding);
    return geometry;
}

QRect ScoreboardView::Geometry::cellRect(int index) const
{
    const int row = index / columns;
    const int column = index % columns;
    return QRect(grid.left() + column * (cell + gap), grid.top() + row * (cell + gap), cell, cell);
}

QRect ScoreboardView::cellRect(int index) const
{
    if (index < 0 || index >= m_symbols.size())
        return {};
    return geometryFor(size(), true).cellRect(index);
}

QSize ScoreboardView::sizeHint() const
{
    constexpr int width = 560; // px: 25 or so cells of a 150-slot scoreboard to a row
    return QSize(width, heightForWidth(width));
}

QSize ScoreboardView::minimumSizeHint() const
{
    return QSize(160, QFontMetrics(m_theme.titleFont()).height() * 4);
}

bool ScoreboardView::hasHeightForWidth() const { return true; }

int ScoreboardView::heightForWidth(int width) const
{
    const Geometry geometry = geometryFor(QSize(width, 0), false);
    return (geometry.caption.isValid() ? geometry.caption.bottom() : geometry.legend.bottom())
           + padding + 1;
}

void ScoreboardView::drawCell(QPainter &painter, const QRect &rect, QChar symbol,
                              const QColor &colour, bool withSymbol) const
{
    if (colour.alpha() == 0) {
        painter.setPen(QPen(m_theme.muted(), 1));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(rect.adjusted(0, 0, -1, -1));
    } else {
        painter.fillRect(rect, colour);
    }
    if (withSymbol) {
        painter.setPen(colour.alpha() < 128 ? m_theme.foreground() : textOn(colour));
        painter.drawText(rect, Qt::AlignCenter, QString(symbol));
    }
}

void ScoreboardView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const Geometry geometry = geometryFor(size(), true);
    if (!m_title.isEmpty()) {
        painter.setFont(m_theme.titleFont());
        painter.setPen(m_theme.foreground());
        painter.drawText(geometry.title, Qt::AlignLeft | Qt::AlignVCenter, m_title);
    }

    const bool withSymbols = geometry.cell >= symbolCell;
    QFont symbolFont = m_theme.font();
    symbolFont.setBold(true);
    symbolFont.setPixelSize(std::max(6, geometry.cell * 2 / 3));
    painter.setFont(symbolFont);
    // One colour lookup per distinct symbol, not per cell.
    QHash<QChar, QColor> colours;
    for (auto it = m_counts.cbegin(); it != m_counts.cend(); ++it)
        colours.insert(it.key(), colourOf(it.key()));
    for (int i = 0; i < m_symbols.size(); ++i) {
        const QChar symbol = m_symbols.at(i);
        drawCell(painter, geometry.cellRect(i), symbol, colours.value(symbol), withSymbols);
    }

    const QFontMetrics metrics(m_theme.font());
    const int swatch = metrics.height();
    symbolFont.setPixelSize(swatch * 2 / 3);
    int x = 0; // from the legend's left, wrapping as legendHeight() does
    int y = geometry.legend.top();
    for (const LegendItem &item : legendItems()) {
        const int itemWidth = swatch + padding + metrics.horizontalAdvance(item.text);
        if (x > 0 && x + itemWidth > geometry.legend.width()) {
            x = 0;
            y += metrics.height() + padding / 2;
        }
        const int left = geometry.legend.left() + x;
        painter.setFont(symbolFont);
        drawCell(painter, QRect(left, y, swatch, swatch), item.symbol, item.colour, true);
        painter.setFont(m_theme.font());
        painter.setPen(m_theme.foreground());
        // An item wider than a whole line (large fonts, a narrow column)
        // is elided in its middle, keeping its count, rather than cut.
        const int textLeft = left + swatch + padding;
        painter.drawText(
            QRect(textLeft, y, itemWidth, swatch), Qt::AlignLeft | Qt::AlignVCenter,
            metrics.elidedText(item.text, Qt::ElideMiddle, geometry.legend.right() + 1 - textLeft));
        x += itemWidth + legendSpacing;
    }

    if (!m_caption.isEmpty()) {
        painter.setPen(m_theme.muted());
        painter.drawText(geometry.caption, Qt::AlignLeft | Qt::AlignVCenter,
                         metrics.elidedText(m_caption, Qt::ElideRight, geometry.caption.width()));
    }
}
