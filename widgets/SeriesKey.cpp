#include "SeriesKey.h"

#include <QPainter>
#include <algorithm>

namespace {

constexpr int sampleLength = 30; // px at the normal size: long enough to tell a dash from a dot
constexpr int sampleGap = 6;     // px between a sample and its name

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

void SeriesKey::applyTheme(const PlotTheme &theme)
{
    m_theme = theme;
    setFont(theme.font());
    updateGeometry();
    update();
}

int SeriesKey::sampleWidth() const { return qRound(sampleLength * m_theme.lineScale()); }

QSize SeriesKey::sizeHint() const
{
    const QFontMetrics metrics(m_theme.font());
    int widest = 0;
    for (const Item &item : m_items)
        widest = std::max(widest, metrics.horizontalAdvance(item.name));
    return QSize(sampleWidth() + sampleGap + widest, int(m_items.size()) * metrics.height());
}

QSize SeriesKey::minimumSizeHint() const { return sizeHint(); }

void SeriesKey::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setFont(m_theme.font());
    const QFontMetrics metrics(m_theme.font());
    const int lineHeight = metrics.height();
    for (qsizetype i = 0; i < m_items.size(); ++i) {
        const Item &item = m_items.at(i);
        const int y = int(i) * lineHeight;
        const qreal middle = y + lineHeight / 2.0;
        QPen pen(m_textColour ? m_theme.foreground() : item.style.colour,
                 item.style.width * m_theme.lineScale(), item.style.penStyle);
        pen.setCapStyle(Qt::FlatCap);
        painter.setPen(pen);
        painter.drawLine(QPointF(0, middle), QPointF(sampleWidth(), middle));
        painter.setPen(m_theme.foreground());
        painter.drawText(QRect(sampleWidth() + sampleGap, y, width(), lineHeight),
                         Qt::AlignLeft | Qt::AlignVCenter, item.name);
    }
}
