#include "DashboardArea.h"

#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>

DashboardArea::DashboardArea(QWidget *parent)
    : QWidget(parent)
    , m_grid(new QGridLayout)
    , m_placeholder(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_grid);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    QFont hintFont = m_placeholder->font();
    hintFont.setPointSizeF(hintFont.pointSizeF() * 1.2);
    m_placeholder->setFont(hintFont);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_placeholder, 1);
    m_grid->setHorizontalSpacing(12);
}

void DashboardArea::setColumnTitles(const QStringList &titles)
{
    qDeleteAll(m_titles);
    m_titles.clear();
    for (qsizetype i = 0; i < titles.size(); ++i) {
        auto *title = new QLabel(titles.at(i), this);
        title->setAlignment(Qt::AlignCenter);
        title->setFrameShape(QFrame::StyledPanel);
        QFont font = title->font();
        font.setBold(true);
        font.setPointSizeF(font.pointSizeF() * 1.4);
        title->setFont(font);
        title->setMargin(8);
        m_grid->addWidget(title, 0, int(i));
        m_grid->setColumnStretch(int(i), 1);
        m_titles.append(title);
    }
}

QStringList DashboardArea::columnTitles() const
{
    QStringList titles;
    for (const QLabel *title : m_titles)
        titles.append(title->text());
    return titles;
}

void DashboardArea::setPlaceholderText(const QString &text) { m_placeholder->setText(text); }
