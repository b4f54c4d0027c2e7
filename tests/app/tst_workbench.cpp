#include "CampaignComparison.h"
#include "CampaignDashboard.h"
#include "ComparisonBarChart.h"
#include "ExperimentPanel.h"
#include "ExportActions.h"
#include "LiveFeed.h"
#include "MainWindow.h"
#include "PlotGrid.h"
#include "ScreenshotCheck.h"
#include "TestLab.h"
#include "TestPaths.h"
#include "TimeSeriesPlot.h"
#include "results/CampaignFile.h"
#include "run/MetricCatalog.h"

#include <QDir>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using mpmlab::CampaignProgress;
using mpmlab::CampaignResult;
using mpmlab::MpmKind;

// A window on a lab, shown, with its campaign signals recorded.
struct WatchedWindow {
    explicit WatchedWindow(const mpmlab::LabOptions &options)
        : window(mpmlab::TargetSpec::local(options))
        , known(&window, &MainWindow::targetStateKnown)
        , progress(&window, &MainWindow::campaignProgressShown)
        , finished(&window, &MainWindow::campaignFinished)
    {
        window.show();
    }
    MainWindow window;
    QSignalSpy known;
    QSignalSpy progress;
    QSignalSpy finished;
};

// The window doing its main job on a real lab, as a teacher clicks it:
// start the lab, choose a scenario, press Run, watch the columns fill,
// read the comparison; press Stop; open a campaign the CLI wrote; export.
class TestWorkbench : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void runsAScenarioOnEveryMpmFromTheRunButton();
    void stopMidRunPutsTheServerBack();
    void quitDuringARunAsksThenRestores();
    void opensACampaignWrittenByTheCli();
    void refusesABrokenCampaignFile();

private:
    // The newest campaign the window kept on its own.
    static QString newestKeptCampaign();
    // Every bar of the comparison says what the file says.
    static void compareWithFile(const MainWindow &window, const CampaignResult &file);
    static bool columnHasData(const CampaignDashboard &dashboard, int column);
    // Lets the live feed's next redraw and the charts' deferred updates
    // land before a screenshot, as they do on screen.
    static void settle() { QTest::qWait(2 * LiveFeed::periodMs); }
    static void waitForStep(QSignalSpy &progress, CampaignProgress::Step step, MpmKind mpm);
};

void TestWorkbench::initTestCase()
{
    // Campaigns are kept under the test's own data directory.
    QStandardPaths::setTestModeEnabled(true);
    QDir(MainWindow::campaignsDirectory()).removeRecursively();
}

QString TestWorkbench::newestKeptCampaign()
{
    const QFileInfoList kept = QDir(MainWindow::campaignsDirectory())
                                   .entryInfoList({u"*.json"_s}, QDir::Files, QDir::Time);
    return kept.isEmpty() ? QString() : kept.first().absoluteFilePath();
}

void TestWorkbench::compareWithFile(const MainWindow &window, const CampaignResult &file)
{
    const QStringList metrics = CampaignComparison::metrics();
    const QList<ComparisonBarChart *> bars = window.comparison()->barCharts();
    QCOMPARE(bars.size(), metrics.size());
    for (int i = 0; i < metrics.size(); ++i) {
        const auto info = mpmlab::MetricCatalog::find(metrics.at(i));
        QVERIFY(info);
        for (int j = 0; j < file.mpms.size(); ++j) {
            const auto spread = file.spread(file.mpms.at(j), metrics.at(i));
            QVERIFY2(spread, qPrintable(metrics.at(i)));
            QCOMPARE(bars.at(i)->labelText(j), ComparisonBarChart::formatValue(
                                                   spread->median / info->divisor, info->decimals));
        }
    }
}

bool TestWorkbench::columnHasData(const CampaignDashboard &dashboard, int column)
{
    const TimeSeriesPlot *throughput = dashboard.grid()->plot(0, column);
    return throughput && throughput->pointCount(0) > 0;
}

void TestWorkbench::waitForStep(QSignalSpy &progress, CampaignProgress::Step step, MpmKind mpm)
{
    const auto reached = [&] {
        for (const QList<QVariant> &signal : std::as_const(progress)) {
            const auto shown = signal.at(0).value<CampaignProgress>();
            if (shown.step == step && shown.mpm == mpm)
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(reached(), 60000);
}

void TestWorkbench::runsAScenarioOnEveryMpmFromTheRunButton()
{
    TestLab lab;
    WatchedWindow watched(lab.options());
    MainWindow &window = watched.window;
    QSignalSpy &progress = watched.progress;
    QSignalSpy &finished = watched.finished;
    QVERIFY(watched.known.wait(10000));

    // The lab starts with one click, then the experiment is chosen and run.
    window.startServer();
    QTRY_VERIFY_WITH_TIMEOUT(window.statusText().contains(u"running event"_s), 30000);
    const QMap<QString, QByteArray> before = lab.fileHashes();
    ExperimentPanel *panel = window.experimentPanel();
    QVERIFY(panel->selectScenario(u"keep-alive-browsers"_s));
    panel->setScale(0.1); // 2 s of load per MPM
    auto *run = panel->findChild<QPushButton *>(u"run"_s);
    QVERIFY(run && run->isEnabled());
    QTest::mouseClick(run, Qt::LeftButton);

    // Live: worker's column fills while prefork's holds its finished run.
    waitForStep(progress, CampaignProgress::Step::Loading, MpmKind::Worker);
    CampaignDashboard *dashboard = window.dashboard();
    QTRY_VERIFY_WITH_TIMEOUT(columnHasData(*dashboard, 1), 10000);
    QVERIFY(columnHasData(*dashboard, 0));
    QVERIFY(!columnHasData(*dashboard, 2));
    QVERIFY(dashboard->headline().contains(u"Keep-alive"_s));
    settle();
    QVERIFY(window.grab().save(TestPaths::outputDir() + u"/workbench-live.png"_s));

    QVERIFY(finished.wait(120000));
    const auto &result = window.lastCampaign();
    QVERIFY(result);
    QVERIFY2(result->error.isEmpty(), qPrintable(result->error));
    QCOMPARE(result->mpms, (QList<MpmKind>{MpmKind::Prefork, MpmKind::Worker, MpmKind::Event}));
    for (const mpmlab::RunRecord &record : result->runs)
        QVERIFY2(record.completed, qPrintable(mpmName(record.mpm)));
    QVERIFY(!result->verdicts.isEmpty());
    QVERIFY(!window.comparison()->verdictsText().isEmpty());

    // The comparison shows what was kept on disk, to the digit.
    const QString kept = newestKeptCampaign();
    QVERIFY(!kept.isEmpty());
    const auto file = mpmlab::CampaignFile::load(kept);
    QVERIFY2(file.ok(), file.ok() ? "" : qPrintable(file.error().message));
    compareWithFile(window, *file);

    // The server is back as it was: event running, files byte-identical.
    const auto state = lab.lab().state();
    QVERIFY(state.ok() && state->running);
    QCOMPARE(state->runningMpm, MpmKind::Event);
    QCOMPARE(lab.fileHashes(), before);

    settle();
    const QImage shot = window.grab().toImage();
    QVERIFY(shot.save(TestPaths::outputDir() + u"/workbench-comparison.png"_s));
    QVERIFY(distinctColours(shot) >= minimumColoursOfAPaintedWindow);
}

void TestWorkbench::stopMidRunPutsTheServerBack()
{
    TestLab lab;
    QVERIFY(lab.startWith(MpmKind::Worker).ok());
    const QMap<QString, QByteArray> before = lab.fileHashes();
    WatchedWindow watched(lab.options());
    MainWindow &window = watched.window;
    QSignalSpy &progress = watched.progress;
    QSignalSpy &finished = watched.finished;
    QVERIFY(watched.known.wait(10000));
    QVERIFY(window.experimentPanel()->selectScenario(u"resources"_s)); // 20 s of load
    window.runExperiment();
    waitForStep(progress, CampaignProgress::Step::Loading, MpmKind::Prefork);

    auto *stop = window.experimentPanel()->findChild<QPushButton *>(u"stop"_s);
    QVERIFY(stop && stop->isEnabled());
    QElapsedTimer sinceStop;
    sinceStop.start();
    QTest::mouseClick(stop, Qt::LeftButton);
    // Stopping the load and putting the server back: a restart, not 20 s.
    QVERIFY(finished.wait(30000));
    QVERIFY2(sinceStop.elapsed() < 15000, qPrintable(QString::number(sinceStop.elapsed())));

    const auto &result = window.lastCampaign();
    QVERIFY(result && result->cancelled);
    QVERIFY2(result->restoreError.isEmpty(), qPrintable(result->restoreError));
    const auto state = lab.lab().state();
    QVERIFY(state.ok() && state->running);
    QCOMPARE(state->runningMpm, MpmKind::Worker);
    QCOMPARE(lab.fileHashes(), before);
    auto *run = window.experimentPanel()->findChild<QPushButton *>(u"run"_s);
    QVERIFY(run->isEnabled() && !stop->isEnabled());
}

void TestWorkbench::quitDuringARunAsksThenRestores()
{
    TestLab lab;
    QVERIFY(lab.startWith(MpmKind::Worker).ok());
    const QMap<QString, QByteArray> before = lab.fileHashes();
    WatchedWindow watched(lab.options());
    MainWindow &window = watched.window;
    QVERIFY(watched.known.wait(10000));
    QVERIFY(window.experimentPanel()->selectScenario(u"resources"_s)); // 20 s of load
    window.runExperiment();
    waitForStep(watched.progress, CampaignProgress::Step::Loading, MpmKind::Prefork);
    // While the run uses the lab, the status bar says so (not "stopped").
    QVERIFY2(window.statusText().contains(u"in use by the campaign"_s),
             qPrintable(window.statusText()));

    // Quit: asked first, the window stays.
    QVERIFY(!window.close());
    QMessageBox *question = nullptr;
    QTRY_VERIFY((question = window.findChild<QMessageBox *>(u"quitQuestion"_s)) != nullptr);
    QVERIFY2(question->text().contains(u"campaign is running"_s), qPrintable(question->text()));
    QVERIFY(window.isVisible());
    question->findChild<QPushButton *>(u"restoreAndQuit"_s)->click();
    // The restore shows, then the window closes by itself, the lab back.
    QTRY_VERIFY(window.findChild<QWidget *>(u"quitting"_s) != nullptr);
    QVERIFY(window.findChild<QWidget *>(u"quitting"_s)->isVisible());
    QVERIFY(watched.finished.wait(30000));
    QTRY_VERIFY_WITH_TIMEOUT(!window.isVisible(), 10000);
    QVERIFY(window.lastCampaign() && window.lastCampaign()->cancelled);
    QCOMPARE(lab.fileHashes(), before);
    const auto state = lab.lab().state();
    QVERIFY(state.ok() && state->running);
    QCOMPARE(state->runningMpm, MpmKind::Worker);
}

void TestWorkbench::opensACampaignWrittenByTheCli()
{
    TestLab lab;
    QTemporaryDir out;
    QProcess cli;
    cli.start(TestPaths::cliBinary(), {u"campaign"_s, u"--scenario"_s, u"high-load"_s, u"--mpms"_s,
                                       u"event,prefork"_s, u"--scale"_s, u"0.02"_s, u"--lab-dir"_s,
                                       lab.rootDir(), u"--out"_s, out.path(), u"-q"_s});
    QVERIFY(cli.waitForFinished(120000));
    QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
    const QString path = out.filePath(u"campaign.json"_s);
    const auto file = mpmlab::CampaignFile::load(path);
    QVERIFY(file.ok());

    MainWindow window(mpmlab::TargetSpec::local(lab.options()));
    window.show();
    QVERIFY(window.openCampaign(path));
    // Exactly as it was: its MPMs in its order, its scenario, its numbers.
    QCOMPARE(window.dashboard()->grid()->columnTitles(), (QStringList{u"event"_s, u"prefork"_s}));
    QVERIFY(columnHasData(*window.dashboard(), 0) && columnHasData(*window.dashboard(), 1));
    QVERIFY(window.dashboard()->headline().contains(u"High load"_s));
    QCOMPARE(window.experimentPanel()->scenario().id, u"high-load"_s);
    QCOMPARE(window.experimentPanel()->options().mpms,
             (QList<MpmKind>{MpmKind::Prefork, MpmKind::Event}));
    compareWithFile(window, *file);

    // Exported at the size asked for, painted.
    for (const QString &name : {u"dashboard.png"_s, u"comparison.png"_s}) {
        QWidget *widget = name.startsWith(u"dashboard"_s)
                              ? static_cast<QWidget *>(window.dashboard())
                              : window.comparison()->chartsArea();
        const QString exported = out.filePath(name);
        const auto error = ExportActions::exportWidget(widget, exported, QSize(1600, 1000));
        QVERIFY2(!error, error ? qPrintable(*error) : "");
        const QImage image(exported);
        QCOMPARE(image.size(), QSize(1600, 1000));
        QVERIFY(distinctColours(image) >= minimumColoursOfAPaintedWindow);
        QVERIFY(image.save(TestPaths::outputDir() + u"/workbench-export-"_s + name));
    }
}

void TestWorkbench::refusesABrokenCampaignFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"broken.json"_s);
    QFile broken(path);
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("{\"schema\": 1, \"scenario\": ");
    broken.close();

    QTemporaryDir labDir;
    mpmlab::LabOptions options;
    options.rootDir = labDir.path();
    MainWindow window(mpmlab::TargetSpec::local(options));
    window.show();
    // The message box is modal: answer it as soon as it shows.
    QString shown;
    QTimer::singleShot(0, &window, [&shown] {
        QTRY_VERIFY(QApplication::activeModalWidget());
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        QVERIFY(box);
        shown = box->text();
        box->accept();
    });
    QVERIFY(!window.openCampaign(path));
    QVERIFY2(shown.contains(u"broken.json"_s), qPrintable(shown));
    QVERIFY(!window.lastCampaign());
}

QTEST_MAIN(TestWorkbench)
#include "tst_workbench.moc"
