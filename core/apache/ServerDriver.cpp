#include "ServerDriver.h"

using namespace Qt::StringLiterals;

namespace mpmlab {

Status ServerDriver::checkMemoryLimit(std::optional<qint64> kibibytes)
{
    if (!kibibytes || (*kibibytes >= minMemoryLimitKib && *kibibytes <= maxMemoryLimitKib))
        return {};
    return Error{Error::Kind::InvalidInput,
                 u"memory limit %1 KiB out of range: %2 to %3 KiB"_s.arg(*kibibytes)
                     .arg(minMemoryLimitKib)
                     .arg(maxMemoryLimitKib),
                 {}};
}

QStringList ServerDriver::withApacheWarnings(QStringList ours, const QStringList &apache)
{
    for (const QString &line : apache) {
        if (!ours.contains(line))
            ours << line;
    }
    return ours;
}

} // namespace mpmlab
