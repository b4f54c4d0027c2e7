#include "ExportActions.h"

#include "CampaignComparison.h"
#include "CampaignDashboard.h"
#include "ComparisonBarChart.h"
#include "PercentileChart.h"
#include "ReportCharts.h"
#include "ScoreboardView.h"
#include "TimeSeriesPlot.h"
#include "WidgetExporter.h"
#include "results/CampaignFile.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QMenu>
#include <QMessageBox>
#include <QSpinBox>

using namespace Qt::StringLiterals;
using namespace mpmlab;

namespace {

constexpr int maxPixels = 16384; // px: QImage and printers stay sane below it

// Asks for a size in pixels; empty when cancelled.
std::optional<QSize> askSize(QWidget *parent, QSize suggested)
{
    QDialog dialog(parent);
    dialog.setWindowTitle(ExportActions::tr("Image size"));
    auto *form = new QFormLayout(&dialog);
    auto *width = new QSpinBox(&dialog);
    auto *height = new QSpinBox(&dialog);
    for (QSpinBox *box : {width, height}) {
        box->setRange(200, maxPixels);
        box->setSuffix(ExportActions::tr(" px"));
    }
    width->setValue(suggested.width());
    height->setValue(suggested.height());
    form->addRow(ExportActions::tr("Width"), width);
    form->addRow(ExportActions::tr("Height"), height);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return QSize(width->value(), height->value());
}

} // namespace

ExportActions::ExportActions(QWidget *window, CampaignDashboard *dashboard,
                             CampaignComparison *comparison, CampaignSource campaign,
                             QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_dashboard(dashboard)
    , m_comparison(comparison)
    , m_campaign(std::move(campaign))
{
    // Any chart exports on a right click, wherever it is in the window;
    // charts are rebuilt as campaigns change, so one filter serves them all.
    qApp->installEventFilter(this);
}

void ExportActions::addTo(QMenu *menu)
{
    menu->addAction(tr("Export the &dashboard…"), this, [this] {
        exportImage(m_dashboard, tr("Export the dashboard"), u"dashboard"_s,
                    ReportCharts::dashboardSize);
    });
    menu->addAction(tr("Export the &comparison…"), this, [this] {
        exportImage(m_comparison->chartsArea(), tr("Export the comparison"), u"comparison"_s,
                    ReportCharts::comparisonSize);
    });
    menu->addAction(tr("Copy the dashboard to the c&lipboard"), this,
                    [this] { WidgetExporter::copyToClipboard(m_dashboard); });
    menu->addSeparator();
    menu->addAction(tr("Save the campaign &as…"), this, &ExportActions::saveCampaign);
    menu->addAction(tr("Export the &report (HTML, CSV, charts)…"), this,
                    &ExportActions::exportReport);
}

std::optional<QString> ExportActions::exportWidget(QWidget *widget, const QString &path, QSize size)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    QString error;
    bool saved = false;
    if (suffix == u"svg")
        saved = WidgetExporter::saveSvg(widget, path, size, &error);
    else if (suffix == u"pdf")
        saved = WidgetExporter::savePdf(widget, path, size, &error);
    else
        saved = WidgetExporter::savePng(widget, path, size, &error);
    if (saved)
        return std::nullopt;
    return tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), error);
}

void ExportActions::exportImage(QWidget *widget, const QString &title, const QString &stem,
                                QSize suggested)
{
    const QString path = QFileDialog::getSaveFileName(
        m_window, title, u"mpmlab-%1.png"_s.arg(stem),
        tr("PNG images (*.png);;SVG drawings (*.svg);;PDF documents (*.pdf)"));
    if (path.isEmpty())
        return;
    QSize size = widget->size();
    if (QFileInfo(path).suffix().compare(u"png"_s, Qt::CaseInsensitive) == 0) {
        const std::optional<QSize> asked = askSize(m_window, suggested);
        if (!asked)
            return;
        size = *asked;
    }
    if (const std::optional<QString> error = exportWidget(widget, path, size))
        QMessageBox::warning(m_window, tr("Export"), *error);
}

QWidget *ExportActions::chartAt(QObject *object)
{
    for (auto *widget = qobject_cast<QWidget *>(object); widget; widget = widget->parentWidget()) {
        if (qobject_cast<TimeSeriesPlot *>(widget) || qobject_cast<ComparisonBarChart *>(widget)
            || qobject_cast<PercentileChart *>(widget) || qobject_cast<ScoreboardView *>(widget)) {
            return widget;
        }
        if (widget == m_window)
            break;
    }
    return nullptr;
}

bool ExportActions::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::ContextMenu)
        return false;
    QWidget *chart = chartAt(watched);
    if (!chart || chart->window() != m_window)
        return false;
    QMenu menu;
    menu.addAction(tr("&Export this chart…"), this, [this, chart] {
        exportImage(chart, tr("Export this chart"), u"chart"_s, ReportCharts::chartSize);
    });
    menu.addAction(tr("&Copy this chart"), this,
                   [chart] { WidgetExporter::copyToClipboard(chart); });
    menu.exec(static_cast<QContextMenuEvent *>(event)->globalPos());
    return true;
}

const CampaignResult *ExportActions::campaignOrWarn()
{
    const CampaignResult *campaign = m_campaign();
    if (!campaign) {
        QMessageBox::information(m_window, tr("Export"),
                                 tr("There is no campaign yet: run one or open one."));
    }
    return campaign;
}

void ExportActions::saveCampaign()
{
    const CampaignResult *campaign = campaignOrWarn();
    if (!campaign)
        return;
    const QString path = QFileDialog::getSaveFileName(
        m_window, tr("Save the campaign"), u"campaign-%1.json"_s.arg(campaign->scenario.id),
        tr("Campaign files (*.json)"));
    if (path.isEmpty())
        return;
    if (const Status saved = CampaignFile::save(*campaign, path); !saved)
        QMessageBox::warning(m_window, tr("Save the campaign"), saved.error().message);
}

void ExportActions::exportReport()
{
    const CampaignResult *campaign = campaignOrWarn();
    if (!campaign)
        return;
    const QString directory =
        QFileDialog::getExistingDirectory(m_window, tr("Folder for the report"));
    if (directory.isEmpty())
        return;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const Status written = ReportCharts::writeAll(*campaign, directory, m_language);
    QApplication::restoreOverrideCursor();
    if (!written) {
        QMessageBox::warning(m_window, tr("Export the report"), written.error().message);
        return;
    }
    QMessageBox::information(
        m_window, tr("Export the report"),
        tr("The report is in %1 (report.html).").arg(QDir::toNativeSeparators(directory)));
}
