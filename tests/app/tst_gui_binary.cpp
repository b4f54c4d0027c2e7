#include "ScreenshotCheck.h"
#include "TestLab.h"
#include "TestPaths.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

// The installed way of running MPM Lab: the `mpmlab` binary itself, under
// Xvfb (a real X server) and under the offscreen platform, saving a
// screenshot of its window and exiting cleanly.
class TestGuiBinary : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void opensAndPaints_data();
    void opensAndPaints();
    void startsTheLabFromTheCommandLine();
    void helpAndVersion();
    void rejectsABadPort();
};

void TestGuiBinary::opensAndPaints_data()
{
    QTest::addColumn<QString>("platform");
    QTest::addColumn<QString>("language");
    // What the screenshot says it shows (its PNG text): the window title and
    // the lab's state in the status bar, French from the translation.
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("labStatus");
    const QString english = u"MPM Lab — Apache MPM workbench"_s;
    const QString stopped = u"Local lab: stopped"_s;
    QTest::newRow("xvfb") << u"xcb"_s << u"en"_s << english << stopped;
    QTest::newRow("xvfb-french") << u"xcb"_s << u"fr"_s << u"MPM Lab — atelier des MPM d'Apache"_s
                                 << u"Labo local : arrêté"_s;
    QTest::newRow("offscreen") << u"offscreen"_s << u"en"_s << english << stopped;
}

void TestGuiBinary::opensAndPaints()
{
    QFETCH(QString, platform);
    QFETCH(QString, language);
    QFETCH(QString, title);
    QFETCH(QString, labStatus);
    QTemporaryDir labDir;
    const QString shot =
        TestPaths::outputDir()
        + u"/mpmlab-%1-%2.png"_s.arg(QString::fromLatin1(QTest::currentDataTag()), language);
    QFile::remove(shot);

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QStringList command{TestPaths::guiBinary(),
                        u"--lab-dir"_s,
                        labDir.path(),
                        u"--lang"_s,
                        language,
                        u"--screenshot"_s,
                        shot};
    QString program;
    if (platform == u"xcb") {
        program = QStandardPaths::findExecutable(u"xvfb-run"_s);
        QVERIFY2(!program.isEmpty(), "xvfb-run is missing: install the Debian package xvfb");
        environment.remove(u"QT_QPA_PLATFORM"_s);
        command.prepend(u"-s"_s);
        command.insert(1, u"-screen 0 1280x800x24"_s);
        command.prepend(u"-a"_s);
    } else {
        program = command.takeFirst();
        environment.insert(u"QT_QPA_PLATFORM"_s, platform);
    }

    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, command);
    QVERIFY(process.waitForFinished(60000));
    const QByteArray errors = process.readAllStandardError();
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
             errors.constData());
    // No Qt warning about missing platform plugins, fonts or broken connects.
    QVERIFY2(!errors.contains("QObject::connect"), errors.constData());
    QVERIFY2(!errors.contains("Could not load the Qt platform plugin"), errors.constData());

    QImage image(shot);
    QVERIFY2(!image.isNull(), qPrintable(shot));
    // The window it shows: in the language asked for, and the lab's state
    // read, not "checking".
    QCOMPARE(image.text(u"Title"_s), title);
    QCOMPARE(image.text(u"Description"_s), labStatus);
    QVERIFY(image.width() >= 800 && image.height() >= 500);
    QVERIFY2(distinctColours(image) >= minimumColoursOfAPaintedWindow,
             qPrintable(u"%1 colours only in %2"_s.arg(distinctColours(image)).arg(shot)));
}

// What the README's first command ends with: `mpmlab --start-lab`.
void TestGuiBinary::startsTheLabFromTheCommandLine()
{
    TestLab lab;
    const QString shot = TestPaths::outputDir() + u"/mpmlab-start-lab.png"_s;
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    process.setProcessEnvironment(environment);
    process.start(TestPaths::guiBinary(),
                  {u"--start-lab"_s, u"--lab-dir"_s, lab.rootDir(), u"--port"_s,
                   QString::number(lab.port()), u"--screenshot"_s, shot});
    QVERIFY(process.waitForFinished(60000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());

    const auto state = lab.lab().state();
    QVERIFY(state.ok());
    QVERIFY(state->running);
    QCOMPARE(state->runningMpm, mpmlab::MpmKind::Event);
    QCOMPARE(state->port, lab.port());
    // The picture shows the lab started, not the state before.
    const QImage image(shot);
    QVERIFY(!image.isNull());
    const QString shown = image.text(u"Description"_s);
    QVERIFY2(
        shown.startsWith(u"Local lab: running event on http://127.0.0.1:%1/"_s.arg(lab.port())),
        qPrintable(shown));
}

void TestGuiBinary::helpAndVersion()
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    process.setProcessEnvironment(environment);
    process.start(TestPaths::guiBinary(), {u"--version"_s});
    QVERIFY(process.waitForFinished(20000));
    QCOMPARE(process.exitCode(), 0);
    QVERIFY(process.readAllStandardOutput().startsWith("mpmlab "));

    process.start(TestPaths::guiBinary(), {u"--help"_s});
    QVERIFY(process.waitForFinished(20000));
    QCOMPARE(process.exitCode(), 0);
    const QByteArray help = process.readAllStandardOutput();
    QVERIFY(help.contains("--lang"));
    QVERIFY(help.contains("--start-lab"));
}

void TestGuiBinary::rejectsABadPort()
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    process.setProcessEnvironment(environment);
    process.start(TestPaths::guiBinary(), {u"--port"_s, u"99999"_s});
    QVERIFY(process.waitForFinished(20000));
    QCOMPARE(process.exitCode(), 2);
    QVERIFY(process.readAllStandardError().contains("--port"));
}

QTEST_MAIN(TestGuiBinary)
#include "tst_gui_binary.moc"
