#include "WidgetExporter.h"

#include "QCustomPlotInclude.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QLayout>
#include <QPdfWriter>
#include <QResizeEvent>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QWidget>
#include <cmath>

namespace {

// Lays a widget out at the export's size and puts it back afterwards. A
// widget that was never shown gets its pending layout from QWidget::render.
class ExportGeometry {
public:
    ExportGeometry(QWidget *widget, QSize size)
        : m_widget(widget)
        , m_size(widget->size())
    {
        widget->ensurePolished();
        // A hidden widget only lays out, and a chart view only fits its
        // scene, when shown: do both now. Its window first, or the parent's
        // pending layout would undo the export's size while it renders.
        if (!widget->isVisible())
            deliverPendingResizes(widget->window());
        if (size.isValid() && size != m_size)
            widget->resize(size);
        if (!widget->isVisible())
            deliverPendingResizes(widget);
    }
    ~ExportGeometry()
    {
        if (m_widget->size() != m_size)
            m_widget->resize(m_size);
    }
    ExportGeometry(const ExportGeometry &) = delete;
    ExportGeometry &operator=(const ExportGeometry &) = delete;

private:
    // Parents first, so that each layout places its children before they
    // hear of their own size.
    static void deliverPendingResizes(QWidget *widget)
    {
        if (QLayout *layout = widget->layout())
            layout->activate();
        if (widget->testAttribute(Qt::WA_PendingResizeEvent)) {
            QResizeEvent resized(widget->size(), QSize());
            QCoreApplication::sendEvent(widget, &resized);
            widget->setAttribute(Qt::WA_PendingResizeEvent, false);
        }
        for (QWidget *child : widget->findChildren<QWidget *>(Qt::FindDirectChildrenOnly))
            deliverPendingResizes(child);
    }

    QWidget *m_widget;
    QSize m_size;
};

// Keeps QCustomPlot from painting its screen buffers into the export: it is
// drawn afresh, and as vectors where the device takes them.
class PaintBlocker : public QObject {
public:
    bool eventFilter(QObject *, QEvent *event) override { return event->type() == QEvent::Paint; }
};

QList<QCustomPlot *> plotsIn(QWidget *widget)
{
    QList<QCustomPlot *> plots = widget->findChildren<QCustomPlot *>();
    if (auto *plot = qobject_cast<QCustomPlot *>(widget))
        plots.prepend(plot);
    return plots;
}

// The part of `child` that `root` shows, in root's coordinates: a plot in
// a scroll area is cut by the viewport as on screen.
QRect visiblePart(QWidget *child, QWidget *root)
{
    QRect part(child->mapTo(root, QPoint(0, 0)), child->size());
    for (QWidget *ancestor = child->parentWidget(); ancestor && ancestor != root;
         ancestor = ancestor->parentWidget()) {
        part &= QRect(ancestor->mapTo(root, QPoint(0, 0)), ancestor->size());
    }
    return part & root->rect();
}

void renderWidget(QWidget *widget, QCPPainter &painter)
{
    const QList<QCustomPlot *> plots = plotsIn(widget);
    PaintBlocker blocker;
    for (QCustomPlot *plot : plots)
        plot->installEventFilter(&blocker);
    widget->render(&painter, QPoint(), QRegion(),
                   QWidget::DrawWindowBackground | QWidget::DrawChildren);
    for (QCustomPlot *plot : plots)
        plot->removeEventFilter(&blocker);

    for (QCustomPlot *plot : plots) {
        if (plot != widget && !plot->isVisibleTo(widget))
            continue;
        const QRect part = visiblePart(plot, widget);
        if (part.isEmpty())
            continue;
        painter.save();
        painter.setClipRect(part);
        painter.translate(plot->mapTo(widget, QPoint(0, 0)));
        plot->toPainter(&painter, plot->width(), plot->height());
        painter.restore();
    }
}

// Text in points must come out as large, relative to the layout, as on
// the screen the layout was made for.
int dotsPerMeter(qreal dpi) { return int(std::lround(dpi / 0.0254)); }

QString writeError(const QString &path, const QString &reason)
{
    return WidgetExporter::tr("Cannot write %1: %2").arg(path, reason);
}

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

// Paints the widget on a vector device writing to `file`, then commits it.
bool renderVectors(QWidget *widget, QPaintDevice *device, QSaveFile &file, QString *error)
{
    QCPPainter painter;
    if (!painter.begin(device))
        return fail(error,
                    writeError(file.fileName(), WidgetExporter::tr("nothing can be drawn on it")));
    painter.setMode(QCPPainter::pmVectorized);
    renderWidget(widget, painter);
    painter.end();
    if (!file.commit())
        return fail(error, writeError(file.fileName(), file.errorString()));
    return true;
}

} // namespace

QImage WidgetExporter::toImage(QWidget *widget, QSize size)
{
    ExportGeometry geometry(widget, size);
    const QSize pixels = size.isValid() ? size : widget->size();
    QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
    image.setDotsPerMeterX(dotsPerMeter(widget->logicalDpiX()));
    image.setDotsPerMeterY(dotsPerMeter(widget->logicalDpiY()));
    image.fill(widget->palette().color(QPalette::Window));
    QCPPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    renderWidget(widget, painter);
    painter.end();
    return image;
}

bool WidgetExporter::savePng(QWidget *widget, const QString &path, QSize size, QString *error)
{
    const QImage image = toImage(widget, size);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(error, writeError(path, file.errorString()));
    if (!image.save(&file, "PNG"))
        return fail(error, writeError(path, WidgetExporter::tr("PNG encoding failed")));
    if (!file.commit())
        return fail(error, writeError(path, file.errorString()));
    return true;
}

bool WidgetExporter::saveSvg(QWidget *widget, const QString &path, QSize size, QString *error)
{
    ExportGeometry geometry(widget, size);
    const QSize pixels = size.isValid() ? size : widget->size();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(error, writeError(path, file.errorString()));
    QSvgGenerator svg;
    svg.setOutputDevice(&file);
    svg.setSize(pixels);
    svg.setViewBox(QRect(QPoint(0, 0), pixels));
    svg.setResolution(widget->logicalDpiX());
    svg.setTitle(widget->windowTitle());
    return renderVectors(widget, &svg, file, error);
}

bool WidgetExporter::savePdf(QWidget *widget, const QString &path, QSize size, QString *error)
{
    ExportGeometry geometry(widget, size);
    const QSize pixels = size.isValid() ? size : widget->size();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(error, writeError(path, file.errorString()));
    const int dpi = widget->logicalDpiX();
    QPdfWriter pdf(&file);
    pdf.setResolution(dpi);
    pdf.setPageSize(QPageSize(QSizeF(pixels) * 72.0 / dpi, QPageSize::Point));
    pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
    pdf.setTitle(widget->windowTitle());
    pdf.setCreator(QCoreApplication::applicationName());
    return renderVectors(widget, &pdf, file, error);
}

void WidgetExporter::copyToClipboard(QWidget *widget, QSize size)
{
    QGuiApplication::clipboard()->setImage(toImage(widget, size));
}
