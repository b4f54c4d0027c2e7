#pragma once

#include <QObject>
#include <QSize>
#include <functional>
#include <optional>

class CampaignComparison;
class CampaignDashboard;
class QMenu;
class QWidget;
namespace mpmlab {
struct CampaignResult;
}

// The window's Export menu: the dashboard or the comparison as PNG (at a
// size the user chooses), SVG or PDF, or to the clipboard; the campaign as
// campaign.json; and the whole report folder (JSON, CSV, charts, HTML), as
// mpmlab-cli writes it. Any single chart exports from its right-click menu.
// Every failure says which file and why.
class ExportActions : public QObject {
    Q_OBJECT

public:
    using CampaignSource = std::function<const mpmlab::CampaignResult *()>;

    ExportActions(QWidget *window, CampaignDashboard *dashboard, CampaignComparison *comparison,
                  CampaignSource campaign, QObject *parent = nullptr);

    void addTo(QMenu *menu);
    void setLanguage(const QString &language) { m_language = language; }

    // Saves `widget` to `path` (PNG, SVG or PDF by its suffix) at `size`;
    // an error message otherwise.
    static std::optional<QString> exportWidget(QWidget *widget, const QString &path, QSize size);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void exportImage(QWidget *widget, const QString &title, const QString &stem, QSize suggested);
    // The chart `object` is part of, in this window; null if none.
    [[nodiscard]] QWidget *chartAt(QObject *object);
    void saveCampaign();
    void exportReport();
    [[nodiscard]] const mpmlab::CampaignResult *campaignOrWarn();

    QWidget *m_window;
    CampaignDashboard *m_dashboard;
    CampaignComparison *m_comparison;
    CampaignSource m_campaign;
    QString m_language = QStringLiteral("en");
};
