#pragma once

#include "common/Result.h"

#include <QByteArray>

namespace mpmlab {

// The content the experiments request in a DocumentRoot: test.html of a
// chosen size and large.bin for the large-file scenario.
struct TestFilesSpec {
    static constexpr qint64 maxPageBytes = 16 * 1024 * 1024;      // bytes
    static constexpr qint64 maxLargeBytes = 1024LL * 1024 * 1024; // bytes
    static constexpr const char *pagePath = "/test.html";
    static constexpr const char *largePath = "/large.bin";

    qint64 pageBytes = 1024;              // test.html
    qint64 largeBytes = 10 * 1024 * 1024; // large.bin, 10 MiB

    // InvalidInput naming the accepted ranges.
    [[nodiscard]] Status validate() const;
    // A well-formed HTML page of exactly `bytes` bytes (padding in a comment).
    static QByteArray pageOfSize(qint64 bytes);
};

} // namespace mpmlab
