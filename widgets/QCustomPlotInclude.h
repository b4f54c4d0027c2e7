#pragma once

// QCustomPlot's header uses `foreach`, which QT_NO_FOREACH forbids in our
// own code: include it only through this header.
#ifdef QT_NO_FOREACH
#undef QT_NO_FOREACH
#include <qcustomplot.h>
#define QT_NO_FOREACH
#else
#include <qcustomplot.h>
#endif
