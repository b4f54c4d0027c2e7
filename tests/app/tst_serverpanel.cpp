#include "ConnectDialog.h"
#include "DirectiveEditor.h"
#include "MainWindow.h"
#include "ScreenshotCheck.h"
#include "ServerFactsView.h"
#include "ServerPanel.h"
#include "TestCommand.h"
#include "TestDebianInstance.h"
#include "TestLab.h"
#include "TestPaths.h"
#include "TestSshClient.h"
#include "TestSshd.h"

#include <QCheckBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace mpmlab;

// The window's server panel on a real server, the local lab and a private
// Debian instance over sshd: what it shows is what `mpmlab-cli server
// status --json` says, an edit is read back from the server, Apache's
// adjustment of an over-limit value shows beside its field, the MPM
// buttons switch, Restore leaves the tree byte-identical, and closing the
// window with changes pending asks first.
class TestServerPanel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void localPanelShowsWhatTheCliSays();
    void anEditIsReadBack();
    void anOverLimitValueShowsWhatApacheUses();
    void mpmButtonsSwitchTheServer();
    void memoryLimitFromThePanel();
    void restoreFromThePanelPutsTheLabBack();
    void closingWithChangesAsksToRestore();
    void closingCanKeepTheChanges();
    void overSshThePanelDrivesTheServer();

private:
    // The window on `spec`, once the server panel shows it.
    static std::unique_ptr<MainWindow> openWindow(const TargetSpec &spec);
    // Runs a change through the panel and waits for the next description.
    static bool waitForChange(MainWindow &window, const std::function<void()> &change);
    // `mpmlab-cli server status --json` with `target` arguments.
    QJsonObject cliStatus(const QStringList &target) const;
    static QStringList localTarget(const TestLab &lab);
    // Every reading of `status` has the value and source the panel shows.
    static void compareWithPanel(const QJsonObject &status, const MainWindow &window);
    static void save(QWidget *widget, const QString &name);

    QTemporaryDir m_data;
};

void TestServerPanel::initTestCase()
{
    QVERIFY(m_data.isValid());
    qputenv("XDG_CONFIG_HOME", m_data.filePath(u"config"_s).toUtf8());
    qputenv("XDG_DATA_HOME", m_data.filePath(u"data"_s).toUtf8());
    QCoreApplication::setOrganizationName(u"mpmlab-test"_s);
}

std::unique_ptr<MainWindow> TestServerPanel::openWindow(const TargetSpec &spec)
{
    auto window = std::make_unique<MainWindow>(spec);
    QSignalSpy described(window.get(), &MainWindow::serverDescribed);
    window->resize(1600, 1000);
    window->show();
    window->showServerPanel();
    if (!described.wait(60000))
        return nullptr;
    return window;
}

bool TestServerPanel::waitForChange(MainWindow &window, const std::function<void()> &change)
{
    QSignalSpy finished(&window, &MainWindow::serverOperationFinished);
    QSignalSpy described(&window, &MainWindow::serverDescribed);
    change();
    return finished.wait(120000) && (described.count() > 0 || described.wait(10000));
}

QJsonObject TestServerPanel::cliStatus(const QStringList &target) const
{
    QProcess cli;
    cli.setProcessEnvironment(TestPaths::cliEnvironment(m_data.filePath(u"data"_s)));
    cli.start(TestPaths::cliBinary(), QStringList{u"server"_s, u"status"_s, u"--json"_s} + target);
    cli.waitForFinished(120000);
    return QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
}

QStringList TestServerPanel::localTarget(const TestLab &lab)
{
    return {u"--target"_s, u"local"_s, u"--lab-dir"_s, lab.rootDir()};
}

void TestServerPanel::compareWithPanel(const QJsonObject &status, const MainWindow &window)
{
    const DirectiveEditor *editor = window.serverPanel()->directives();
    const QJsonArray readings = status.value(u"directiveReadings"_s).toArray();
    QVERIFY(readings.size() >= 12);
    for (const QJsonValue &value : readings) {
        const QJsonObject reading = value.toObject();
        const QString name = reading.value(u"name"_s).toString();
        QCOMPARE(editor->valueText(name), reading.value(u"value"_s).toString());
        const QString source = reading.value(u"source"_s).toString();
        const QString shown = editor->sourceText(name);
        if (source == u"mpmlab")
            QVERIFY2(shown.startsWith(u"MPM Lab"_s), qPrintable(name + u": "_s + shown));
        else if (source == u"distribution")
            QVERIFY2(shown.startsWith(u"Debian's default"_s), qPrintable(name + u": "_s + shown));
        else if (source == u"default")
            QVERIFY2(shown.startsWith(u"built-in"_s), qPrintable(name + u": "_s + shown));
        const QString used = reading.value(u"usedValue"_s).toString();
        QCOMPARE(editor->usedText(name).isEmpty(), used.isEmpty());
        if (!used.isEmpty())
            QVERIFY(editor->usedText(name).contains(used));
    }
    const ServerFactsView *facts = window.serverPanel()->facts();
    const QString configured = status.value(u"configuredMpm"_s).toString();
    QVERIFY2(facts->factText(u"mpm"_s).contains(configured + u" configured"_s),
             qPrintable(facts->factText(u"mpm"_s)));
    QCOMPARE(facts->factText(u"apache"_s), status.value(u"apacheVersion"_s).toString());
    QCOMPARE(facts->factText(u"layout"_s), status.value(u"layoutName"_s).toString()); // English
}

void TestServerPanel::save(QWidget *widget, const QString &name)
{
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QTest::qWait(50);
    const QImage shot = widget->grab().toImage();
    QVERIFY(shot.save(TestPaths::outputDir() + u'/' + name));
    QVERIFY2(distinctColours(shot) >= minimumColoursOfAPaintedWindow, qPrintable(name));
}

void TestServerPanel::localPanelShowsWhatTheCliSays()
{
    TestLab lab;
    QVERIFY(lab.startWith(MpmKind::Event).ok());
    const auto window = openWindow(TargetSpec::local(lab.options()));
    QVERIFY(window);
    compareWithPanel(cliStatus(localTarget(lab)), *window);
    QVERIFY(window->serverPanel()->facts()->factText(u"status"_s) == u"readable"_s);
    QVERIFY(!window->serverPanel()->restoreOffered());
    save(window.get(), u"serverpanel-local.png"_s);
}

void TestServerPanel::anEditIsReadBack()
{
    TestLab lab;
    QVERIFY(lab.startWith(MpmKind::Event).ok());
    const auto window = openWindow(TargetSpec::local(lab.options()));
    QVERIFY(window);
    DirectiveEditor *editor = window->serverPanel()->directives();
    editor->edit(u"KeepAliveTimeout"_s, u"3"_s);
    QCOMPARE(editor->editedNames(), QStringList{u"KeepAliveTimeout"_s});
    // A value `server set` refuses is refused here, before anything is sent.
    editor->edit(u"MaxKeepAliveRequests"_s, u"lots"_s);
    QVERIFY(!editor->changes().ok());
    QVERIFY2(editor->warningText(u"MaxKeepAliveRequests"_s).contains(u"invalid value"_s),
             qPrintable(editor->warningText(u"MaxKeepAliveRequests"_s)));
    QVERIFY(!window->serverPanel()->findChild<QPushButton *>(u"apply"_s)->isEnabled());
    editor->edit(u"MaxKeepAliveRequests"_s, u"100"_s);
    QVERIFY(window->serverPanel()->findChild<QPushButton *>(u"apply"_s)->isEnabled());
    QVERIFY(waitForChange(*window, [&] { window->serverPanel()->apply(); }));

    QCOMPARE(editor->valueText(u"KeepAliveTimeout"_s), u"3"_s);
    QVERIFY(editor->sourceText(u"KeepAliveTimeout"_s).startsWith(u"MPM Lab"_s));
    const QJsonObject status = cliStatus(localTarget(lab));
    QCOMPARE(status.value(u"directives"_s).toObject().value(u"KeepAliveTimeout"_s).toString(),
             u"3"_s);
    QVERIFY(status.value(u"restorePending"_s).toBool());
    compareWithPanel(status, *window);
    QVERIFY(window->serverPanel()->restoreOffered());
}

void TestServerPanel::anOverLimitValueShowsWhatApacheUses()
{
    TestLab lab;
    QVERIFY(lab.startWith(MpmKind::Event).ok());
    const auto window = openWindow(TargetSpec::local(lab.options()));
    QVERIFY(window);
    DirectiveEditor *editor = window->serverPanel()->directives();
    // ServerLimit 16 x ThreadsPerChild 25 = 400: Apache lowers 500 to 400.
    editor->edit(u"MaxRequestWorkers"_s, u"500"_s);
    QCOMPARE(editor->usedText(u"MaxRequestWorkers"_s), u"Apache uses 400"_s);
    QVERIFY2(editor->warningText(u"MaxRequestWorkers"_s).contains(u"AH00515"_s),
             qPrintable(editor->warningText(u"MaxRequestWorkers"_s)));
    QVERIFY(editor->usedText(u"ServerLimit"_s).isEmpty());
    QVERIFY(waitForChange(*window, [&] { window->serverPanel()->apply(); }));
    // Applied: the server says 500, Apache's own configtest line beside it.
    QCOMPARE(editor->valueText(u"MaxRequestWorkers"_s), u"500"_s);
    QCOMPARE(editor->usedText(u"MaxRequestWorkers"_s), u"Apache uses 400"_s);
    const QString warning = editor->warningText(u"MaxRequestWorkers"_s);
    QVERIFY2(warning.contains(u"AH00515: WARNING: MaxRequestWorkers of 500"_s),
             qPrintable(warning));
    QVERIFY2(window->serverPanel()->lastChangeText().contains(u"AH00515"_s),
             qPrintable(window->serverPanel()->lastChangeText()));
    compareWithPanel(cliStatus(localTarget(lab)), *window);
    save(window.get(), u"serverpanel-warning.png"_s);
    save(window->serverPanel(), u"serverpanel-warning-panel.png"_s);
}

void TestServerPanel::mpmButtonsSwitchTheServer()
{
    TestLab lab;
    QVERIFY(lab.startWith(MpmKind::Event).ok());
    const auto window = openWindow(TargetSpec::local(lab.options()));
    QVERIFY(window);
    auto *worker = window->serverPanel()->findChild<QPushButton *>(u"worker"_s);
    QVERIFY(worker && worker->isEnabled());
    QVERIFY(waitForChange(*window, [worker] { worker->click(); }));
    const QString mpm = window->serverPanel()->facts()->factText(u"mpm"_s);
    QVERIFY2(mpm.contains(u"worker running"_s), qPrintable(mpm));
    QVERIFY(worker->isChecked());
    QCOMPARE(cliStatus(localTarget(lab)).value(u"runningMpm"_s).toString(), u"worker"_s);
    // The menu follows: the Server menu's items work as the buttons do.
    QVERIFY(window->statusText().contains(u"running worker"_s));
}

void TestServerPanel::memoryLimitFromThePanel()
{
    TestLab lab;
    QVERIFY(lab.startWith(MpmKind::Prefork).ok());
    const auto window = openWindow(TargetSpec::local(lab.options()));
    QVERIFY(window);
    auto *limited = window->serverPanel()->findChild<QCheckBox *>(u"limited"_s);
    auto *limit = window->serverPanel()->findChild<QSpinBox *>(u"memoryLimit"_s);
    auto *set = window->serverPanel()->findChild<QPushButton *>(u"setMemoryLimit"_s);
    QVERIFY(limited && limit && set);
    limited->setChecked(true);
    limit->setValue(400000);
    QVERIFY(waitForChange(*window, [set] { set->click(); }));
    QVERIFY2(window->serverPanel()
                 ->facts()
                 ->factText(u"memory"_s)
                 .startsWith(QLocale().toString(400000) + u" KiB"_s),
             qPrintable(window->serverPanel()->facts()->factText(u"memory"_s)));
    QVERIFY(limited->isChecked()); // the panel shows the server's limit
    QCOMPARE(cliStatus(localTarget(lab)).value(u"memoryLimitKib"_s).toInt(), 400000);
    limited->setChecked(false);
    QVERIFY(waitForChange(*window, [set] { set->click(); }));
    QCOMPARE(window->serverPanel()->facts()->factText(u"memory"_s), u"none"_s);
    QVERIFY(cliStatus(localTarget(lab)).value(u"memoryLimitKib"_s).isNull());
}

void TestServerPanel::restoreFromThePanelPutsTheLabBack()
{
    TestLab lab;
    QVERIFY(lab.startWith(MpmKind::Event).ok());
    const QMap<QString, QByteArray> before = lab.fileHashes();
    const auto window = openWindow(TargetSpec::local(lab.options()));
    QVERIFY(window);
    window->serverPanel()->directives()->edit(u"KeepAliveTimeout"_s, u"2"_s);
    QVERIFY(waitForChange(*window, [&] { window->serverPanel()->apply(); }));
    auto *prefork = window->serverPanel()->findChild<QPushButton *>(u"prefork"_s);
    QVERIFY(waitForChange(*window, [prefork] { prefork->click(); }));
    QVERIFY(lab.fileHashes() != before);
    QVERIFY(window->serverPanel()->restoreOffered());
    save(window->serverPanel(), u"serverpanel-restore-pending.png"_s);

    auto *restore = window->serverPanel()->findChild<QPushButton *>(u"restore"_s);
    QVERIFY(waitForChange(*window, [restore] { restore->click(); }));
    QCOMPARE(lab.fileHashes(), before);
    QVERIFY(!window->serverPanel()->restoreOffered());
    const QJsonObject status = cliStatus(localTarget(lab));
    QCOMPARE(status.value(u"runningMpm"_s).toString(), u"event"_s);
    QVERIFY(!status.value(u"restorePending"_s).toBool());
}

void TestServerPanel::closingWithChangesAsksToRestore()
{
    TestLab lab;
    QVERIFY(lab.startWith(MpmKind::Event).ok());
    const QMap<QString, QByteArray> before = lab.fileHashes();
    const auto window = openWindow(TargetSpec::local(lab.options()));
    QVERIFY(window);
    window->serverPanel()->directives()->edit(u"MaxKeepAliveRequests"_s, u"7"_s);
    QVERIFY(waitForChange(*window, [&] { window->serverPanel()->apply(); }));

    QVERIFY(!window->close()); // not at once: asked first
    QVERIFY(window->isVisible());
    QMessageBox *question = nullptr;
    QTRY_VERIFY((question = window->findChild<QMessageBox *>(u"quitQuestion"_s)) != nullptr);
    QVERIFY2(question->text().contains(u"Restore the original"_s), qPrintable(question->text()));
    save(question, u"quit-restore-question.png"_s);
    question->findChild<QPushButton *>(u"restoreAndQuit"_s)->click();
    // Restored, then closed by itself.
    QTRY_VERIFY_WITH_TIMEOUT(!window->isVisible(), 60000);
    QCOMPARE(lab.fileHashes(), before);
    QVERIFY(!cliStatus(localTarget(lab)).value(u"restorePending"_s).toBool());
}

void TestServerPanel::closingCanKeepTheChanges()
{
    TestLab lab;
    QVERIFY(lab.startWith(MpmKind::Event).ok());
    const auto window = openWindow(TargetSpec::local(lab.options()));
    QVERIFY(window);
    window->serverPanel()->directives()->edit(u"MaxKeepAliveRequests"_s, u"8"_s);
    QVERIFY(waitForChange(*window, [&] { window->serverPanel()->apply(); }));
    window->close();
    QMessageBox *question = nullptr;
    QTRY_VERIFY((question = window->findChild<QMessageBox *>(u"quitQuestion"_s)) != nullptr);
    question->findChild<QPushButton *>(u"quitAsIs"_s)->click();
    QTRY_VERIFY_WITH_TIMEOUT(!window->isVisible(), 10000);
    // Kept, and still owed: the CLI says so.
    const QJsonObject status = cliStatus(localTarget(lab));
    QVERIFY(status.value(u"restorePending"_s).toBool());
    QCOMPARE(status.value(u"directives"_s).toObject().value(u"MaxKeepAliveRequests"_s).toString(),
             u"8"_s);
}

void TestServerPanel::overSshThePanelDrivesTheServer()
{
    if (const QString reason = TestDebianInstance::skipReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    TestDebianInstance instance;
    QVERIFY2(instance.create().isEmpty(), "cannot create the instance");
    QVERIFY2(instance.start().isEmpty(), "cannot start the instance");
    const QString original = TestDebianInstance::manifest(instance.configDir());
    TestSshd sshd;
    QVERIFY(sshd.start().isEmpty());
    QTemporaryDir dir;
    const TestSshClient client(sshd, dir.path()); // the server's key in dir/known_hosts
    QVERIFY(client.isValid());

    const QString target = u"ssh://%1@127.0.0.1:%2"_s.arg(sshd.user()).arg(sshd.port());
    TargetSpec spec = TargetSpec::parse(target).value();
    spec.ssh.credentials.identityFile = sshd.clientKeyPath();
    spec.ssh.credentials.useAgent = false;
    spec.ssh.policy.userKnownHostsFile = client.knownHostsPath();
    spec.ssh.policy.mpmlabKnownHostsFile = dir.filePath(u"mpmlab_known_hosts"_s);
    spec.ssh.apache.configDir = instance.configDir();
    // The CLI reads the server's key from MPM Lab's own known_hosts file.
    const QStringList cliTarget{u"--target"_s,      target,
                                u"--identity"_s,    sshd.clientKeyPath(),
                                u"--known-hosts"_s, client.knownHostsPath(),
                                u"--instance"_s,    instance.name()};
    // The window opens on the server through the connection dialog.
    const auto window = openWindow(spec);
    QVERIFY(window);
    QVERIFY(window->findChildren<ConnectDialog *>().isEmpty()
            || !window->findChild<ConnectDialog *>()->isVisible());
    QVERIFY2(window->statusText().contains(target), qPrintable(window->statusText()));
    // Connected over SSH, the Server menu is live (it stayed grey before).
    QMenu *server = nullptr;
    for (QAction *action : window->menuBar()->actions()) {
        if (action->text() == u"&Server"_s)
            server = action->menu();
    }
    QVERIFY(server);
    int enabled = 0;
    for (QAction *action : server->actions())
        enabled += action->isEnabled() && !action->isSeparator() ? 1 : 0;
    QVERIFY2(enabled >= 3, qPrintable(QString::number(enabled)));
    compareWithPanel(cliStatus(cliTarget), *window);
    if (QTest::currentTestFailed())
        return;

    // The MPM buttons switch it over SSH as on the lab.
    auto *worker = window->serverPanel()->findChild<QPushButton *>(u"worker"_s);
    QVERIFY(waitForChange(*window, [worker] { worker->click(); }));
    QVERIFY2(window->serverPanel()->facts()->factText(u"mpm"_s).contains(u"worker running"_s),
             qPrintable(window->serverPanel()->facts()->factText(u"mpm"_s)));
    QCOMPARE(instance.runningMpm(), std::optional(MpmKind::Worker));

    // An edit for every MPM: read back, and in each MPM's section.
    DirectiveEditor *editor = window->serverPanel()->directives();
    editor->edit(u"MaxRequestWorkers"_s, u"60"_s);
    editor->edit(u"KeepAliveTimeout"_s, u"4"_s);
    for (auto *scope : window->serverPanel()->findChildren<QRadioButton *>()) {
        if (scope->text() == u"every MPM"_s)
            scope->setChecked(true);
    }
    QVERIFY(waitForChange(*window, [&] { window->serverPanel()->apply(); }));
    QVERIFY2(window->serverPanel()->lastChangeText().contains(u"done"_s),
             qPrintable(window->serverPanel()->lastChangeText()));
    QCOMPARE(editor->valueText(u"MaxRequestWorkers"_s), u"60"_s);
    QCOMPARE(editor->valueText(u"KeepAliveTimeout"_s), u"4"_s);
    QFile managed(instance.configDir() + u"/conf-enabled/zz-mpmlab.conf"_s);
    QVERIFY(managed.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(managed.readAll());
    QCOMPARE(text.count(u"MaxRequestWorkers 60"_s), 3);
    compareWithPanel(cliStatus(cliTarget), *window);
    QVERIFY2(
        editor->warningText(u"MaxRequestWorkers"_s).contains(u"prefork 60, worker 60, event 60"_s),
        qPrintable(editor->warningText(u"MaxRequestWorkers"_s)));
    save(window.get(), u"serverpanel-ssh.png"_s);

    auto *restore = window->serverPanel()->findChild<QPushButton *>(u"restore"_s);
    QVERIFY(window->serverPanel()->restoreOffered());
    QVERIFY(waitForChange(*window, [restore] { restore->click(); }));
    QCOMPARE(TestDebianInstance::manifest(instance.configDir()), original);
    QVERIFY(!window->serverPanel()->restoreOffered());
}

QTEST_MAIN(TestServerPanel)
#include "tst_serverpanel.moc"
