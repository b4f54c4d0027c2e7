#include "NiceScale.h"

#include <array>
#include <cmath>

namespace {

constexpr std::array steps{1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0};
constexpr double headroom = 1.04;   // keeps the highest point off the plot's top edge
constexpr double growthRoom = 1.05; // a time axis reaches this far beyond the data

} // namespace

double NiceScale::upperBound(double value)
{
    if (!(value > 0) || !std::isfinite(value))
        return 1.0;
    const double wanted = value * headroom;
    const double decade = std::pow(10.0, std::floor(std::log10(wanted)));
    for (const double step : steps) {
        if (step * decade >= wanted)
            return step * decade;
    }
    return 10.0 * decade;
}

double NiceScale::growthBound(double value)
{
    if (!(value > 0) || !std::isfinite(value))
        return 1.0;
    const double step = std::pow(10.0, std::floor(std::log10(value))) / 2;
    return std::ceil(value * growthRoom / step) * step;
}

NiceScale::Bounds NiceScale::fromZero(double lower, double upper)
{
    if (lower >= 0 && upper <= 0)
        return {};
    return {lower < 0 ? -upperBound(-lower) : 0.0, upper > 0 ? upperBound(upper) : 0.0};
}
