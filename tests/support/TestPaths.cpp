#include "TestPaths.h"

#include <QDir>
#include <QtTest>

namespace {

QString required(const char *variable)
{
    const QString value = qEnvironmentVariable(variable);
    if (value.isEmpty())
        qFatal("%s is not set: run the tests through ctest", variable);
    return value;
}

} // namespace

QString TestPaths::fixturesDir() { return required("MPMLAB_FIXTURES_DIR"); }

QString TestPaths::outputDir()
{
    const QString dir = required("MPMLAB_TEST_OUTPUT_DIR");
    QDir().mkpath(dir);
    return dir;
}

QString TestPaths::cliBinary() { return required("MPMLAB_CLI"); }
QString TestPaths::guiBinary() { return required("MPMLAB_GUI"); }
