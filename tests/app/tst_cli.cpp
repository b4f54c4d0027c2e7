#include "TestLab.h"
#include "TestPaths.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QtTest>

using namespace Qt::StringLiterals;

// mpmlab-cli as a script uses it: exit codes, --json, messages on stderr.
class TestCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void helpAndVersion();
    void unknownCommandIsAUsageError();
    void labLifecycle();
    void setMpmRejectsAnUnknownMpm();
    void busyPortExitsWithBusy();

private:
    struct Run {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    static Run cli(const QStringList &arguments);
};

TestCli::Run TestCli::cli(const QStringList &arguments)
{
    QProcess process;
    process.start(TestPaths::cliBinary(), arguments);
    if (!process.waitForFinished(120000))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError()};
}

void TestCli::helpAndVersion()
{
    const Run help = cli({u"--help"_s});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains("Usage: mpmlab-cli"));
    QVERIFY(help.out.contains("lab"));

    const Run version = cli({u"--version"_s});
    QCOMPARE(version.exitCode, 0);
    QVERIFY(QRegularExpression(u"^mpmlab-cli \\d+\\.\\d+\\.\\d+\\n$"_s)
                .match(QString::fromUtf8(version.out))
                .hasMatch());

    const Run labHelp = cli({u"lab"_s, u"--help"_s});
    QCOMPARE(labHelp.exitCode, 0);
    QVERIFY(labHelp.out.contains("set-mpm"));
}

void TestCli::unknownCommandIsAUsageError()
{
    const Run run = cli({u"frobnicate"_s});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains("unknown command 'frobnicate'"));
    QCOMPARE(cli({}).exitCode, 2);
    QCOMPARE(cli({u"lab"_s}).exitCode, 2);
    QCOMPARE(cli({u"lab"_s, u"start"_s, u"extra"_s}).exitCode, 2);
}

void TestCli::labLifecycle()
{
    TestLab lab; // its directory and port; the CLI drives the server
    const QStringList where{u"--lab-dir"_s, lab.rootDir(), u"--port"_s,
                            QString::number(lab.port())};

    Run status = cli(QStringList{u"lab"_s, u"status"_s, u"--json"_s} + where);
    QCOMPARE(status.exitCode, 3); // not running, as LSB status does
    QJsonObject json = QJsonDocument::fromJson(status.out).object();
    QCOMPARE(json.value(u"running"_s).toBool(true), false);

    const Run switched = cli(QStringList{u"lab"_s, u"set-mpm"_s, u"worker"_s} + where);
    QVERIFY2(switched.exitCode == 0, switched.err.constData());
    QVERIFY(switched.out.contains("Running MPM:      worker"));

    status = cli(QStringList{u"lab"_s, u"status"_s, u"--json"_s} + where);
    QCOMPARE(status.exitCode, 0);
    json = QJsonDocument::fromJson(status.out).object();
    QCOMPARE(json.value(u"running"_s).toBool(), true);
    QCOMPARE(json.value(u"runningMpm"_s).toString(), u"worker"_s);
    QCOMPARE(json.value(u"configuredMpm"_s).toString(), u"worker"_s);
    QCOMPARE(json.value(u"port"_s).toInt(), lab.port());
    QCOMPARE(json.value(u"url"_s).toString(), u"http://127.0.0.1:%1/"_s.arg(lab.port()));
    QVERIFY(json.value(u"pid"_s).toInteger() > 0);
    // The lab itself agrees with what the CLI printed.
    QCOMPARE(lab.lab().state()->runningMpm, mpmlab::MpmKind::Worker);

    const Run stopped = cli(QStringList{u"lab"_s, u"stop"_s} + where);
    QCOMPARE(stopped.exitCode, 0);
    QCOMPARE(cli(QStringList{u"lab"_s, u"status"_s} + where).exitCode, 3);
}

void TestCli::setMpmRejectsAnUnknownMpm()
{
    TestLab lab;
    const Run run = cli({u"lab"_s, u"set-mpm"_s, u"winnt"_s, u"--lab-dir"_s, lab.rootDir()});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains("unknown MPM 'winnt'"));
    QVERIFY(!lab.lab().state()->running);
}

void TestCli::busyPortExitsWithBusy()
{
    QTcpServer squatter;
    QVERIFY(squatter.listen(QHostAddress::LocalHost, TestLab::freeHighPort()));
    TestLab lab;
    const Run run = cli({u"lab"_s, u"start"_s, u"--lab-dir"_s, lab.rootDir(), u"--port"_s,
                         QString::number(squatter.serverPort())});
    QCOMPARE(run.exitCode, 5);
    QVERIFY(run.err.contains("already in use"));
    QVERIFY(run.out.isEmpty());
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
