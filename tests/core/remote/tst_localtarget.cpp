#include "TestLab.h"
#include "TestPaths.h"
#include "common/BlockingHttpClient.h"
#include "monitor/ServerStatus.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace mpmlab;

// The driver verbs the SSH target brought (directives, test files,
// restore) on the local lab, through the same ServerDriver interface, and
// `mpmlab-cli server ... --target local`.
class TestLocalTarget : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void setsDirectivesAndRestores();
    void cliSpeaksToTheLocalLab();

private:
    static int scoreboardSlots(quint16 port);
};

int TestLocalTarget::scoreboardSlots(quint16 port)
{
    const Result<HttpReply> reply =
        BlockingHttpClient::get(u"127.0.0.1"_s, port, u"/server-status?auto"_s, 3000ms);
    if (!reply)
        return -1;
    const Result<ServerStatus> status = ServerStatus::parse(QString::fromUtf8(reply->body));
    return status ? status->scoreboard.slotCount() : -1;
}

void TestLocalTarget::setsDirectivesAndRestores()
{
    TestLab lab;
    QVERIFY(lab.isValid());
    QVERIFY(lab.startWith(MpmKind::Worker).ok());
    ServerDriver &driver = lab.lab();
    const Result<DirectiveSet> stock = driver.directives();
    QVERIFY(stock.ok());
    QCOMPARE(stock->value(u"MaxRequestWorkers"_s), u"150"_s);
    QCOMPARE(scoreboardSlots(lab.port()), 150);

    const Result<DirectiveSet> changes = DirectiveSet::fromAssignments(
        {u"MaxRequestWorkers=100"_s, u"ThreadsPerChild=20"_s, u"KeepAlive=Off"_s}, MpmKind::Worker);
    QVERIFY(changes.ok());
    const Result<QStringList> warnings = driver.setDirectives(*changes);
    QVERIFY2(warnings.ok(), qPrintable(warnings.ok() ? QString() : warnings.error().toString()));
    QVERIFY2(warnings->isEmpty(), qPrintable(warnings->join(u'\n')));
    const Result<DirectiveSet> read = driver.directives();
    QCOMPARE(read->value(u"MaxRequestWorkers"_s), u"100"_s);
    QCOMPARE(read->value(u"ThreadsPerChild"_s), u"20"_s);
    QCOMPARE(read->value(u"KeepAlive"_s), u"Off"_s);
    QCOMPARE(scoreboardSlots(lab.port()), 100); // the running server took them
    QVERIFY(*driver.restorePending());

    // Inconsistent: Apache's own warning comes back.
    DirectiveSet odd;
    odd.set(u"MaxRequestWorkers"_s, u"90"_s); // not a multiple of 20
    const Result<QStringList> warned = driver.setDirectives(odd);
    QVERIFY(warned.ok());
    QVERIFY2(warned->join(u'\n').contains(u"AH00"_s), qPrintable(warned->join(u'\n')));

    // Not for this MPM: refused.
    DirectiveSet prefork;
    prefork.set(u"MinSpareServers"_s, u"3"_s);
    QVERIFY(!driver.setDirectives(prefork).ok());

    const Result<QStringList> files = driver.createTestFiles({3000, 65536});
    QVERIFY(files.ok());
    const Result<HttpReply> page =
        BlockingHttpClient::get(u"127.0.0.1"_s, lab.port(), u"/test.html"_s, 3000ms);
    QVERIFY(page.ok());
    QCOMPARE(page->body.size(), 3000);

    QVERIFY(driver.restore().ok());
    QCOMPARE(driver.directives()->value(u"MaxRequestWorkers"_s), u"150"_s);
    QCOMPARE(scoreboardSlots(lab.port()), 150);
    QVERIFY(!*driver.restorePending());
    QCOMPARE(driver.state()->runningMpm, MpmKind::Worker);
}

void TestLocalTarget::cliSpeaksToTheLocalLab()
{
    TestLab lab;
    QVERIFY(lab.startWith(MpmKind::Event).ok());
    QProcess cli;
    cli.start(TestPaths::cliBinary(), {u"server"_s, u"set"_s, u"MaxRequestWorkers=75"_s,
                                       u"--target"_s, u"local"_s, u"--lab-dir"_s, lab.rootDir()});
    QVERIFY(cli.waitForFinished(60000));
    QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
    QCOMPARE(scoreboardSlots(lab.port()), 75);

    cli.start(TestPaths::cliBinary(), {u"server"_s, u"status"_s, u"--json"_s, u"--target"_s,
                                       u"local"_s, u"--lab-dir"_s, lab.rootDir()});
    QVERIFY(cli.waitForFinished(60000));
    const QJsonObject json = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
    QCOMPARE(json.value(u"runningMpm"_s).toString(), u"event"_s);
    QCOMPARE(json.value(u"directives"_s).toObject().value(u"MaxRequestWorkers"_s).toString(),
             u"75"_s);
    QVERIFY(json.value(u"restorePending"_s).toBool());
}

QTEST_GUILESS_MAIN(TestLocalTarget)
#include "tst_localtarget.moc"
