#include "CampaignDashboard.h"
#include "MainWindow.h"
#include "PlotGrid.h"
#include "ScreenshotCheck.h"
#include "TestLab.h"
#include "TestPaths.h"

#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTcpServer>
#include <QtTest>
#include <algorithm>

using namespace Qt::StringLiterals;

// The main window under the offscreen platform: it opens, paints, and its
// status bar tells the truth about the local lab.
class TestMainWindow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void opensWithMenusAndDashboard();
    void statusBarShowsTheRunningLab();
    void statusBarShowsAStoppedLab();
    void labMenuStartsAndStopsTheLab();
    void mpmMenuSwitchesTheLab();
    void aFailedStartStaysVisible();

private:
    static QStringList menuTitles(const MainWindow &window);
    // The action reached through the menu bar by these texts, e.g.
    // {"&Server", "&MPM", "worker"}; null when there is none.
    static QAction *menuAction(const MainWindow &window, const QStringList &path);
};

QStringList TestMainWindow::menuTitles(const MainWindow &window)
{
    QStringList titles;
    for (const QAction *action : window.menuBar()->actions())
        titles.append(action->text());
    return titles;
}

QAction *TestMainWindow::menuAction(const MainWindow &window, const QStringList &path)
{
    QList<QAction *> level = window.menuBar()->actions();
    QAction *found = nullptr;
    for (const QString &text : path) {
        const auto match = std::find_if(level.cbegin(), level.cend(),
                                        [&text](const QAction *a) { return a->text() == text; });
        if (match == level.cend())
            return nullptr;
        found = *match;
        level = found->menu() ? found->menu()->actions() : QList<QAction *>();
    }
    return found;
}

void TestMainWindow::opensWithMenusAndDashboard()
{
    QTemporaryDir labDir;
    mpmlab::LabOptions options;
    options.rootDir = labDir.path();
    MainWindow window(mpmlab::TargetSpec::local(options));
    QSignalSpy known(&window, &MainWindow::targetStateKnown);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(known.count() == 1 || known.wait(10000));
    QCOMPARE(window.statusText(), u"Local lab: stopped"_s);

    QCOMPARE(window.windowTitle(), u"MPM Lab — Apache MPM workbench"_s);
    QCOMPARE(menuTitles(window), (QStringList{u"&File"_s, u"&View"_s, u"&Server"_s, u"&Help"_s}));
    const auto *dashboard = window.findChild<CampaignDashboard *>();
    QVERIFY(dashboard);
    QCOMPARE(dashboard->grid()->columnTitles(),
             (QStringList{u"prefork"_s, u"worker"_s, u"event"_s}));
    QCOMPARE(dashboard->grid()->rowCount(), 7);

    const QImage shot = window.grab().toImage();
    QVERIFY(shot.width() >= 800 && shot.height() >= 500);
    const QString path = TestPaths::outputDir() + u"/mainwindow-offscreen.png"_s;
    QVERIFY(shot.save(path));
    QVERIFY2(distinctColours(shot) >= minimumColoursOfAPaintedWindow,
             qPrintable(u"%1 colours only in %2"_s.arg(distinctColours(shot)).arg(path)));
}

void TestMainWindow::statusBarShowsTheRunningLab()
{
    TestLab lab;
    QVERIFY(lab.startWith(mpmlab::MpmKind::Worker).ok());
    MainWindow window(mpmlab::TargetSpec::local(lab.options()));
    QSignalSpy known(&window, &MainWindow::targetStateKnown);
    window.show();
    QVERIFY(known.wait(10000));
    QVERIFY2(window.statusText().contains(u"running worker"_s),
             qPrintable(window.statusText()));
    QVERIFY(window.statusText().contains(u":%1/"_s.arg(lab.port())));
    // Lay out the status bar's new text before the screenshot.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QVERIFY(window.grab().save(TestPaths::outputDir() + u"/mainwindow-lab-running.png"_s));
}

void TestMainWindow::statusBarShowsAStoppedLab()
{
    QTemporaryDir labDir;
    mpmlab::LabOptions options;
    options.rootDir = labDir.path();
    MainWindow window(mpmlab::TargetSpec::local(options));
    QSignalSpy known(&window, &MainWindow::targetStateKnown);
    QVERIFY(known.wait(10000));
    QCOMPARE(window.statusText(), u"Local lab: stopped"_s);
}

void TestMainWindow::labMenuStartsAndStopsTheLab()
{
    TestLab lab;
    MainWindow window(mpmlab::TargetSpec::local(lab.options()));
    QSignalSpy known(&window, &MainWindow::targetStateKnown);
    window.show();
    QVERIFY(known.wait(10000));

    window.startServer();
    QTRY_VERIFY_WITH_TIMEOUT(window.statusText().contains(u"running event"_s), 30000);
    const auto state = lab.lab().state();
    QVERIFY(state.ok() && state->running);

    QAction *stop = menuAction(window, {u"&Server"_s, u"S&top the server"_s});
    QVERIFY(stop && stop->isEnabled());
    stop->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(window.statusText(), u"Local lab: stopped"_s, 30000);
    QVERIFY(!lab.lab().state()->running);
}

// Lab > MPM: the running MPM is the checked entry, and choosing another
// switches the real lab to it.
void TestMainWindow::mpmMenuSwitchesTheLab()
{
    TestLab lab;
    QVERIFY(lab.startWith(mpmlab::MpmKind::Worker).ok());
    MainWindow window(mpmlab::TargetSpec::local(lab.options()));
    QSignalSpy known(&window, &MainWindow::targetStateKnown);
    QSignalSpy finished(&window, &MainWindow::serverOperationFinished);
    window.show();
    QVERIFY(known.wait(10000));
    QAction *worker = menuAction(window, {u"&Server"_s, u"&MPM"_s, u"worker"_s});
    QAction *prefork = menuAction(window, {u"&Server"_s, u"&MPM"_s, u"prefork"_s});
    QVERIFY(worker && prefork);
    QVERIFY(worker->isChecked());
    QVERIFY(!prefork->isChecked());

    prefork->trigger();
    QVERIFY(finished.wait(60000));
    QVERIFY2(window.statusText().contains(u"running prefork"_s),
             qPrintable(window.statusText()));
    QVERIFY2(window.statusBar()->currentMessage().isEmpty(),
             qPrintable(window.statusBar()->currentMessage())); // no error left
    const auto state = lab.lab().state();
    QVERIFY(state.ok() && state->running);
    QCOMPARE(state->runningMpm, mpmlab::MpmKind::Prefork);
    QVERIFY(prefork->isChecked());
    QVERIFY(!worker->isChecked());
    // Lay out the status bar's new text before the screenshot.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QVERIFY(window.grab().save(TestPaths::outputDir() + u"/mainwindow-mpm-switched.png"_s));
}

void TestMainWindow::aFailedStartStaysVisible()
{
    QTcpServer squatter;
    QVERIFY(squatter.listen(QHostAddress::LocalHost, TestLab::freeHighPort()));
    QTemporaryDir labDir;
    mpmlab::LabOptions options;
    options.rootDir = labDir.path();
    options.port = squatter.serverPort();
    MainWindow window(mpmlab::TargetSpec::local(options));
    QSignalSpy finished(&window, &MainWindow::serverOperationFinished);
    window.show();
    window.startServer();
    QVERIFY(finished.wait(30000));

    // The periodic refresh says "stopped"; the reason stays in the status bar
    // and in a message box with the details.
    QTRY_COMPARE_WITH_TIMEOUT(window.statusText(), u"Local lab: stopped"_s, 10000);
    const QString message = window.statusBar()->currentMessage();
    QVERIFY2(message.contains(QString::number(squatter.serverPort()))
                 && message.contains(u"in use"_s),
             qPrintable(message));
    const auto *box = window.findChild<QMessageBox *>();
    QVERIFY(box && box->isVisible());
    QVERIFY(box->text().contains(u"in use"_s));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
