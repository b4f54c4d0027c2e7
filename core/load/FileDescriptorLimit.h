#pragma once

#include "common/Result.h"

namespace mpmlab {

// The process's open-file limit (RLIMIT_NOFILE). A load run needs one
// descriptor per connection.
class FileDescriptorLimit {
public:
    // Raises the soft limit to the hard limit, returns the soft limit now in force.
    static long raiseToHard();
    // Raises the limit and checks that `needed` descriptors fit; otherwise
    // an InvalidInput error with the numbers and how to raise the limit.
    static Status ensure(long needed, const QString &what);
};

} // namespace mpmlab
