#include "TestPaths.h"
#include "apache/ServerStatus.h"

#include <QDir>
#include <QFile>
#include <QtTest>

using namespace Qt::StringLiterals;
using mpmlab::MpmKind;
using mpmlab::Scoreboard;
using mpmlab::ServerStatus;

class TestServerStatus : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parsesRealSamples_data();
    void parsesRealSamples();
    void keepsEveryFieldVerbatim();
    void rejectsGarbage_data();
    void rejectsGarbage();
    void toleratesTruncatedPage();
    void countsUnknownScoreboardSymbols();
};

static QString readFixture(const QString &name)
{
    QFile file(QDir(TestPaths::fixturesDir()).filePath(u"mod_status/"_s + name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return QString::fromUtf8(file.readAll());
}

void TestServerStatus::parsesRealSamples_data()
{
    QTest::addColumn<QString>("file");
    const QStringList files = QDir(TestPaths::fixturesDir() + u"/mod_status"_s)
                                  .entryList({u"*.txt"_s}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 21);
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << file;
}

void TestServerStatus::parsesRealSamples()
{
    QFETCH(QString, file);
    const QString text = readFixture(file);
    const mpmlab::Result<ServerStatus> parsed = ServerStatus::parse(text);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
    const ServerStatus &status = *parsed;

    // The MPM is the one the file was captured from.
    const std::optional<MpmKind> expected = mpmlab::mpmFromName(file.section(u'-', 0, 0));
    QVERIFY(expected);
    QCOMPARE(status.mpm, expected);
    QVERIFY(status.serverVersion.startsWith(u"Apache/2.4"_s));

    // The scoreboard is counted from the string itself, whatever its length.
    QRegularExpression scoreboardLine(u"^Scoreboard: (\\S+)$"_s,
                                      QRegularExpression::MultilineOption);
    const QString board = scoreboardLine.match(text).captured(1);
    QVERIFY(!board.isEmpty());
    QCOMPARE(status.scoreboard.slotCount(), board.size());
    int total = 0;
    for (int s = 0; s < Scoreboard::slotStateCount; ++s)
        total += status.scoreboard.count(Scoreboard::SlotState(s));
    QCOMPARE(total, status.scoreboard.slotCount());
    QCOMPARE(status.scoreboard.count(Scoreboard::SlotState::Unknown), 0);

    // Apache's own counts agree with the scoreboard we counted.
    QVERIFY(status.busyWorkers && status.idleWorkers);
    QCOMPARE(*status.idleWorkers, status.scoreboard.count(Scoreboard::SlotState::Waiting));
    QCOMPARE(*status.busyWorkers, status.scoreboard.busy());
    QCOMPARE(status.totalAccesses.has_value(), true);

    // Only event prints the connection fields; 2.4.71 added ConnsAsyncWaitIO.
    const bool event = *expected == MpmKind::Event;
    QCOMPARE(status.connsTotal.has_value(), event);
    QCOMPARE(status.connsAsyncKeepAlive.has_value(), event);
    QCOMPARE(status.connsAsyncWriting.has_value(), event);
    QCOMPARE(status.connsAsyncClosing.has_value(), event);
    QCOMPARE(status.processes.has_value(), event);
    QCOMPARE(status.connsAsyncWaitIO.has_value(), text.contains(u"ConnsAsyncWaitIO:"_s));
}

void TestServerStatus::keepsEveryFieldVerbatim()
{
    const mpmlab::Result<ServerStatus> parsed =
        ServerStatus::parse(readFixture(u"event-s1-ab.txt"_s));
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->fields.value(u"Total Accesses"_s), u"10002"_s);
    QCOMPARE(*parsed->totalAccesses, 10002);
    QCOMPARE(parsed->fields.value(u"CPUUser"_s), u".13"_s);
    QCOMPARE(*parsed->requestsPerSecond, 1428.86);
    QCOMPARE(*parsed->uptimeSeconds, 7);
    QCOMPARE(*parsed->processes, 2);
}

void TestServerStatus::rejectsGarbage_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("html") << u"<html><body>It works!</body></html>"_s;
    QTest::newRow("binary") << QString::fromLatin1(QByteArray("\x01\x02\xff: \x00\x7f", 7));
    QTest::newRow("no-space-after-colon") << u"ServerMPM:event\nScoreboard:___"_s;
    QTest::newRow("other-keys-only") << u"Foo: bar\nBaz: 1\n"_s;
}

void TestServerStatus::rejectsGarbage()
{
    QFETCH(QString, text);
    const mpmlab::Result<ServerStatus> parsed = ServerStatus::parse(text);
    QVERIFY(!parsed.ok());
    QVERIFY(!parsed.error().message.isEmpty());
}

void TestServerStatus::toleratesTruncatedPage()
{
    const QString full = readFixture(u"worker-s2-ab.txt"_s);
    const QString head = full.left(full.indexOf(u"Total Accesses"_s) + 9); // cut mid-line
    const mpmlab::Result<ServerStatus> parsed = ServerStatus::parse(head);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->mpm, MpmKind::Worker);
    QVERIFY(!parsed->totalAccesses);
    QVERIFY(!parsed->busyWorkers);
    QCOMPARE(parsed->scoreboard.slotCount(), 0);
}

void TestServerStatus::countsUnknownScoreboardSymbols()
{
    const Scoreboard board = Scoreboard::parse(u"_WK.?Z"_s);
    QCOMPARE(board.slotCount(), 6);
    QCOMPARE(board.count(Scoreboard::SlotState::Unknown), 2);
    QCOMPARE(board.count(Scoreboard::SlotState::KeepAlive), 1);
    QCOMPARE(board.busy(), 4);
    QCOMPARE(Scoreboard::symbolOf(Scoreboard::SlotState::Closing), QChar(u'C'));
}

QTEST_GUILESS_MAIN(TestServerStatus)
#include "tst_serverstatus.moc"
