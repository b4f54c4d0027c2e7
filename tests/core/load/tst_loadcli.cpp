#include "TestLab.h"
#include "TestPaths.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <csignal>

using namespace Qt::StringLiterals;
using namespace mpmlab;

// `mpmlab-cli load` end to end: the real binary against the lab's Apache,
// its report, JSON and CSV, its exit codes and messages for bad input.
class TestLoadCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void printsAnAbStyleReportAndFiles();
    void openLoopReportsCorrectedPercentiles();
    void refusedPortIsAClearError();
    void badInputIsAUsageError_data();
    void badInputIsAUsageError();
    void tooManyConnectionsSaysSo();
    void interruptStopsTheRunAndStillReports();

private:
    struct Run {
        int exitCode = -1;
        QString out;
        QString err;
    };
    static Run cli(const QStringList &arguments, int timeoutMs = 120000);
    QString url(const QString &path = u"/test.html"_s) const
    {
        return u"http://127.0.0.1:%1%2"_s.arg(m_lab->port()).arg(path);
    }

    std::unique_ptr<TestLab> m_lab;
    QTemporaryDir m_dir;
};

TestLoadCli::Run TestLoadCli::cli(const QStringList &arguments, int timeoutMs)
{
    QProcess process;
    process.start(TestPaths::cliBinary(), QStringList{u"load"_s} + arguments);
    Run run;
    if (!process.waitForFinished(timeoutMs))
        return run;
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

void TestLoadCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_lab = std::make_unique<TestLab>();
    QVERIFY(m_lab->isValid());
    const Status started = m_lab->startWith(MpmKind::Event);
    QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().toString()));
}

void TestLoadCli::printsAnAbStyleReportAndFiles()
{
    const QString json = m_dir.filePath(u"result.json"_s);
    const QString csv = m_dir.filePath(u"series.csv"_s);
    const Run run = cli({u"-n"_s, u"500"_s, u"-c"_s, u"5"_s, u"-k"_s, u"--json"_s, json,
                         u"--timeseries"_s, csv, url()});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const qint64 size = QFileInfo(m_lab->rootDir() + u"/htdocs/test.html"_s).size();
    // ab's lines, in ab's order.
    const QStringList lines{
        u"Server Software:        Apache/2.4"_s,
        u"Server Hostname:        127.0.0.1"_s,
        u"Server Port:            %1"_s.arg(m_lab->port()),
        u"Document Path:          /test.html"_s,
        u"Document Length:        %1 bytes"_s.arg(size),
        u"Concurrency Level:      5"_s,
        u"Time taken for tests:"_s,
        u"Complete requests:      500"_s,
        u"Failed requests:        0"_s,
        u"(Connect: 0, Receive: 0, Length: 0, Exceptions: 0)"_s,
        u"Keep-Alive requests:"_s,
        u"Total transferred:"_s,
        u"HTML transferred:       %1 bytes"_s.arg(500 * size),
        u"Requests per second:"_s,
        u"[ms] (mean, across all concurrent requests)"_s,
        u"Transfer rate:"_s,
        u"Connection Times (ms)"_s,
        u"Connect:"_s,
        u"Processing:"_s,
        u"Waiting:"_s,
        u"Total:"_s,
        u"Percentage of the requests served within a certain time (ms)"_s,
        u"  50%"_s,
        u"  99%"_s,
        u"99.9%"_s,
        u"(longest request)"_s,
    };
    qsizetype at = 0;
    for (const QString &line : lines) {
        const qsizetype found = run.out.indexOf(line, at);
        QVERIFY2(found >= 0, qPrintable(u"missing or out of order: '%1'\n%2"_s.arg(line, run.out)));
        at = found;
    }

    QFile jsonFile(json);
    QVERIFY(jsonFile.open(QIODevice::ReadOnly));
    const QJsonObject result = QJsonDocument::fromJson(jsonFile.readAll()).object();
    QCOMPARE(result.value(u"counters"_s).toObject().value(u"complete"_s).toInt(), 500);
    QCOMPARE(result.value(u"counters"_s).toObject().value(u"failed"_s).toInt(), 0);
    QCOMPARE(result.value(u"documentLength"_s).toInteger(), size);
    QVERIFY(result.value(u"total"_s)
                .toObject()
                .value(u"percentilesMs"_s)
                .toObject()
                .contains(u"99.9"_s));
    QVERIFY(result.value(u"requestsPerSecond"_s).toDouble() > 0);

    QFile csvFile(csv);
    QVERIFY(csvFile.open(QIODevice::ReadOnly));
    const QStringList rows = QString::fromUtf8(csvFile.readAll()).split(u'\n', Qt::SkipEmptyParts);
    QVERIFY(rows.size() >= 2);
    const QStringList header = rows.first().split(u',');
    QCOMPARE(header.at(3), u"requests"_s);
    QVERIFY(header.contains(u"p99_ms"_s) && header.contains(u"failed_length"_s));
    qint64 requests = 0;
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const QStringList fields = rows.at(i).split(u',');
        QCOMPARE(fields.size(), header.size());
        requests += fields.at(3).toLongLong();
    }
    QCOMPARE(requests, 500);
}

void TestLoadCli::openLoopReportsCorrectedPercentiles()
{
    const Run run =
        cli({u"--rate"_s, u"500"_s, u"-n"_s, u"200"_s, u"-c"_s, u"4"_s, u"-k"_s, url()});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(run.out.contains(u"Target rate:            500.00 [#/sec] (open loop)"_s));
    QVERIFY(run.out.contains(u"Complete requests:      200"_s));
    QVERIFY(run.out.contains(u"Corrected for coordinated omission"_s));
}

void TestLoadCli::refusedPortIsAClearError()
{
    const quint16 port = TestLab::freeHighPort();
    const Run run = cli({u"-n"_s, u"10"_s, u"-c"_s, u"2"_s, u"http://127.0.0.1:%1/"_s.arg(port)});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(u"could not connect to 127.0.0.1:%1: Connection refused"_s.arg(port)),
             qPrintable(run.err));
    QVERIFY(run.out.contains(u"(Connect: 10, Receive: 0, Length: 0, Exceptions: 0)"_s));
}

void TestLoadCli::badInputIsAUsageError_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("malformed URL") << QStringList{u"htp://127.0.0.1/"_s} << u"invalid URL"_s;
    QTest::newRow("no URL") << QStringList{u"-n"_s, u"5"_s} << u"exactly one URL"_s;
    QTest::newRow("-n not a number")
        << QStringList{u"-n"_s, u"many"_s, u"http://127.0.0.1:1/"_s} << u"-n must be"_s;
    QTest::newRow("-c above -n") << QStringList{u"-n"_s, u"5"_s, u"-c"_s, u"10"_s,
                                                u"http://127.0.0.1:1/"_s}
                                 << u"greater than total number of requests"_s;
    QTest::newRow("bad header") << QStringList{u"-H"_s, u"NoColon"_s, u"http://127.0.0.1:1/"_s}
                                << u"Name: value"_s;
    QTest::newRow("negative rate")
        << QStringList{u"--rate"_s, u"-5"_s, u"http://127.0.0.1:1/"_s} << u"--rate"_s;
}

void TestLoadCli::badInputIsAUsageError()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Run run = cli(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
}

void TestLoadCli::tooManyConnectionsSaysSo()
{
    const Run run = cli({u"-n"_s, u"100000"_s, u"-c"_s, u"50000"_s, url()});
    QCOMPARE(run.exitCode, 5); // Busy
    QVERIFY2(run.err.contains(u"concurrency 50000 needs about"_s), qPrintable(run.err));
    QVERIFY(run.err.contains(u"hard limit"_s));
}

void TestLoadCli::interruptStopsTheRunAndStillReports()
{
    QProcess process;
    process.start(TestPaths::cliBinary(),
                  {u"load"_s, u"-t"_s, u"60"_s, u"-c"_s, u"4"_s, u"-k"_s, url()});
    QVERIFY(process.waitForStarted());
    QTest::qWait(700);
    ::kill(pid_t(process.processId()), SIGINT);
    QVERIFY(process.waitForFinished(10000));
    const QString out = QString::fromUtf8(process.readAllStandardOutput());
    QCOMPARE(process.exitCode(), 1);
    QVERIFY(out.contains(u"The run was stopped before the end."_s));
    QVERIFY(out.contains(u"Complete requests:"_s));
    QVERIFY(
        QString::fromUtf8(process.readAllStandardError()).contains(u"stopped before the end"_s));
}

QTEST_GUILESS_MAIN(TestLoadCli)
#include "tst_loadcli.moc"
