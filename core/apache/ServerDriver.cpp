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

Status ServerDriver::start()
{
    const Result<ServerLease> owned = lease(u"starting Apache"_s);
    if (!owned)
        return owned.error();
    return doStart();
}

Status ServerDriver::stop()
{
    const Result<ServerLease> owned = lease(u"stopping Apache"_s);
    if (!owned)
        return owned.error();
    return doStop();
}

Status ServerDriver::switchMpm(MpmKind kind)
{
    const Result<ServerLease> owned = lease(u"switching to %1"_s.arg(mpmName(kind)));
    if (!owned)
        return owned.error();
    return doSwitchMpm(kind);
}

Result<QStringList> ServerDriver::applyProfile(const ServerProfile &profile)
{
    const Result<ServerLease> owned = lease(u"applying %1's settings"_s.arg(mpmName(profile.mpm)));
    if (!owned)
        return owned.error();
    if (Status usable = profile.directives.checkFor(profile.mpm, targetName()); !usable)
        return usable.error();
    if (Status valid = checkMemoryLimit(profile.memoryLimitKib); !valid)
        return valid.error();
    const Result<QStringList> apache = doApplyProfile(profile);
    if (!apache)
        return apache.error();
    return warningsAfter(profile.directives.values().keys(), profile.mpm, *apache);
}

Result<QStringList> ServerDriver::setDirectives(const DirectiveSet &changes, DirectiveScope scope)
{
    const Result<ServerLease> owned = lease(u"setting directives"_s);
    if (!owned)
        return owned.error();
    const Result<MpmKind> mpm = configuredMpm();
    if (!mpm)
        return mpm.error();
    if (scope == DirectiveScope::ConfiguredMpm) {
        if (Status usable = changes.checkFor(*mpm, targetName()); !usable)
            return usable.error();
    } else {
        for (auto it = changes.values().cbegin(); it != changes.values().cend(); ++it) {
            QString canonical;
            if (const Result<QString> valid =
                    DirectiveSet::validate(it.key(), it.value(), &canonical);
                !valid) {
                return valid.error();
            }
        }
    }
    const Result<QStringList> apache = doSetDirectives(changes, mpmsInScope(scope, *mpm), *mpm);
    if (!apache)
        return apache.error();
    return warningsAfter(changes.values().keys(), *mpm, *apache);
}

Status ServerDriver::setMemoryLimit(std::optional<qint64> kibibytes)
{
    if (Status valid = checkMemoryLimit(kibibytes); !valid)
        return valid;
    const Result<ServerLease> owned =
        lease(kibibytes ? u"setting a memory limit"_s : u"removing the memory limit"_s);
    if (!owned)
        return owned.error();
    return doSetMemoryLimit(kibibytes);
}

Result<bool> ServerDriver::ensureStatusPage()
{
    const Result<bool> serves = servesStatusPage();
    if (!serves)
        return serves.error();
    if (*serves)
        return false;
    const Result<ServerLease> owned = lease(u"adding MPM Lab's status page"_s);
    if (!owned)
        return owned.error();
    if (Status added = doAddStatusPage(); !added)
        return added.error();
    return true;
}

Result<QStringList> ServerDriver::createTestFiles(const TestFilesSpec &spec)
{
    if (Status valid = spec.validate(); !valid)
        return valid.error();
    const Result<ServerLease> owned = lease(u"writing test files"_s);
    if (!owned)
        return owned.error();
    return doCreateTestFiles(spec);
}

Status ServerDriver::restore()
{
    const Result<ServerLease> owned = lease(u"restoring the configuration"_s);
    if (!owned)
        return owned.error();
    return doRestore();
}

QStringList ServerDriver::warningsAfter(const QStringList &names, MpmKind mpm,
                                        const QStringList &apache)
{
    QStringList warnings;
    if (const Result<DirectiveSet> effective = directives())
        warnings = effective->inconsistencies(mpm);
    if (const Result<QStringList> perHost = virtualHostSettings()) {
        for (const QString &setting : *perHost) {
            const QString name = setting.section(u' ', 0, 0);
            if (names.contains(name)) {
                warnings << u"%1 is also set as %2: that virtual host keeps its own value"_s.arg(
                    name, setting.section(u' ', 1));
            }
        }
    }
    for (const QString &line : apache) {
        if (!warnings.contains(line))
            warnings << line;
    }
    return warnings;
}

} // namespace mpmlab
