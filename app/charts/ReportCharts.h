#pragma once

#include "PlotTheme.h"
#include "common/Result.h"
#include "results/HtmlReport.h"

#include <QCoreApplication>
#include <QSize>
#include <QString>

namespace mpmlab {
struct CampaignResult;
}

// A campaign's charts as files, drawn off screen by the very widgets the
// window shows: the side-by-side dashboard (dashboard.png and .svg), the
// comparison (comparison.png and .svg), and one PNG and SVG per compared
// figure (chart-requestsPerSecond.png...). Needs a QApplication (the
// offscreen platform is enough); the CLI and the window's export both use it.
class ReportCharts {
    Q_DECLARE_TR_FUNCTIONS(ReportCharts)

public:
    static constexpr QSize dashboardSize{1800, 2000}; // px: a column per MPM, seven rows
    static constexpr QSize comparisonSize{1800, 1300};
    static constexpr QSize chartSize{800, 560};

    // The files written into `directory`, and the images for the HTML
    // report; the first write error otherwise.
    static mpmlab::Result<QList<mpmlab::HtmlReport::Chart>>
    write(const mpmlab::CampaignResult &campaign, const QString &directory, const QString &language,
          const PlotTheme &theme = {});

    // campaign.json, the CSV series, report.txt, the charts and report.html
    // in `directory`: everything a campaign leaves for people and scripts.
    static mpmlab::Status writeAll(const mpmlab::CampaignResult &campaign, const QString &directory,
                                   const QString &language);
};
