#pragma once

#include <QtTest/qtestcase.h>

// Every skip in the suite goes through here. The support library
// force-includes this header into everything that links it (every test
// binary), after QtTest's own definition of QSKIP, which it replaces: a
// test cannot skip without passing through TestSkip::skip.
//
// A skip must say why the test cannot run on this machine (not root, a
// package missing). Under MPMLAB_NO_SKIP=1, which scripts/run-tests.sh and
// CI set, a skip fails the test instead, so that a green run there proves
// that every test ran. Setup errors are not skips: they fail.
namespace TestSkip {

// True when MPMLAB_NO_SKIP is set to anything but "" or "0".
[[nodiscard]] bool forbidden();

// Records a skip of the running test function with `reason`, or a failure
// naming it when skips are forbidden. The caller returns right after.
void skip(const char *reason, const char *file, int line);

} // namespace TestSkip

#undef QSKIP
#define QSKIP(reason, ...)                                                                         \
    do {                                                                                           \
        TestSkip::skip(static_cast<const char *>(reason), __FILE__, __LINE__);                     \
        return;                                                                                    \
    } while (false)
