#pragma once

#include "PlotTheme.h"

#include <QList>
#include <QWidget>

class ComparisonBarChart;
class PercentileChart;
class QTextBrowser;
namespace mpmlab {
struct CampaignResult;
}

// A finished campaign compared across MPMs: one bar chart per figure that
// matters (requests/s, p50, p99, failures, clients never served, peak PSS
// and RSS, processes, threads, Apache's CPU time), each with the spread over
// repeats and an empty slot, never a 0, for an MPM that did not start; the
// latency percentile curves; and the verdicts in words with their evidence.
class CampaignComparison : public QWidget {
    Q_OBJECT

public:
    explicit CampaignComparison(QWidget *parent = nullptr);

    void showCampaign(const mpmlab::CampaignResult &campaign, const QString &language);
    void applyTheme(const PlotTheme &theme);

    // The figures charted, in order (RunSummary metric names).
    [[nodiscard]] static QStringList metrics();
    [[nodiscard]] QList<ComparisonBarChart *> barCharts() const { return m_bars; }
    [[nodiscard]] PercentileChart *percentileChart() const { return m_percentiles; }
    [[nodiscard]] QWidget *chartsArea() const { return m_charts; }
    [[nodiscard]] QString verdictsText() const;
    // The verdicts as HTML, in `language`.
    [[nodiscard]] static QString verdictsHtml(const mpmlab::CampaignResult &campaign,
                                              const QString &language);

private:
    QWidget *m_charts = nullptr;
    QList<ComparisonBarChart *> m_bars;
    PercentileChart *m_percentiles = nullptr;
    QTextBrowser *m_verdicts = nullptr;
};
