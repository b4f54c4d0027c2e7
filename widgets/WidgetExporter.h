#pragma once

#include <QCoreApplication>
#include <QImage>
#include <QSize>
#include <QString>

class QWidget;

// Saves any widget as PNG, SVG or PDF, or copies it to the clipboard, at an
// exact size in pixels (an invalid size means the widget's own). It works
// for a widget that was never shown and under the offscreen platform, which
// is how the command line renders charts. The widget is laid out at the
// requested size for the export and put back afterwards.
//
// QCustomPlot plots inside are drawn afresh from their data, not copied from
// their screen buffers, so SVG and PDF get their lines as vectors.
class WidgetExporter {
    Q_DECLARE_TR_FUNCTIONS(WidgetExporter)

public:
    WidgetExporter() = delete;

    static bool savePng(QWidget *widget, const QString &path, QSize size = {},
                        QString *error = nullptr);
    static bool saveSvg(QWidget *widget, const QString &path, QSize size = {},
                        QString *error = nullptr);
    // One page the size of the widget (at the screen's resolution).
    static bool savePdf(QWidget *widget, const QString &path, QSize size = {},
                        QString *error = nullptr);
    static void copyToClipboard(QWidget *widget, QSize size = {});
    [[nodiscard]] static QImage toImage(QWidget *widget, QSize size = {});
};
