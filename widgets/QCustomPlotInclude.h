#pragma once

// QCustomPlot's header uses `foreach` in two templates. Our code is built
// with QT_NO_FOREACH, under which Qt defines no foreach at all, and once any
// Qt header is in, undefining QT_NO_FOREACH no longer brings it back: so the
// header gets a plain range-for under that name while it is read (both
// loops only read). Include QCustomPlot only through this header.
#include <utility>

#ifndef foreach
#define foreach(variable, container) for (variable : std::as_const(container))
#define MPMLAB_QCUSTOMPLOT_FOREACH
#endif
#include <qcustomplot.h>
#ifdef MPMLAB_QCUSTOMPLOT_FOREACH
#undef foreach
#undef MPMLAB_QCUSTOMPLOT_FOREACH
#endif
