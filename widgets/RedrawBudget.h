#pragma once

#include <QElapsedTimer>
#include <chrono>

// How long one turn of redrawing may spend on plots that draw every line
// again (after an axis range moved), so that a turn fits in about a frame
// while hundreds of thousands of points are shown; the plots refused wait
// for the next turn. The first such redraw of a turn is always allowed, so
// that every turn makes progress.
class RedrawBudget {
public:
    explicit RedrawBudget(std::chrono::milliseconds limit = std::chrono::milliseconds(6));

    void setLimit(std::chrono::milliseconds limit);

    // Starts a turn.
    void begin();
    // Whether a whole redraw may start now (and counts it if so).
    [[nodiscard]] bool allowsWholeRedraw();

private:
    QElapsedTimer m_clock;
    std::chrono::milliseconds m_limit;
    int m_wholeRedraws = 0;
};
