#pragma once

#include <QString>

// Where the test binaries find the fixtures, the built front ends and an
// output folder: this build's, unless MPMLAB_FIXTURES_DIR, MPMLAB_CLI,
// MPMLAB_GUI or MPMLAB_TEST_OUTPUT_DIR say otherwise.
namespace TestPaths {

QString fixturesDir();
QString outputDir(); // screenshots and other artefacts a person looks at
QString cliBinary();
QString guiBinary();

} // namespace TestPaths
