#include "CampaignResult.h"

#include <algorithm>

namespace mpmlab {

QList<const RunRecord *> CampaignResult::runsOf(MpmKind mpm) const
{
    QList<const RunRecord *> found;
    for (const RunRecord &run : runs) {
        if (run.mpm == mpm)
            found << &run;
    }
    return found;
}

std::optional<Spread> CampaignResult::spread(MpmKind mpm, QStringView metric) const
{
    std::vector<double> values;
    for (const RunRecord *run : runsOf(mpm)) {
        if (const std::optional<double> value = run->metric(metric))
            values.push_back(*value);
    }
    if (values.empty())
        return std::nullopt;
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    Spread spread;
    spread.median = n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
    spread.min = values.front();
    spread.max = values.back();
    spread.runs = int(n);
    return spread;
}

} // namespace mpmlab
