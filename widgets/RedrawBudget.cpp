#include "RedrawBudget.h"

RedrawBudget::RedrawBudget(std::chrono::milliseconds limit)
    : m_limit(limit)
{
}

void RedrawBudget::setLimit(std::chrono::milliseconds limit) { m_limit = limit; }

void RedrawBudget::begin()
{
    m_clock.start();
    m_wholeRedraws = 0;
}

bool RedrawBudget::allowsWholeRedraw()
{
    if (m_wholeRedraws > 0 && std::chrono::nanoseconds(m_clock.nsecsElapsed()) >= m_limit)
        return false;
    ++m_wholeRedraws;
    return true;
}
