#pragma once

#include "scenario/CampaignOptions.h"
#include "scenario/CampaignProgress.h"
#include "scenario/Scenario.h"

#include <QList>
#include <QWidget>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSpinBox;

// The left side of the window: choose an experiment (a built-in scenario or
// a scenario file), read what it does and what the course expects, pick
// the MPMs, the scale and the repeats, adjust the main workload figures,
// press Run; then follow the step, the MPM and the time left, and Stop.
class ExperimentPanel : public QWidget {
    Q_OBJECT

public:
    explicit ExperimentPanel(QWidget *parent = nullptr);

    // The language of the scenarios' texts ("en", "fr").
    void setLanguage(const QString &language);
    // Selects a scenario by id; false when there is none.
    bool selectScenario(const QString &id);
    void setScale(double scale);
    void setMpms(const QList<mpmlab::MpmKind> &mpms);
    // Shows the experiment a saved campaign ran (its scenario selected, or
    // added when it is not in the list, with its workload, scale, repeats
    // and MPMs), so that it can be read and run again as it was.
    void showExperiment(const mpmlab::Scenario &scenario, const mpmlab::CampaignOptions &options);

    // The scenario as the fields now say (a copy, workload adjusted).
    [[nodiscard]] mpmlab::Scenario scenario() const;
    [[nodiscard]] mpmlab::CampaignOptions options() const;

    void setRunning(bool running);
    void showProgress(const mpmlab::CampaignProgress &progress);
    void showFinished(const QString &summary);

Q_SIGNALS:
    void runRequested();
    void stopRequested();
    // A scenario file could not be read: the message says why.
    void scenarioFileRejected(const QString &message);

private:
    void addScenario(const mpmlab::Scenario &scenario);
    void openScenarioFile();
    void showScenario(int index);
    void updateDescription();
    [[nodiscard]] QString describe(const mpmlab::Scenario &scenario) const;

    QList<mpmlab::Scenario> m_scenarios;
    QString m_language = QStringLiteral("en");
    QListWidget *m_list = nullptr;
    QLabel *m_description = nullptr;
    QList<QCheckBox *> m_mpmBoxes;
    QDoubleSpinBox *m_scale = nullptr;
    QSpinBox *m_repeat = nullptr;
    QSpinBox *m_requests = nullptr;
    QDoubleSpinBox *m_seconds = nullptr;
    QSpinBox *m_clients = nullptr;
    QCheckBox *m_keepAlive = nullptr;
    QSpinBox *m_thinkMin = nullptr;
    QSpinBox *m_thinkMax = nullptr;
    QSpinBox *m_idle = nullptr;
    QPushButton *m_run = nullptr;
    QPushButton *m_stop = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_step = nullptr;
    bool m_running = false;
};
