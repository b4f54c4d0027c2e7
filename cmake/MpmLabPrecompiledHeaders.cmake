# Precompiled headers, for a shorter build where no compiler cache helps
# (CI builds a clean clone). Most of a translation unit's time here is GCC
# reading Qt's headers (QtTest, QtWidgets, QCustomPlot): each library reads
# them once into its own precompiled header, and the test programs share two,
# one for the tests of core and one for the tests that link the widgets.
#
# Off by default: a developer's build (with ccache) keeps checking that
# every file includes what it uses, which a precompiled header would hide.

option(MPMLAB_PRECOMPILE_HEADERS "Precompile Qt's headers (shorter clean builds)" OFF)

# mpmlab_precompile_headers(target header...): the given headers, read once
# for all of the target's sources.
function(mpmlab_precompile_headers target)
    if(MPMLAB_PRECOMPILE_HEADERS)
        target_precompile_headers(${target} PRIVATE ${ARGN})
    endif()
endfunction()

# What most sources read first: Qt Core and the standard library.
set(MPMLAB_PCH_QTCORE
    <QByteArray> <QDateTime> <QDeadlineTimer> <QDir> <QFile> <QFileInfo> <QHash>
    <QJsonArray> <QJsonDocument> <QJsonObject> <QList> <QLocale> <QMap> <QObject>
    <QProcess> <QRegularExpression> <QString> <QStringList> <QThread>
    <algorithm> <array> <chrono> <cstdint> <functional> <memory> <optional> <string>
    <vector>)

# Core's sources and every test's: Qt Network too.
set(MPMLAB_PCH_CORE ${MPMLAB_PCH_QTCORE} <QTcpSocket>)

# And what the charts, the window and their tests read: Qt Widgets, Qt Charts
# and QCustomPlot (only ever through its wrapper, see QCustomPlotInclude.h).
set(MPMLAB_PCH_WIDGETS
    ${MPMLAB_PCH_QTCORE}
    ${PROJECT_SOURCE_DIR}/widgets/QCustomPlotInclude.h
    <QApplication> <QChart> <QChartView> <QColor> <QImage> <QLabel> <QLegend>
    <QPainter> <QValueAxis> <QVBoxLayout> <QWidget>)

# mpmlab_reuse_precompiled_headers(target donor): the donor's, where both
# see the same macros (GCC refuses a precompiled header otherwise, and
# -Winvalid-pch says so).
function(mpmlab_reuse_precompiled_headers target donor)
    if(MPMLAB_PRECOMPILE_HEADERS)
        target_precompile_headers(${target} REUSE_FROM ${donor})
    endif()
endfunction()
