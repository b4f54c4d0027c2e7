// A program made of the whole core library and nothing else: its dynamic
// section lists what core needs (see CheckNoGuiLibraries.cmake). The front
// ends link widgets, so they cannot tell.
#include "scenario/ScenarioLibrary.h"

int main() { return mpmlab::ScenarioLibrary::builtInIds().isEmpty() ? 1 : 0; }
