#include "FileDescriptorLimit.h"

#include <sys/resource.h>

using namespace Qt::StringLiterals;

namespace mpmlab {

long FileDescriptorLimit::raiseToHard()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return 1024;
    if (limit.rlim_cur < limit.rlim_max) {
        rlimit raised = limit;
        raised.rlim_cur = limit.rlim_max;
        if (setrlimit(RLIMIT_NOFILE, &raised) == 0)
            limit = raised;
    }
    return limit.rlim_cur == RLIM_INFINITY ? 1L << 20 : long(limit.rlim_cur);
}

Status FileDescriptorLimit::ensure(long needed, const QString &what)
{
    const long available = raiseToHard();
    if (needed <= available)
        return {};
    // Too little for what was asked: the input and the limit disagree, no
    // resource is taken (InvalidInput, not Busy).
    return Error{Error::Kind::InvalidInput,
                 u"the open-file limit is too low: %1 needs about %2 open files, but this process "
                 "may open at most %3 (its hard limit). Lower the concurrency, or raise the limit "
                 "(as root: ulimit -Hn %2, or nofile in /etc/security/limits.conf)"_s.arg(what)
                     .arg(needed)
                     .arg(available),
                 {}};
}

} // namespace mpmlab
