#include "ExpectationCheck.h"

#include "run/RunSummary.h"

using namespace Qt::StringLiterals;

namespace mpmlab {

namespace {

const QStringList knownKeys{u"id"_s, u"expected"_s, u"metric"_s, u"mpm"_s, u"is"_s,
                            u"by"_s, u"value"_s,    u"times"_s,  u"than"_s};

struct RelationName {
    ExpectationCheck::Relation relation;
    const char16_t *name;
};
constexpr RelationName relationNames[] = {
    {ExpectationCheck::Relation::Highest, u"highest"},
    {ExpectationCheck::Relation::Lowest, u"lowest"},
    {ExpectationCheck::Relation::Above, u"above"},
    {ExpectationCheck::Relation::Below, u"below"},
    {ExpectationCheck::Relation::AtLeast, u"atLeast"},
};

QString nameOf(ExpectationCheck::Relation relation)
{
    for (const RelationName &entry : relationNames) {
        if (entry.relation == relation)
            return QString::fromUtf16(entry.name);
    }
    return {};
}

} // namespace

Result<ExpectationCheck> ExpectationCheck::fromJson(const JsonFields &fields)
{
    if (Status known = fields.onlyKnown(knownKeys); !known)
        return known.error();
    ExpectationCheck check;
    const Result<QString> id = fields.text(u"id"_s);
    if (!id)
        return id.error();
    if (id->isEmpty())
        return fields.invalid(u"id"_s, u"must not be empty"_s);
    check.id = *id;
    const Result<LocalizedText> expected =
        LocalizedText::fromJson(fields.object().value(u"expected"_s), fields.pathOf(u"expected"_s));
    if (!expected)
        return expected.error();
    check.expected = *expected;
    const Result<QString> metric = fields.text(u"metric"_s);
    if (!metric)
        return metric.error();
    if (!RunSummary::metricNames().contains(*metric)) {
        return fields.invalid(u"metric"_s, u"'%1' is not a metric (known: %2)"_s.arg(
                                               *metric, RunSummary::metricNames().join(u", "_s)));
    }
    check.metric = *metric;
    const Result<QString> mpm = fields.text(u"mpm"_s);
    if (!mpm)
        return mpm.error();
    if (const std::optional<MpmKind> kind = mpmFromName(*mpm))
        check.mpm = *kind;
    else
        return fields.invalid(u"mpm"_s, u"must be prefork, worker or event"_s);

    const Result<QString> is = fields.text(u"is"_s);
    if (!is)
        return is.error();
    bool found = false;
    for (const RelationName &entry : relationNames) {
        if (*is == QString::fromUtf16(entry.name)) {
            check.relation = entry.relation;
            found = true;
        }
    }
    if (!found)
        return fields.invalid(u"is"_s, u"must be highest, lowest, above, below or atLeast"_s);

    switch (check.relation) {
    case Relation::Highest:
    case Relation::Lowest: {
        const Result<double> by = fields.number(u"by"_s, 1, 1e6, 1.0);
        if (!by)
            return by.error();
        check.factor = *by;
        break;
    }
    case Relation::Above:
    case Relation::Below: {
        const Result<double> value = fields.number(u"value"_s, -1e15, 1e15);
        if (!value)
            return value.error();
        check.value = *value;
        break;
    }
    case Relation::AtLeast: {
        const Result<double> times = fields.number(u"times"_s, 0, 1e6);
        if (!times)
            return times.error();
        check.factor = *times;
        const Result<QString> than = fields.text(u"than"_s);
        if (!than)
            return than.error();
        check.than = mpmFromName(*than);
        if (!check.than || *check.than == check.mpm)
            return fields.invalid(u"than"_s, u"must be another MPM"_s);
        break;
    }
    }
    return check;
}

QJsonObject ExpectationCheck::toJson() const
{
    QJsonObject object{{u"id"_s, id},
                       {u"expected"_s, expected.toJson()},
                       {u"metric"_s, metric},
                       {u"mpm"_s, mpmName(mpm)},
                       {u"is"_s, nameOf(relation)}};
    switch (relation) {
    case Relation::Highest:
    case Relation::Lowest:
        if (factor != 1)
            object.insert(u"by"_s, factor);
        break;
    case Relation::Above:
    case Relation::Below: object.insert(u"value"_s, value); break;
    case Relation::AtLeast:
        object.insert(u"times"_s, factor);
        object.insert(u"than"_s, mpmName(*than));
        break;
    }
    return object;
}

QList<MpmKind> ExpectationCheck::involves(const QList<MpmKind> &campaignMpms) const
{
    switch (relation) {
    case Relation::Highest:
    case Relation::Lowest: {
        QList<MpmKind> all = campaignMpms;
        if (!all.contains(mpm))
            all.prepend(mpm);
        return all;
    }
    case Relation::Above:
    case Relation::Below: return {mpm};
    case Relation::AtLeast: return {mpm, *than};
    }
    return {mpm};
}

std::optional<bool>
ExpectationCheck::evaluate(const QMap<MpmKind, std::optional<double>> &values) const
{
    const std::optional<double> subject = values.value(mpm);
    if (!subject)
        return std::nullopt;
    switch (relation) {
    case Relation::Highest:
    case Relation::Lowest: {
        int others = 0;
        for (auto it = values.begin(); it != values.end(); ++it) {
            if (it.key() == mpm)
                continue;
            if (!it.value())
                return std::nullopt;
            ++others;
            const bool beats = relation == Relation::Highest ? *subject > *it.value() * factor
                                                             : *subject * factor < *it.value();
            if (!beats)
                return false;
        }
        // Alone, it is neither the highest nor the lowest of anything.
        return others > 0 ? std::optional<bool>(true) : std::nullopt;
    }
    case Relation::Above: return *subject > value;
    case Relation::Below: return *subject < value;
    case Relation::AtLeast: {
        const std::optional<double> other = values.value(*than);
        if (!other)
            return std::nullopt;
        return *subject >= *other * factor && *subject > *other;
    }
    }
    return std::nullopt;
}

LocalizedText ExpectationCheck::rule() const
{
    const QString who = mpmName(mpm);
    switch (relation) {
    case Relation::Highest:
        return factor > 1
                   ? LocalizedText{u"%1: %2 the highest, by %3× or more"_s.arg(metric, who)
                                       .arg(factor),
                                   u"%1 : %2 le plus élevé, d'au moins %3×"_s.arg(metric, who)
                                       .arg(factor)}
                   : LocalizedText{u"%1: %2 the highest"_s.arg(metric, who),
                                   u"%1 : %2 le plus élevé"_s.arg(metric, who)};
    case Relation::Lowest:
        return factor > 1 ? LocalizedText{u"%1: %2 the lowest, by %3× or more"_s.arg(metric, who)
                                              .arg(factor),
                                          u"%1 : %2 le plus bas, d'au moins %3×"_s.arg(metric, who)
                                              .arg(factor)}
                          : LocalizedText{u"%1: %2 the lowest"_s.arg(metric, who),
                                          u"%1 : %2 le plus bas"_s.arg(metric, who)};
    case Relation::Above:
        return {u"%1 of %2 above %3"_s.arg(metric, who).arg(value),
                u"%1 de %2 au-dessus de %3"_s.arg(metric, who).arg(value)};
    case Relation::Below:
        return {u"%1 of %2 below %3"_s.arg(metric, who).arg(value),
                u"%1 de %2 en dessous de %3"_s.arg(metric, who).arg(value)};
    case Relation::AtLeast:
        return {u"%1 of %2 at least %3× %4's"_s.arg(metric, who).arg(factor).arg(mpmName(*than)),
                u"%1 de %2 au moins %3× celui de %4"_s.arg(metric, who)
                    .arg(factor)
                    .arg(mpmName(*than))};
    }
    return {};
}

} // namespace mpmlab
