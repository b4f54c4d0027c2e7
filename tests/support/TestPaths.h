#pragma once

#include <QProcessEnvironment>
#include <QString>

// Where the test binaries find the fixtures, the built front ends and an
// output folder: this build's, unless MPMLAB_FIXTURES_DIR, MPMLAB_CLI,
// MPMLAB_GUI or MPMLAB_TEST_OUTPUT_DIR say otherwise.
namespace TestPaths {

QString fixturesDir();
QString outputDir(); // screenshots and other artefacts a person looks at
QString cliBinary();
QString guiBinary();
// The environment mpmlab-cli runs in for a test: its data (client
// journals, known hosts) under `dataHome`, and no ssh-agent, so that only
// the credentials on its command line count.
QProcessEnvironment cliEnvironment(const QString &dataHome);

} // namespace TestPaths
