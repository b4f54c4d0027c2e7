#include "DirectiveSet.h"

#include <QRegularExpression>
#include <array>

using namespace Qt::StringLiterals;

namespace mpmlab {

namespace {

enum class ValueType { OnOff, Integer, Decimal };

struct DirectiveSpec {
    const char *name;
    ValueType type;
    double minimum;
    double maximum;
    bool prefork;
    bool threaded; // worker
    bool event;
    const char *unit;
};

// Ranges: what Apache accepts, capped where a larger value can only be a
// typo on a lab server (ServerLimit's hard maximum is 200000 for prefork
// and 20000 for worker and event, ThreadLimit's 100000).
constexpr std::array<DirectiveSpec, 17> specs{{
    {"Timeout", ValueType::Integer, 1, 3600, true, true, true, "seconds"},
    {"KeepAlive", ValueType::OnOff, 0, 0, true, true, true, ""},
    {"MaxKeepAliveRequests", ValueType::Integer, 0, 1000000, true, true, true,
     "requests, 0: unlimited"},
    {"KeepAliveTimeout", ValueType::Integer, 0, 3600, true, true, true, "seconds"},
    {"StartServers", ValueType::Integer, 1, 20000, true, true, true, "processes"},
    {"MinSpareServers", ValueType::Integer, 1, 20000, true, false, false, "processes"},
    {"MaxSpareServers", ValueType::Integer, 1, 20000, true, false, false, "processes"},
    {"MinSpareThreads", ValueType::Integer, 1, 1000000, false, true, true, "threads"},
    {"MaxSpareThreads", ValueType::Integer, 1, 1000000, false, true, true, "threads"},
    {"ThreadLimit", ValueType::Integer, 1, 20000, false, true, true, "threads per process"},
    {"ThreadsPerChild", ValueType::Integer, 1, 20000, false, true, true, "threads per process"},
    {"ServerLimit", ValueType::Integer, 1, 200000, true, true, true, "processes"},
    {"MaxRequestWorkers", ValueType::Integer, 1, 1000000, true, true, true, "connections"},
    {"MaxConnectionsPerChild", ValueType::Integer, 0, 10000000, true, true, true,
     "connections, 0: unlimited"},
    {"AsyncRequestWorkerFactor", ValueType::Decimal, 0.1, 100, false, false, true, "factor"},
    {"ThreadStackSize", ValueType::Integer, 65536, 67108864, false, true, true, "bytes"},
    {"ListenBacklog", ValueType::Integer, 1, 65535, true, true, true, "connections"},
}};

const DirectiveSpec *findSpec(const QString &name)
{
    for (const DirectiveSpec &spec : specs) {
        if (name.compare(QLatin1StringView(spec.name), Qt::CaseInsensitive) == 0)
            return &spec;
    }
    return nullptr;
}

bool specAppliesTo(const DirectiveSpec &spec, MpmKind mpm)
{
    switch (mpm) {
    case MpmKind::Prefork: return spec.prefork;
    case MpmKind::Worker: return spec.threaded;
    case MpmKind::Event: return spec.event;
    }
    return false;
}

QString mpmsOf(const DirectiveSpec &spec)
{
    QStringList names;
    for (const MpmKind kind : allMpmKinds) {
        if (specAppliesTo(spec, kind))
            names << mpmName(kind);
    }
    return names.join(u", "_s);
}

QString formatNumber(double value) { return QString::number(value, 'g', 10); }

} // namespace

QStringList DirectiveSet::knownNames()
{
    QStringList names;
    for (const DirectiveSpec &spec : specs)
        names << QString::fromLatin1(spec.name);
    return names;
}

bool DirectiveSet::isPerMpm(const QString &name)
{
    // The server-wide directives of core; the rest are MPM directives and
    // go into an <IfModule mpm_NAME_module> section.
    static const QStringList global{u"Timeout"_s, u"KeepAlive"_s, u"MaxKeepAliveRequests"_s,
                                    u"KeepAliveTimeout"_s, u"ListenBacklog"_s};
    return findSpec(name) && !global.contains(name, Qt::CaseInsensitive);
}

bool DirectiveSet::appliesTo(const QString &name, MpmKind mpm)
{
    const DirectiveSpec *spec = findSpec(name);
    return spec && specAppliesTo(*spec, mpm);
}

std::optional<QString> DirectiveSet::compiledDefault(const QString &name, MpmKind mpm)
{
    const bool prefork = mpm == MpmKind::Prefork;
    if (name == u"ServerLimit")
        return prefork ? u"256"_s : u"16"_s;
    if (name == u"ThreadLimit" && !prefork)
        return u"64"_s;
    if (name == u"ThreadsPerChild" && !prefork)
        return u"25"_s;
    if (name == u"StartServers")
        return prefork ? u"5"_s : u"3"_s;
    if (name == u"MaxRequestWorkers")
        return prefork ? u"256"_s : u"400"_s;
    if (name == u"MinSpareThreads" && !prefork)
        return u"75"_s;
    if (name == u"MaxSpareThreads" && !prefork)
        return u"250"_s;
    if (name == u"MinSpareServers" && prefork)
        return u"5"_s;
    if (name == u"MaxSpareServers" && prefork)
        return u"10"_s;
    if (name == u"AsyncRequestWorkerFactor" && mpm == MpmKind::Event)
        return u"2"_s;
    if (name == u"MaxConnectionsPerChild")
        return u"0"_s;
    if (name == u"Timeout")
        return u"60"_s;
    if (name == u"KeepAlive")
        return u"On"_s;
    if (name == u"MaxKeepAliveRequests")
        return u"100"_s;
    if (name == u"KeepAliveTimeout")
        return u"5"_s;
    if (name == u"ListenBacklog")
        return u"511"_s;
    return std::nullopt;
}

std::optional<QString> DirectiveSet::debianDefault(const QString &name, MpmKind mpm)
{
    // apache2.conf
    static const QMap<QString, QString> global{{u"Timeout"_s, u"300"_s},
                                               {u"KeepAlive"_s, u"On"_s},
                                               {u"MaxKeepAliveRequests"_s, u"100"_s},
                                               {u"KeepAliveTimeout"_s, u"5"_s}};
    // mods-available/mpm_prefork.conf, mpm_worker.conf and mpm_event.conf
    static const QMap<QString, QString> prefork{{u"StartServers"_s, u"5"_s},
                                                {u"MinSpareServers"_s, u"5"_s},
                                                {u"MaxSpareServers"_s, u"10"_s},
                                                {u"MaxRequestWorkers"_s, u"150"_s},
                                                {u"MaxConnectionsPerChild"_s, u"0"_s}};
    static const QMap<QString, QString> threaded{
        {u"StartServers"_s, u"2"_s},          {u"MinSpareThreads"_s, u"25"_s},
        {u"MaxSpareThreads"_s, u"75"_s},      {u"ThreadLimit"_s, u"64"_s},
        {u"ThreadsPerChild"_s, u"25"_s},      {u"MaxRequestWorkers"_s, u"150"_s},
        {u"MaxConnectionsPerChild"_s, u"0"_s}};
    const QMap<QString, QString> &section = mpm == MpmKind::Prefork ? prefork : threaded;
    if (const auto found = global.constFind(name); found != global.cend())
        return *found;
    if (const auto found = section.constFind(name); found != section.cend())
        return *found;
    return std::nullopt;
}

Result<QString> DirectiveSet::validate(const QString &name, const QString &value,
                                       QString *canonicalValue)
{
    const DirectiveSpec *spec = findSpec(name);
    if (!spec) {
        return Error{
            Error::Kind::InvalidInput,
            u"unknown directive '%1': MPM Lab sets %2"_s.arg(name, knownNames().join(u", "_s)),
            {}};
    }
    const QString canonicalName = QString::fromLatin1(spec->name);
    const auto refuse = [&](const QString &accepted) {
        return Error{Error::Kind::InvalidInput,
                     u"invalid value '%1' for %2: %3"_s.arg(value, canonicalName, accepted),
                     {}};
    };
    if (spec->type == ValueType::OnOff) {
        if (value.compare(u"on"_s, Qt::CaseInsensitive) == 0)
            *canonicalValue = u"On"_s;
        else if (value.compare(u"off"_s, Qt::CaseInsensitive) == 0)
            *canonicalValue = u"Off"_s;
        else
            return refuse(u"On or Off"_s);
        return canonicalName;
    }
    // Digits only (and one dot for decimals): no sign, no spaces, no quotes,
    // nothing a shell or Apache's parser could read as more than a number.
    static const QRegularExpression integer(u"^[0-9]{1,9}$"_s);
    static const QRegularExpression decimal(u"^[0-9]{1,6}(\\.[0-9]{1,6})?$"_s);
    const bool isInteger = spec->type == ValueType::Integer;
    const QString range = u"%1 %2 to %3 (%4)"_s.arg(
        isInteger ? u"a whole number from"_s : u"a number from"_s, formatNumber(spec->minimum),
        formatNumber(spec->maximum), QLatin1StringView(spec->unit));
    if (!(isInteger ? integer : decimal).match(value).hasMatch())
        return refuse(range);
    const double number = value.toDouble();
    if (number < spec->minimum || number > spec->maximum)
        return refuse(range);
    *canonicalValue = isInteger ? QString::number(value.toLongLong()) : formatNumber(number);
    return canonicalName;
}

Result<DirectiveSet> DirectiveSet::fromAssignments(const QStringList &assignments,
                                                   std::optional<MpmKind> mpm)
{
    DirectiveSet set;
    for (const QString &assignment : assignments) {
        const qsizetype equals = assignment.indexOf(u'=');
        if (equals <= 0) {
            return Error{
                Error::Kind::InvalidInput,
                u"'%1' is not NAME=VALUE (for example MaxRequestWorkers=150)"_s.arg(assignment),
                {}};
        }
        QString value;
        const Result<QString> name =
            validate(assignment.left(equals), assignment.mid(equals + 1), &value);
        if (!name)
            return name.error();
        set.set(*name, value);
    }
    if (mpm) {
        if (Status usable = set.checkFor(*mpm, u"the server"_s); !usable)
            return usable.error();
    }
    return set;
}

Status DirectiveSet::checkFor(MpmKind mpm, const QString &where) const
{
    for (auto it = m_values.cbegin(); it != m_values.cend(); ++it) {
        QString canonical;
        const Result<QString> name = validate(it.key(), it.value(), &canonical);
        if (!name)
            return name.error();
        if (!specAppliesTo(*findSpec(*name), mpm)) {
            return Error{Error::Kind::InvalidInput,
                         u"%1 applies to %2, not to %3 (the MPM %4 is configured with): switch "
                         "MPM first"_s.arg(*name, mpmsOf(*findSpec(*name)), mpmName(mpm), where),
                         {}};
        }
    }
    return {};
}

std::optional<QString> DirectiveSet::value(const QString &name) const
{
    const auto found = m_values.constFind(name);
    if (found == m_values.cend())
        return std::nullopt;
    return *found;
}

void DirectiveSet::merge(const DirectiveSet &other)
{
    for (auto it = other.m_values.cbegin(); it != other.m_values.cend(); ++it)
        m_values.insert(it.key(), it.value());
}

QList<DirectiveSet::Adjustment> DirectiveSet::adjustments(MpmKind mpm) const
{
    const auto effective = [&](const QString &name) -> long long {
        if (const auto set = value(name))
            return set->toLongLong();
        return compiledDefault(name, mpm).value_or(u"0"_s).toLongLong();
    };
    QList<Adjustment> found;
    const auto adjust = [&found](const QString &name, long long used, const QString &reason) {
        found << Adjustment{name, QString::number(used), reason};
    };
    const long long serverLimit = effective(u"ServerLimit"_s);
    long long maxWorkers = effective(u"MaxRequestWorkers"_s);
    if (mpm == MpmKind::Prefork) {
        if (maxWorkers > serverLimit) {
            adjust(u"MaxRequestWorkers"_s, serverLimit,
                   u"MaxRequestWorkers %1 exceeds ServerLimit %2: Apache lowers it to %2 "
                   "(AH00180)"_s.arg(maxWorkers)
                       .arg(serverLimit));
        }
        const long long minSpare = effective(u"MinSpareServers"_s);
        if (effective(u"MaxSpareServers"_s) < minSpare) {
            adjust(u"MaxSpareServers"_s, minSpare + 1,
                   u"MaxSpareServers is below MinSpareServers: Apache raises it to "
                   "MinSpareServers + 1"_s);
        }
        return found;
    }
    // worker.c and event.c, in their order: ThreadsPerChild first, then
    // MaxRequestWorkers against it, then against ServerLimit.
    const long long threadLimit = effective(u"ThreadLimit"_s);
    long long threads = effective(u"ThreadsPerChild"_s);
    if (threads > threadLimit) {
        adjust(u"ThreadsPerChild"_s, threadLimit,
               u"ThreadsPerChild %1 exceeds ThreadLimit %2: Apache lowers it to %2 "
               "(AH00507/AH00310)"_s.arg(threads)
                   .arg(threadLimit));
        threads = threadLimit;
    }
    if (threads > 0 && maxWorkers < threads) {
        adjust(u"MaxRequestWorkers"_s, threads,
               u"MaxRequestWorkers %1 is less than ThreadsPerChild %2: Apache raises it to %2 "
               "(AH00511/AH00314)"_s.arg(maxWorkers)
                   .arg(threads));
        maxWorkers = threads;
    } else if (threads > 0 && maxWorkers % threads != 0) {
        adjust(u"MaxRequestWorkers"_s, maxWorkers / threads * threads,
               u"MaxRequestWorkers %1 is not a multiple of ThreadsPerChild %2: Apache "
               "lowers it to %3 (AH00513/AH00316)"_s.arg(maxWorkers)
                   .arg(threads)
                   .arg(maxWorkers / threads * threads));
        maxWorkers = maxWorkers / threads * threads;
    }
    if (maxWorkers > serverLimit * threads) {
        adjust(u"MaxRequestWorkers"_s, serverLimit * threads,
               u"MaxRequestWorkers %1 exceeds ServerLimit x ThreadsPerChild = %2 x %3 = %4: "
               "Apache lowers it (AH00515/AH00318); raise ServerLimit"_s.arg(maxWorkers)
                   .arg(serverLimit)
                   .arg(threads)
                   .arg(serverLimit * threads));
    }
    const long long minSpareThreads = effective(u"MinSpareThreads"_s);
    if (effective(u"MaxSpareThreads"_s) < minSpareThreads + threads) {
        adjust(u"MaxSpareThreads"_s, minSpareThreads + threads,
               u"MaxSpareThreads is below MinSpareThreads + ThreadsPerChild: Apache raises "
               "it"_s);
    }
    return found;
}

QStringList DirectiveSet::inconsistencies(MpmKind mpm) const
{
    QStringList reasons;
    for (const Adjustment &adjustment : adjustments(mpm))
        reasons << adjustment.reason;
    return reasons;
}

QStringList DirectiveSet::apacheWarnings(const QString &output)
{
    static const QRegularExpression code(u"AH0[0-9]{4}"_s);
    QStringList lines;
    for (const QString &line : output.split(u'\n', Qt::SkipEmptyParts)) {
        if (line.contains(code) && !line.contains(u"AH00558"_s))
            lines << line.trimmed();
    }
    return lines;
}

QJsonObject DirectiveSet::toJson() const
{
    QJsonObject object;
    for (auto it = m_values.cbegin(); it != m_values.cend(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

} // namespace mpmlab
