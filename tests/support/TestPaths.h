#pragma once

#include <QString>

// Where the test binaries find what CTest sets up for them (see
// tests/CMakeLists.txt): fixtures, the built front ends, an output folder.
namespace TestPaths {

QString fixturesDir();
QString outputDir(); // screenshots and other artefacts a person looks at
QString cliBinary();
QString guiBinary();

} // namespace TestPaths
