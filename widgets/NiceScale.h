#pragma once

// Axis bounds that read well and hold still: live data that creeps upwards
// moves the top of its axis only now and then, in steps a reader can follow.
namespace NiceScale {

// The smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 (times a power of ten)
// that is at least `value` plus a little headroom. 1 for values <= 0.
[[nodiscard]] double upperBound(double value);

// A bound a little beyond `value` (5% or more) on a grid of half decades
// (600 -> 650, 61 -> 65, 8 -> 8.5): where the time axis of live data jumps
// to, and holds until the data reaches it. 1 for values <= 0.
[[nodiscard]] double growthBound(double value);

struct Bounds {
    double lower = 0;
    double upper = 1;
};

// An axis for data from `lower` to `upper` that starts at 0 (no false
// baseline for counts and times) and reaches a rounded bound beyond the data
// on each side of 0 the data lies. [0, 1] when both are 0.
[[nodiscard]] Bounds fromZero(double lower, double upper);

} // namespace NiceScale
