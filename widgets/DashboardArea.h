#pragma once

#include <QStringList>
#include <QWidget>

class QGridLayout;
class QLabel;

// The live dashboard's frame: one titled column per compared subject, side
// by side, with a hint shown while no data has arrived. Plots are placed in
// its cells by the caller; it knows nothing of what they show.
class DashboardArea : public QWidget {
    Q_OBJECT

public:
    explicit DashboardArea(QWidget *parent = nullptr);

    void setColumnTitles(const QStringList &titles);
    [[nodiscard]] QStringList columnTitles() const;
    void setPlaceholderText(const QString &text);

private:
    QGridLayout *m_grid = nullptr;
    QLabel *m_placeholder = nullptr;
    QList<QLabel *> m_titles;
};
