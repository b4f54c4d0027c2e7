#include "SeriesKey.h"

#include <QPainter>
#include <algorithm>

namespace {

constexpr int sampleLength = 30; // px at the normal size: long enough to tell a dash from a dot
constexpr int sampleGap = 6;     // px between a sample and its name
constexpr int itemGap = 24;      // px between two items side by side

} // namespace

SeriesKey::SeriesKey(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void SeriesKey::setItems(const QList<Item> &items)
{
    m_items = items;
    updateGeometry();
    update();
}

QList<SeriesKey::Item> SeriesKey::items() const { return m_items; }

void SeriesKey::setSamplesInTextColour(bool textColour)
{
    m_textColour = textColour;
    update();
}

void SeriesKey::setOrientation(Qt::Orientation orientation)
{
    m_orientation = orientation;
    updateGeometry();
    update();
}

void SeriesKey::applyTheme(const PlotTheme &theme)
{
    m_theme = theme;
    setFont(theme.font());
    updateGeometry();
    update();
}

int SeriesKey::sampleWidth() const { return qRound(sampleLength * m_theme.lineScale()); }

int SeriesKey::itemWidth(const Item &item) const
{
    return sampleWidth() + sampleGap + QFontMetrics(m_theme.font()).horizontalAdvance(item.name);
}

QSize SeriesKey::sizeHint() const
{
    const int lineHeight = QFontMetrics(m_theme.font()).height();
    int width = 0;
    for (const Item &item : m_items) {
        width = m_orientation == Qt::Vertical ? std::max(width, itemWidth(item))
                                              : width + itemWidth(item) + itemGap;
    }
    const int lines = m_orientation == Qt::Vertical ? int(m_items.size()) : 1;
    return QSize(width, lines * lineHeight);
}

QSize SeriesKey::minimumSizeHint() const { return sizeHint(); }

void SeriesKey::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setFont(m_theme.font());
    const int lineHeight = QFontMetrics(m_theme.font()).height();
    // Side by side, the items stand centred as a group.
    int x = m_orientation == Qt::Vertical ? 0 : std::max(0, (width() - sizeHint().width()) / 2);
    int y = 0;
    for (const Item &item : m_items) {
        const qreal middle = y + lineHeight / 2.0;
        QPen pen(m_textColour ? m_theme.foreground() : item.style.colour,
                 item.style.width * m_theme.lineScale(), item.style.penStyle);
        pen.setCapStyle(Qt::FlatCap);
        painter.setPen(pen);
        painter.drawLine(QPointF(x, middle), QPointF(x + sampleWidth(), middle));
        painter.setPen(m_theme.foreground());
        painter.drawText(QRect(x + sampleWidth() + sampleGap, y, itemWidth(item), lineHeight),
                         Qt::AlignLeft | Qt::AlignVCenter, item.name);
        if (m_orientation == Qt::Vertical)
            y += lineHeight;
        else
            x += itemWidth(item) + itemGap;
    }
}
