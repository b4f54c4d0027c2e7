#include "TestLab.h"
#include "load/LoadRun.h"

#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace mpmlab;

// MPM Lab's engine and the reference peers, ab and wrk, against the same
// private Apache (event MPM): the same counts for the same -n/-c, with and
// without keep-alive, and request rates of the same order.
class TestLoadAgreement : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void countsMatchAb_data();
    void countsMatchAb();
    void requestRateIsOfTheSameOrderAsAbAndWrk();

private:
    struct PeerResult {
        qint64 complete = -1;
        qint64 failed = -1;
        qint64 non2xx = 0;
        qint64 keepAlive = 0;
        double requestsPerSecond = 0;
        QString output;
    };
    static PeerResult runAb(const QStringList &arguments);
    static double runWrk(const QStringList &arguments);
    LoadResult runEngine(const std::string &path, std::uint64_t requests, int concurrency,
                         bool keepAlive, int threads = 2) const;

    std::unique_ptr<TestLab> m_lab;
};

void TestLoadAgreement::initTestCase()
{
    QVERIFY2(!QStandardPaths::findExecutable(u"ab"_s).isEmpty(), "ab is missing (apache2-utils)");
    QVERIFY2(!QStandardPaths::findExecutable(u"wrk"_s).isEmpty(), "wrk is missing");
    m_lab = std::make_unique<TestLab>();
    QVERIFY(m_lab->isValid());
    const Status started = m_lab->startWith(MpmKind::Event);
    QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().toString()));
}

TestLoadAgreement::PeerResult TestLoadAgreement::runAb(const QStringList &arguments)
{
    QProcess ab;
    ab.start(u"ab"_s, arguments);
    PeerResult result;
    if (!ab.waitForFinished(120000))
        return result;
    result.output = QString::fromUtf8(ab.readAllStandardOutput())
                    + QString::fromUtf8(ab.readAllStandardError());
    const auto number = [&](const QString &label) -> qint64 {
        const QRegularExpression pattern(u"^"_s + QRegularExpression::escape(label)
                                             + uR"(:\s+(\d+))"_s,
                                         QRegularExpression::MultilineOption);
        const auto match = pattern.match(result.output);
        return match.hasMatch() ? match.captured(1).toLongLong() : 0;
    };
    result.complete = number(u"Complete requests"_s);
    result.failed = number(u"Failed requests"_s);
    result.non2xx = number(u"Non-2xx responses"_s);
    result.keepAlive = number(u"Keep-Alive requests"_s);
    const auto rps =
        QRegularExpression(uR"(Requests per second:\s+([\d.]+))"_s).match(result.output);
    result.requestsPerSecond = rps.captured(1).toDouble();
    return result;
}

double TestLoadAgreement::runWrk(const QStringList &arguments)
{
    QProcess wrk;
    wrk.start(u"wrk"_s, arguments);
    if (!wrk.waitForFinished(120000))
        return 0;
    const QString output = QString::fromUtf8(wrk.readAllStandardOutput());
    return QRegularExpression(uR"(Requests/sec:\s+([\d.]+))"_s)
        .match(output)
        .captured(1)
        .toDouble();
}

LoadResult TestLoadAgreement::runEngine(const std::string &path, std::uint64_t requests,
                                        int concurrency, bool keepAlive, int threads) const
{
    LoadSpec spec;
    spec.url = "http://127.0.0.1:" + std::to_string(m_lab->port()) + path;
    spec.requests = requests;
    spec.concurrency = concurrency;
    spec.keepAlive = keepAlive;
    spec.acceptVariableLength = true; // as ab -l
    spec.threads = threads;
    spec.maxDuration = 120s;
    auto prepared = LoadRun::prepare(spec);
    if (!prepared)
        return {};
    prepared.value()->start();
    return prepared.value()->finish();
}

void TestLoadAgreement::countsMatchAb_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("keepAlive");
    QTest::newRow("test page") << u"/test.html"_s << false;
    QTest::newRow("test page, keep-alive") << u"/test.html"_s << true;
    QTest::newRow("missing page (404)") << u"/no-such-page.html"_s << false;
    QTest::newRow("missing page (404), keep-alive") << u"/no-such-page.html"_s << true;
}

void TestLoadAgreement::countsMatchAb()
{
    QFETCH(QString, path);
    QFETCH(bool, keepAlive);
    const std::uint64_t requests = 2000;
    const int concurrency = 10;
    const QString url = u"http://127.0.0.1:%1%2"_s.arg(m_lab->port()).arg(path);
    QStringList arguments{u"-n"_s, QString::number(requests), u"-c"_s, QString::number(concurrency),
                          u"-l"_s};
    if (keepAlive)
        arguments << u"-k"_s;
    const PeerResult ab = runAb(arguments << url);
    QVERIFY2(ab.complete >= 0, qPrintable(ab.output));

    const LoadResult ours = runEngine(path.toStdString(), requests, concurrency, keepAlive);
    qInfo("%s: ab %lld complete, %lld failed, %lld non-2xx, %lld keep-alive | mpmlab %llu, %llu, "
          "%llu, %llu",
          qPrintable(url), ab.complete, ab.failed, ab.non2xx, ab.keepAlive,
          qulonglong(ours.counters.completed), qulonglong(ours.counters.failed()),
          qulonglong(ours.counters.non2xx), qulonglong(ours.counters.keepAliveRequests));
    QCOMPARE(qint64(ours.counters.completed), ab.complete);
    QCOMPARE(qint64(ours.counters.failed()), ab.failed);
    QCOMPARE(qint64(ours.counters.non2xx), ab.non2xx);
    if (keepAlive) {
        // Apache ends each connection after MaxKeepAliveRequests (100):
        // about one response in a hundred closes, in both tools.
        QVERIFY(ours.counters.keepAliveRequests >= requests * 95 / 100);
        QVERIFY(ab.keepAlive >= qint64(requests * 95 / 100));
    } else {
        QCOMPARE(ours.counters.keepAliveRequests, std::uint64_t(0));
        QCOMPARE(ab.keepAlive, 0);
    }
}

void TestLoadAgreement::requestRateIsOfTheSameOrderAsAbAndWrk()
{
    const QString url = u"http://127.0.0.1:%1/test.html"_s.arg(m_lab->port());
    const PeerResult ab = runAb({u"-n"_s, u"20000"_s, u"-c"_s, u"10"_s, u"-k"_s, url});
    const double wrk = runWrk({u"-t1"_s, u"-c10"_s, u"-d2s"_s, url});
    const LoadResult ours = runEngine("/test.html", 20000, 10, true, 1);
    const double mine = ours.requestsPerSecond();
    qInfo("keep-alive, c=10, 1 thread: mpmlab %.0f requests/s, ab -k %.0f, wrk -t1 %.0f "
          "(ratios %.2f and %.2f)",
          mine, ab.requestsPerSecond, wrk, mine / ab.requestsPerSecond, mine / wrk);
    QVERIFY(ab.requestsPerSecond > 0);
    QVERIFY(wrk > 0);
    QCOMPARE(ours.counters.completed, std::uint64_t(20000));
    // Same order of magnitude; the benchmark script (tests/bench) measures
    // the real ratios on a quiet machine.
    QVERIFY(mine > ab.requestsPerSecond / 10 && mine < ab.requestsPerSecond * 10);
    QVERIFY(mine > wrk / 10 && mine < wrk * 10);
}

QTEST_GUILESS_MAIN(TestLoadAgreement)
#include "tst_loadagreement.moc"
