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

Result<ServerLease> ServerDriver::lease(const QString &purpose, std::chrono::milliseconds wait)
{
    if (std::shared_ptr<ServerOwnership> held = m_ownership.lock())
        return ServerLease(std::move(held));
    Result<std::unique_ptr<ServerOwnership>> claimed = claimOwnership(purpose, wait);
    if (!claimed)
        return claimed.error();
    std::shared_ptr<ServerOwnership> ownership = std::move(claimed).value();
    m_ownership = ownership;
    return ServerLease(std::move(ownership));
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
