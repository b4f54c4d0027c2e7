#include "ExperimentPanel.h"

#include "MpmStyle.h"
#include "scenario/ScenarioLibrary.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <cmath>

using namespace Qt::StringLiterals;
using namespace mpmlab;

namespace {

// The limits a scenario file has; a spin box holds an int.
constexpr int maxClients = ScenarioLoad::maxClients;
constexpr int maxRequests = int(ScenarioLoad::maxRequests);
constexpr int maxThinkMs = ScenarioLoad::maxThinkTimeMs;

QString duration(double seconds)
{
    const auto total = qint64(std::llround(seconds));
    return u"%1:%2"_s.arg(total / 60).arg(total % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

ExperimentPanel::ExperimentPanel(QWidget *parent)
    : QWidget(parent)
    , m_list(new QListWidget(this))
    , m_description(new QLabel(this))
    , m_scale(new QDoubleSpinBox(this))
    , m_repeat(new QSpinBox(this))
    , m_requests(new QSpinBox(this))
    , m_seconds(new QDoubleSpinBox(this))
    , m_clients(new QSpinBox(this))
    , m_keepAlive(new QCheckBox(tr("Keep-alive"), this))
    , m_thinkMin(new QSpinBox(this))
    , m_thinkMax(new QSpinBox(this))
    , m_idle(new QSpinBox(this))
    , m_run(new QPushButton(tr("&Run"), this))
    , m_stop(new QPushButton(tr("S&top"), this))
    , m_progress(new QProgressBar(this))
    , m_step(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("Experiment"), this);
    QFont bold = title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    title->setFont(bold);
    layout->addWidget(title);
    m_list->setObjectName(u"scenarios"_s);
    m_list->setMaximumHeight(190);
    layout->addWidget(m_list);
    auto *open = new QPushButton(tr("Open a scenario file…"), this);
    layout->addWidget(open);
    m_description->setWordWrap(true);
    m_description->setTextFormat(Qt::RichText);
    m_description->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_description->setMinimumHeight(120);
    layout->addWidget(m_description, 1);

    auto *mpms = new QGroupBox(tr("MPMs"), this);
    auto *mpmRow = new QHBoxLayout(mpms);
    for (MpmKind mpm : allMpmKinds) {
        auto *box = new QCheckBox(mpmName(mpm), mpms);
        box->setChecked(true);
        box->setProperty("mpm", int(mpm));
        box->setStyleSheet(
            u"QCheckBox { color: %1; font-weight: bold; }"_s.arg(MpmStyle::colour(mpm).name()));
        mpmRow->addWidget(box);
        m_mpmBoxes << box;
    }
    layout->addWidget(mpms);

    auto *workload = new QGroupBox(tr("Workload"), this);
    auto *form = new QFormLayout(workload);
    m_scale->setRange(CampaignOptions::minScale, CampaignOptions::maxScale);
    m_scale->setDecimals(2);
    m_scale->setSingleStep(0.1);
    m_scale->setValue(1);
    m_scale->setToolTip(tr("Multiplies request counts and durations; clients, think time and "
                           "idle clients stay."));
    m_repeat->setRange(1, CampaignOptions::maxRepeat);
    m_requests->setRange(0, maxRequests);
    m_requests->setSpecialValueText(tr("none (timed)"));
    m_requests->setGroupSeparatorShown(true);
    m_seconds->setRange(0, ScenarioLoad::maxSeconds);
    m_seconds->setSuffix(tr(" s"));
    m_seconds->setSpecialValueText(tr("until done"));
    m_clients->setRange(1, maxClients);
    m_clients->setGroupSeparatorShown(true);
    m_thinkMin->setRange(0, maxThinkMs);
    m_thinkMax->setRange(0, maxThinkMs);
    m_thinkMin->setSuffix(tr(" ms"));
    m_thinkMax->setSuffix(tr(" ms"));
    m_idle->setRange(0, maxClients);
    auto *think = new QHBoxLayout;
    think->addWidget(m_thinkMin);
    think->addWidget(new QLabel(u"–"_s, workload));
    think->addWidget(m_thinkMax);
    form->addRow(tr("Scale"), m_scale);
    form->addRow(tr("Runs per MPM"), m_repeat);
    form->addRow(tr("Requests"), m_requests);
    form->addRow(tr("Duration"), m_seconds);
    form->addRow(tr("Clients"), m_clients);
    form->addRow(QString(), m_keepAlive);
    form->addRow(tr("Think time"), think);
    form->addRow(tr("Idle keep-alive clients"), m_idle);
    layout->addWidget(workload);

    auto *buttons = new QHBoxLayout;
    m_run->setObjectName(u"run"_s);
    m_stop->setObjectName(u"stop"_s);
    m_run->setDefault(true);
    buttons->addWidget(m_run);
    buttons->addWidget(m_stop);
    layout->addLayout(buttons);
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    layout->addWidget(m_progress);
    m_step->setWordWrap(true);
    m_step->setObjectName(u"step"_s);
    layout->addWidget(m_step);
    setRunning(false);

    for (const Scenario &scenario : ScenarioLibrary::builtIns())
        addScenario(scenario);
    connect(m_list, &QListWidget::currentRowChanged, this, &ExperimentPanel::showScenario);
    connect(open, &QPushButton::clicked, this, &ExperimentPanel::openScenarioFile);
    connect(m_run, &QPushButton::clicked, this, &ExperimentPanel::runRequested);
    connect(m_stop, &QPushButton::clicked, this, &ExperimentPanel::stopRequested);
    for (QAbstractSpinBox *box : std::initializer_list<QAbstractSpinBox *>{
             m_scale, m_requests, m_seconds, m_clients, m_thinkMin, m_thinkMax, m_idle}) {
        connect(box, &QAbstractSpinBox::editingFinished, this, &ExperimentPanel::updateDescription);
    }
    connect(m_keepAlive, &QCheckBox::toggled, this, &ExperimentPanel::updateDescription);
    m_list->setCurrentRow(0);
}

void ExperimentPanel::setLanguage(const QString &language)
{
    m_language = language;
    for (int i = 0; i < m_scenarios.size(); ++i)
        m_list->item(i)->setText(m_scenarios.at(i).name.in(language));
    updateDescription();
}

void ExperimentPanel::addScenario(const Scenario &scenario)
{
    m_scenarios << scenario;
    auto *item = new QListWidgetItem(scenario.name.in(m_language), m_list);
    item->setData(Qt::UserRole, scenario.id);
    item->setToolTip(scenario.summary.in(m_language));
}

bool ExperimentPanel::selectScenario(const QString &id)
{
    for (int i = 0; i < m_scenarios.size(); ++i) {
        if (m_scenarios.at(i).id == id) {
            m_list->setCurrentRow(i);
            return true;
        }
    }
    return false;
}

void ExperimentPanel::setScale(double scale)
{
    m_scale->setValue(scale);
    updateDescription();
}

void ExperimentPanel::setMpms(const QList<MpmKind> &mpms)
{
    for (QCheckBox *box : std::as_const(m_mpmBoxes))
        box->setChecked(mpms.contains(MpmKind(box->property("mpm").toInt())));
}

void ExperimentPanel::showExperiment(const Scenario &scenario, const CampaignOptions &options)
{
    // The workload as it ran may differ from the built-in one of that id:
    // the list then gets the scenario as it ran.
    const auto same =
        std::find_if(m_scenarios.cbegin(), m_scenarios.cend(), [&scenario](const Scenario &known) {
            return known.id == scenario.id && known.load == scenario.load;
        });
    if (same == m_scenarios.cend())
        addScenario(scenario);
    const int row =
        same == m_scenarios.cend() ? int(m_scenarios.size()) - 1 : int(same - m_scenarios.cbegin());
    {
        const QSignalBlocker blockers[] = {QSignalBlocker(m_scale), QSignalBlocker(m_repeat)};
        m_scale->setValue(options.scale);
        m_repeat->setValue(options.repeat);
    }
    setMpms(options.mpms);
    m_list->setCurrentRow(row);
    showScenario(row);
}

void ExperimentPanel::openScenarioFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a scenario file"), {},
                                                      tr("Scenario files (*.json)"));
    if (path.isEmpty())
        return;
    const Result<Scenario> scenario = Scenario::fromFile(path);
    if (!scenario) {
        Q_EMIT scenarioFileRejected(scenario.error().message);
        return;
    }
    addScenario(*scenario);
    m_list->setCurrentRow(int(m_scenarios.size()) - 1);
}

void ExperimentPanel::showScenario(int index)
{
    if (index < 0 || index >= m_scenarios.size())
        return;
    const ScenarioLoad &load = m_scenarios.at(index).load;
    const QSignalBlocker blockers[] = {QSignalBlocker(m_requests), QSignalBlocker(m_seconds),
                                       QSignalBlocker(m_clients),  QSignalBlocker(m_keepAlive),
                                       QSignalBlocker(m_thinkMin), QSignalBlocker(m_thinkMax),
                                       QSignalBlocker(m_idle)};
    m_requests->setValue(int(std::min<qint64>(load.requests, maxRequests)));
    m_seconds->setValue(load.seconds);
    m_clients->setValue(load.concurrency);
    m_keepAlive->setChecked(load.keepAlive);
    m_thinkMin->setValue(load.thinkTimeMinMs);
    m_thinkMax->setValue(load.thinkTimeMaxMs);
    m_idle->setValue(load.idleConnections);
    updateDescription();
}

Scenario ExperimentPanel::scenario() const
{
    const int index = m_list->currentRow();
    if (index < 0 || index >= m_scenarios.size())
        return {};
    Scenario scenario = m_scenarios.at(index);
    ScenarioLoad &load = scenario.load;
    load.requests = m_requests->value();
    load.seconds = m_seconds->value();
    load.concurrency = m_clients->value();
    load.keepAlive = m_keepAlive->isChecked();
    load.thinkTimeMinMs = std::min(m_thinkMin->value(), m_thinkMax->value());
    load.thinkTimeMaxMs = std::max(m_thinkMin->value(), m_thinkMax->value());
    load.idleConnections = m_idle->value();
    // Without a count or a duration the run would never end.
    if (load.requests == 0 && load.seconds == 0)
        load.seconds = ScenarioLoad::minimumScaledSeconds;
    if (load.requests > 0 && load.requests < load.concurrency && load.rate == 0)
        load.requests = load.concurrency;
    return scenario;
}

CampaignOptions ExperimentPanel::options() const
{
    CampaignOptions options;
    for (const QCheckBox *box : m_mpmBoxes) {
        if (box->isChecked())
            options.mpms << MpmKind(box->property("mpm").toInt());
    }
    options.scale = m_scale->value();
    options.repeat = m_repeat->value();
    return options;
}

QString ExperimentPanel::describe(const Scenario &scenario) const
{
    const double scale = m_scale->value();
    const int runs = int(options().mpms.size()) * m_repeat->value();
    const double estimate = runs * (scenario.load.expectedSeconds(scale) + 5);
    return u"<p>%1</p><p><b>%2</b> %3</p><p><b>%4</b> %5</p><p><b>%6</b> %7</p>"
           "<p style='color:gray'>%8</p>"_s.arg(
               scenario.summary.in(m_language).toHtmlEscaped(), tr("The course expects:"),
               scenario.expectation.in(m_language).toHtmlEscaped(), tr("Server:"),
               scenario.server.describe().in(m_language).toHtmlEscaped(), tr("Load:"),
               scenario.load.describe(scale).in(m_language).toHtmlEscaped(),
               (runs == 1 ? tr("1 run, about %1") : tr("%1 runs, about %2").arg(runs))
                   .arg(duration(estimate)));
}

void ExperimentPanel::updateDescription()
{
    if (m_list->currentRow() < 0)
        return;
    m_description->setText(describe(scenario()));
}

void ExperimentPanel::setRunning(bool running)
{
    m_running = running;
    m_run->setEnabled(!running);
    m_stop->setEnabled(running);
    m_list->setEnabled(!running);
    for (QCheckBox *box : std::as_const(m_mpmBoxes))
        box->setEnabled(!running);
    for (QWidget *field :
         std::initializer_list<QWidget *>{m_scale, m_repeat, m_requests, m_seconds, m_clients,
                                          m_keepAlive, m_thinkMin, m_thinkMax, m_idle})
        field->setEnabled(!running);
    if (running) {
        m_progress->setValue(0);
        m_step->setText(tr("Starting…"));
    }
}

void ExperimentPanel::showProgress(const CampaignProgress &progress)
{
    m_progress->setValue(int(progress.fraction * 1000));
    QString text = CampaignProgress::stepName(progress.step).in(m_language);
    if (progress.mpm) {
        text = tr("%1 — %2 (run %3 of %4)")
                   .arg(text, mpmName(*progress.mpm))
                   .arg(progress.run + 1)
                   .arg(progress.runs);
    }
    if (!progress.detail.isEmpty())
        text += u"\n"_s + progress.detail;
    if (progress.etaSeconds && progress.step != CampaignProgress::Step::Done)
        text += u"\n"_s + tr("About %1 left").arg(duration(*progress.etaSeconds));
    m_step->setText(text);
}

void ExperimentPanel::showFinished(const QString &summary)
{
    m_progress->setValue(1000);
    m_step->setText(summary);
}
