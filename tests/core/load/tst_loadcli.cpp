#include "FakeHttpServer.h"
#include "TestLab.h"
#include "TestPaths.h"
#include "load/LoadCounters.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
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
    void thinkTimeRunReportsItsPauses();
    void nothingCompletedIsNoLatency();
    void refusedPortIsAClearError();
    void noAnswerAtAllIsAFailure();
    void badInputIsAUsageError_data();
    void badInputIsAUsageError();
    void tooManyConnectionsSaysSo();
    void outputPathsAreCheckedBeforeTheRun_data();
    void outputPathsAreCheckedBeforeTheRun();
    void aFailedWriteKeepsTheReport_data();
    void aFailedWriteKeepsTheReport();
    void theBodyFileIsCapped_data();
    void theBodyFileIsCapped();
    void aRunCutShortIsIncomplete();
    void interruptStopsTheRunAndStillReports();

private:
    struct Run {
        int exitCode = -1;
        QString out;
        QString err;
    };
    static Run cli(const QStringList &arguments, int timeoutMs = 120000);
    static QJsonObject readJson(const QString &path);
    static QStringList readLines(const QString &path);
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

QJsonObject TestLoadCli::readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QStringList TestLoadCli::readLines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
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
        u"Threads:                1 (automatic)"_s,
        u"Time taken for tests:"_s,
        u"Complete requests:      500"_s,
        u"Failed requests:        0"_s,
        u"(Connect: 0, Receive: 0, Length: 0, Exceptions: 0)"_s,
        u"Keep-alive closed by server: "_s,
        u"In flight at end:       0\n"_s,
        u"Clients served:         5 of 5\n"_s,
        u"Responses per client:   min "_s,
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

    const QJsonObject result = readJson(json);
    const QJsonObject counters = result.value(u"counters"_s).toObject();
    QCOMPARE(counters.value(u"complete"_s).toInt(), 500);
    QCOMPARE(counters.value(u"failed"_s).toInt(), 0);
    // Every counter of the engine, by the name its table gives it.
    for (const LoadCounterField &field : loadCounterFields)
        QVERIFY2(counters.contains(QLatin1StringView(field.jsonKey)), field.jsonKey);
    QCOMPARE(result.value(u"inFlightAtEnd"_s).toInt(), 0);
    QCOMPARE(result.value(u"clients"_s).toObject().value(u"clients"_s).toInt(), 5);
    QCOMPARE(result.value(u"clients"_s).toObject().value(u"neverServed"_s).toInt(), 0);
    QCOMPARE(result.value(u"threads"_s).toInt(), 1);
    QCOMPARE(result.value(u"documentLength"_s).toInteger(), size);
    QVERIFY(result.value(u"total"_s)
                .toObject()
                .value(u"percentilesMs"_s)
                .toObject()
                .contains(u"99.9"_s));
    QVERIFY(result.value(u"requestsPerSecond"_s).toDouble() > 0);

    const QStringList rows = readLines(csv);
    QVERIFY(rows.size() >= 2);
    const QStringList header = rows.first().split(u',');
    QCOMPARE(header.at(3), u"requests"_s);
    for (const LoadCounterField &field : loadCounterFields)
        QVERIFY2(header.contains(QLatin1StringView(field.csvColumn)), field.csvColumn);
    for (const QString &column : {u"p99_ms"_s, u"longest_wait_ms"_s, u"connecting"_s, u"awaiting"_s,
                                  u"thinking"_s, u"clients_served"_s})
        QVERIFY2(header.contains(column), qPrintable(column));
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

void TestLoadCli::thinkTimeRunReportsItsPauses()
{
    const QString json = m_dir.filePath(u"think.json"_s);
    const QString csv = m_dir.filePath(u"think.csv"_s);
    const Run run = cli({u"-k"_s, u"-c"_s, u"10"_s, u"-t"_s, u"2"_s, u"--think-time"_s, u"80-120"_s,
                         u"--json"_s, json, u"--timeseries"_s, csv, url()});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(u"Think time:             80-120 ms per connection (uniform)"_s),
             qPrintable(run.out));
    QVERIFY(run.out.contains(u"Clients served:         10 of 10\n"_s));
    const QJsonObject result = readJson(json);
    QCOMPARE(result.value(u"thinkTimeMinMs"_s).toInt(), 80);
    QCOMPARE(result.value(u"thinkTimeMaxMs"_s).toInt(), 120);
    // 10 clients pausing 100 ms on average: at most 10 / 0.08 s = 125/s.
    const double rate = result.value(u"requestsPerSecond"_s).toDouble();
    qInfo("10 clients thinking 80-120 ms: %.1f requests/s", rate);
    QVERIFY2(rate > 60 && rate <= 125, qPrintable(QString::number(rate)));
    // The time series shows the clients thinking most of the time.
    const QStringList rows = readLines(csv);
    const qsizetype thinking = rows.first().split(u',').indexOf(u"thinking"_s);
    QVERIFY(thinking > 0);
    int mostThinking = 0;
    for (qsizetype i = 1; i < rows.size(); ++i)
        mostThinking = std::max(mostThinking, rows.at(i).split(u',').at(thinking).toInt());
    QVERIFY2(mostThinking >= 8, qPrintable(QString::number(mostThinking)));
}

void TestLoadCli::nothingCompletedIsNoLatency()
{
    // A listener that never accepts: the kernel completes the handshake, the
    // request sits unread, nothing ever comes back.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    silent.pauseAccepting();
    const QString json = m_dir.filePath(u"silent.json"_s);
    const QString csv = m_dir.filePath(u"silent.csv"_s);
    const Run run = cli({u"-c"_s, u"2"_s, u"-t"_s, u"1"_s, u"--json"_s, json, u"--timeseries"_s,
                         csv, u"http://127.0.0.1:%1/"_s.arg(silent.serverPort())});
    QCOMPARE(run.exitCode, 8); // Timeout: the report, then the reason
    QVERIFY2(run.err.contains(u"the server answered no request: 2 still waiting at the end"_s),
             qPrintable(run.err));
    QVERIFY(run.out.contains(u"Complete requests:      0\n"_s));
    const QRegularExpression waiting(
        uR"(In flight at end:       2 \(longest current wait ([\d.]+) ms\))"_s);
    const QRegularExpressionMatch match = waiting.match(run.out);
    QVERIFY2(match.hasMatch(), qPrintable(run.out));
    QVERIFY(match.captured(1).toDouble() >= 950); // of a 1 s run
    QVERIFY(run.out.contains(u"Clients served:         0 of 2 (2 never got an answer)"_s));
    QVERIFY(
        run.out.contains(u"no request completed; 2 still waiting at the end, the longest for "_s));
    // No figure that would read as a fast answer.
    QVERIFY(!run.out.contains(u"Time per request:"_s));
    QVERIFY(!run.out.contains(u"(longest request)"_s));
    QVERIFY(!run.out.contains(u"Total:"_s));
    const QJsonObject result = readJson(json);
    QVERIFY(result.value(u"total"_s).toObject().value(u"medianMs"_s).isNull());
    QVERIFY(result.value(u"timePerRequestMs"_s).isNull());
    QVERIFY(result.value(u"oldestInFlightMs"_s).toDouble() >= 950);
    const QStringList rows = readLines(csv);
    QVERIFY(rows.size() >= 2);
    const QStringList header = rows.first().split(u',');
    const QStringList lastRow = rows.last().split(u',');
    QCOMPARE(lastRow.at(header.indexOf(u"p50_ms"_s)), QString());
    QCOMPARE(lastRow.at(header.indexOf(u"max_ms"_s)), QString());
    QCOMPARE(lastRow.at(header.indexOf(u"awaiting"_s)), u"2"_s);
    QVERIFY(lastRow.at(header.indexOf(u"longest_wait_ms"_s)).toDouble() >= 900);
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

// Every connection reset once the request is read: a report with the
// failures, and exit 1, not the 0 of a run that measured something.
void TestLoadCli::noAnswerAtAllIsAFailure()
{
    FakeHttpServer resetting([](FakeHttpServer &, int &fd) {
        if (FakeHttpServer::readRequest(fd))
            FakeHttpServer::resetAndClose(fd);
    });
    QVERIFY(resetting.isListening());
    const Run run = cli({u"-n"_s, u"10"_s, u"-c"_s, u"2"_s,
                         QString::fromStdString(resetting.url())});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(u"the server answered no request: all 10 failed"_s),
             qPrintable(run.err));
    QVERIFY2(run.out.contains(u"Failed requests:        10\n"_s), qPrintable(run.out));
    QVERIFY(run.out.contains(u"Clients served:         0 of 2 (2 never got an answer)"_s));
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
    QTest::newRow("rate beyond any server")
        << QStringList{u"--rate"_s, u"1e12"_s, u"-t"_s, u"1"_s, u"http://127.0.0.1:1/"_s}
        << u"--rate must be a number of requests per second above 0, at most 10,000,000"_s;
    QTest::newRow("think time max below min")
        << QStringList{u"--think-time"_s, u"300-100"_s, u"http://127.0.0.1:1/"_s}
        << u"--think-time must be"_s;
    QTest::newRow("think time not a number")
        << QStringList{u"--think-time"_s, u"soon"_s, u"http://127.0.0.1:1/"_s}
        << u"--think-time must be"_s;
    QTest::newRow("think time with a rate")
        << QStringList{u"--think-time"_s,       u"100"_s, u"--rate"_s, u"10"_s, u"-t"_s, u"1"_s,
                       u"http://127.0.0.1:1/"_s}
        << u"think time is for closed-loop clients"_s;
    // Huge values are named with their range, never overflowed or ignored.
    QTest::newRow("-t 1e308") << QStringList{u"-t"_s, u"1e308"_s, u"http://127.0.0.1:1/"_s}
                              << u"-t must be a number of seconds from 0.001 to 3600"_s;
    QTest::newRow("-t beyond --max-duration")
        << QStringList{u"-t"_s, u"1e12"_s, u"--max-duration"_s, u"10"_s, u"http://127.0.0.1:1/"_s}
        << u"-t must be a number of seconds from 0.001 to 10 (--max-duration"_s;
    QTest::newRow("--warmup 1e308")
        << QStringList{u"--warmup"_s, u"1e308"_s, u"-n"_s, u"5"_s, u"http://127.0.0.1:1/"_s}
        << u"--warmup must be a number of seconds from 0 to"_s;
    QTest::newRow("--max-duration 1e308")
        << QStringList{u"--max-duration"_s, u"1e308"_s, u"http://127.0.0.1:1/"_s}
        << u"--max-duration must be a number of seconds from 0.001 to 604800"_s;
    QTest::newRow("-s 1e308") << QStringList{u"-s"_s, u"1e308"_s, u"http://127.0.0.1:1/"_s}
                              << u"-s must be a number of seconds from 0.001 to 604800"_s;
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
    // Under a hard limit of 256 open files, whatever this machine allows.
    QProcess process;
    process.start(u"prlimit"_s, {u"--nofile=256:256"_s, TestPaths::cliBinary(), u"load"_s, u"-n"_s,
                                 u"2000"_s, u"-c"_s, u"1000"_s, url()});
    QVERIFY2(process.waitForFinished(60000), "prlimit (util-linux) did not run");
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QCOMPARE(process.exitCode(), 2); // a limit too low for the input, not a busy port
    QVERIFY2(err.contains(u"open-file limit"_s) && err.contains(u"concurrency 1000 needs about"_s),
             qPrintable(err));
    QVERIFY(err.contains(u"ulimit -Hn"_s));
}

void TestLoadCli::outputPathsAreCheckedBeforeTheRun_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("reason");
    const QString file = m_dir.filePath(u"plain-file"_s);
    QFile plain(file);
    QVERIFY(plain.open(QIODevice::WriteOnly));
    for (const QString &option : {u"--json"_s, u"--timeseries"_s}) {
        QTest::addRow("%s missing directory", qPrintable(option))
            << option << m_dir.filePath(u"missing/out.txt"_s) << u"No such file or directory"_s;
        QTest::addRow("%s under a file", qPrintable(option))
            << option << file + u"/out.txt"_s << u"Not a directory"_s;
        QTest::addRow("%s a directory", qPrintable(option))
            << option << m_dir.path() << u"Is a directory"_s;
    }
}

// A path that cannot be written costs nothing: it is refused before the load.
void TestLoadCli::outputPathsAreCheckedBeforeTheRun()
{
    QFETCH(QString, option);
    QFETCH(QString, path);
    QFETCH(QString, reason);
    const Run run = cli({u"-n"_s, u"20"_s, option, path, url()});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(u"cannot write %1: %2"_s.arg(path, reason)), qPrintable(run.err));
    QVERIFY2(!run.err.contains(u"Benchmarking"_s), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
}

void TestLoadCli::aFailedWriteKeepsTheReport_data()
{
    QTest::addColumn<QString>("option");
    QTest::newRow("json") << u"--json"_s;
    QTest::newRow("timeseries") << u"--timeseries"_s;
}

// /dev/full takes the open and refuses the write: exit 1 with the path and
// the reason, and the measurements still reach the terminal.
void TestLoadCli::aFailedWriteKeepsTheReport()
{
    QFETCH(QString, option);
    const Run run = cli({u"-n"_s, u"20"_s, option, u"/dev/full"_s, url()});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(u"cannot write /dev/full: No space left on device"_s),
             qPrintable(run.err));
    QVERIFY2(run.out.contains(u"Complete requests:      20\n"_s), qPrintable(run.out));
}

void TestLoadCli::theBodyFileIsCapped_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");
    const QString huge = m_dir.filePath(u"huge-body"_s);
    QFile file(huge);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(qint64(65) << 20)); // sparse: 65 MiB that take no disk
    QTest::newRow("/dev/zero") << u"/dev/zero"_s << u"-p /dev/zero: not a regular file"_s;
    QTest::newRow("65 MiB") << huge << u"-p %1: 65 MiB, more than the 64 MiB allowed"_s.arg(huge);
}

// Under an address-space limit, so that reading without a cap would fail
// with std::bad_alloc (SIGABRT) instead of taking the machine's memory.
void TestLoadCli::theBodyFileIsCapped()
{
    QFETCH(QString, path);
    QFETCH(QString, message);
    QProcess process;
    process.start(u"prlimit"_s, {u"--as=1073741824"_s, TestPaths::cliBinary(), u"load"_s, u"-n"_s,
                                 u"5"_s, u"-p"_s, path, url()});
    QVERIFY2(process.waitForFinished(60000), "prlimit (util-linux) did not run");
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 2);
    QVERIFY2(err.contains(message), qPrintable(err));
}

// A server that never answers and --max-duration below the request timeout:
// the run ends with its requests not done, says so, and exits 10.
void TestLoadCli::aRunCutShortIsIncomplete()
{
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    silent.pauseAccepting();
    const QString json = m_dir.filePath(u"cut-short.json"_s);
    const Run run = cli({u"-n"_s, u"10"_s, u"-c"_s, u"2"_s, u"--max-duration"_s, u"1"_s,
                         u"--json"_s, json, u"http://127.0.0.1:%1/"_s.arg(silent.serverPort())});
    QCOMPARE(run.exitCode, 10);
    QVERIFY2(run.out.contains(u"Incomplete: --max-duration (1 s) ended the run with 0 of 10 "
                              "requests done, 2 still waiting."_s),
             qPrintable(run.out));
    QVERIFY2(run.err.contains(u"incomplete run"_s), qPrintable(run.err));
    QVERIFY(readJson(json).value(u"hitMaxDuration"_s).toBool());
}

void TestLoadCli::interruptStopsTheRunAndStillReports()
{
    QProcess process;
    process.start(TestPaths::cliBinary(),
                  {u"load"_s, u"-t"_s, u"60"_s, u"-c"_s, u"4"_s, u"-k"_s, url()});
    QVERIFY(process.waitForStarted());
    // The first line ("Benchmarking ...") comes once the handler is in place.
    process.setReadChannel(QProcess::StandardError);
    QVERIFY(QTest::qWaitFor([&] { return process.canReadLine(); }, 10000));
    QVERIFY(process.readLine().startsWith("Benchmarking"));
    ::kill(pid_t(process.processId()), SIGINT);
    QVERIFY(process.waitForFinished(10000));
    const QString out = QString::fromUtf8(process.readAllStandardOutput());
    QCOMPARE(process.exitCode(), 9); // Stopped
    QVERIFY(out.contains(u"The run was stopped before the end."_s));
    QVERIFY(out.contains(u"Complete requests:"_s));
    QVERIFY(
        QString::fromUtf8(process.readAllStandardError()).contains(u"stopped before the end"_s));
    QVERIFY(out.contains(u"In flight at end:"_s));
}

QTEST_GUILESS_MAIN(TestLoadCli)
#include "tst_loadcli.moc"
