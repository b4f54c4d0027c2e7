#pragma once

#include <QtGlobal>
#include <algorithm>
#include <cmath>
#include <limits>

// What the graphs that show one set of points (a plot's series and its
// linked twins) know about it besides the points: the lowest and highest
// value, kept up to date on append so that shared ranges cost a comparison
// per series rather than a pass over thousands of points, and how many
// times the points changed other than by appending, so that a drawing of
// them can tell it is out of date.
struct SeriesState {
    double lower = std::numeric_limits<double>::infinity();
    double upper = -std::numeric_limits<double>::infinity();
    quint64 rewrites = 0; // changes other than appending points

    void add(double value)
    {
        if (std::isnan(value))
            return; // no value: a gap, not a 0
        lower = std::min(lower, value);
        upper = std::max(upper, value);
    }
    // Every point removed.
    void cleared()
    {
        lower = std::numeric_limits<double>::infinity();
        upper = -std::numeric_limits<double>::infinity();
        ++rewrites;
    }
    // A point placed among the others rather than after them.
    void rewritten() { ++rewrites; }
    [[nodiscard]] bool isEmpty() const { return lower > upper; }
};
