#include "TestPaths.h"

#include <QDir>

namespace {

// The environment's value (to point the tests at other binaries), else the
// build's own.
QString pathFor(const char *variable, const char *built)
{
    const QString value = qEnvironmentVariable(variable);
    return value.isEmpty() ? QString::fromUtf8(built) : value;
}

} // namespace

QString TestPaths::fixturesDir()
{
    return pathFor("MPMLAB_FIXTURES_DIR", MPMLAB_BUILT_FIXTURES_DIR);
}

QString TestPaths::outputDir()
{
    const QString dir = pathFor("MPMLAB_TEST_OUTPUT_DIR", MPMLAB_BUILT_TEST_OUTPUT_DIR);
    QDir().mkpath(dir);
    return dir;
}

QString TestPaths::cliBinary() { return pathFor("MPMLAB_CLI", MPMLAB_BUILT_CLI); }
QString TestPaths::guiBinary() { return pathFor("MPMLAB_GUI", MPMLAB_BUILT_GUI); }

QProcessEnvironment TestPaths::cliEnvironment(const QString &dataHome)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_DATA_HOME"), dataHome);
    environment.remove(QStringLiteral("SSH_AUTH_SOCK"));
    return environment;
}
