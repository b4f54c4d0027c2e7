#include "SampleFrames.h"
#include "TestPaths.h"
#include "monitor/FrameParser.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace mpmlab;

// The frame parser on frames written the way the sampler script writes
// them, carrying the real mod_status pages of tests/fixtures, cut into
// chunks of every size and mixed with truncated frames and garbage.
class TestFrameParser : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void decodesEveryField();
    void carriesRealStatusPages_data();
    void carriesRealStatusPages();
    void anySplitPointGivesTheSameSample();
    void dropsAndCountsBrokenFrames_data();
    void dropsAndCountsBrokenFrames();
    void survivesAnEndlessLine();
    void fuzzRandomChunksAndGarbage();
    void fuzzPureNoise();
};

namespace {

using FakeProcess = SampleFrames::Process;
using SampleFrames::frame;

QByteArray frameText(qint64 seq, const QList<FakeProcess> &processes, const QString &status,
                     qint64 parent = 4242)
{
    return frame(seq, processes, status, parent);
}

QList<FakeProcess> someProcesses(qint64 seq)
{
    return {{'P', 4242, 1, 1, 10 + seq, 20, 3420, "253", "148", "0"},
            {'P', 4243, 4242, 27, 30 + 2 * seq, 5, 4044, "198", "188", "0"},
            {'Q', 4244, 4242, 27, 31, 6, 4100, "?", "?", "?"},
            {'P', 4245, 4242, 27, 32, 7, 4100, "-", "-", "-"},
            {'Q', 4246, 4242, 27, 33, 8, 4100, "201", "190", "0"}};
}

QString fixture(const QString &name)
{
    QFile file(QDir(TestPaths::fixturesDir()).filePath(u"mod_status/"_s + name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return QString::fromUtf8(file.readAll());
}

QList<ServerSample> parseAll(const QByteArray &text, FrameParser &parser)
{
    parser.feed(text);
    return parser.takeSamples();
}

// Random bytes that can never form or complete a frame: no '@', and the
// first byte is a letter, so a cut END line followed by it stays broken.
QByteArray garbage(QRandomGenerator &random)
{
    QByteArray bytes(random.bounded(1, 300), Qt::Uninitialized);
    for (char &c : bytes) {
        do {
            c = char(random.bounded(256));
        } while (c == '@');
    }
    bytes[0] = 'x';
    return bytes + '\n';
}

} // namespace

void TestFrameParser::decodesEveryField()
{
    FrameParser parser;
    const QList<FakeProcess> processes = someProcesses(7);
    const QList<ServerSample> samples =
        parseAll(frameText(7, processes, fixture(u"event-s1-ab.txt"_s)), parser);
    QCOMPARE(samples.size(), 1);
    QCOMPARE(parser.framesAccepted(), 1);
    QCOMPARE(parser.framesDropped(), 0);
    const ServerSample &s = samples.first();
    QCOMPARE(s.sequence, 7);
    QCOMPARE(s.uptimeSeconds, 1003.5);
    QCOMPARE(s.bootTimeSeconds, 1795771013);
    QCOMPARE(s.serverTimeMs(), 1795771013LL * 1000 + 1003500);
    QCOMPARE(s.clockTicksPerSecond, 100);
    QCOMPARE(s.cpuCount, 2);
    QCOMPARE(s.memTotalKb, 24683656);
    QCOMPARE(s.memAvailableKb, 24017416);
    QCOMPARE(s.memUsedKb(), 24683656 - 24017416);
    QCOMPARE(s.swapTotalKb, 1000);
    QCOMPARE(s.cpu.user, 4000 + 7 * 60);
    QCOMPARE(s.cpu.idle, 15000 + 7 * 40);
    QCOMPARE(s.cpu.busy(), s.cpu.total() - s.cpu.idle - s.cpu.iowait);
    QCOMPARE(s.loadAverage[2], 0.74);
    QCOMPARE(s.parentPid, 4242);
    QCOMPARE(s.processes.size(), processes.size());
    for (qsizetype i = 0; i < processes.size(); ++i) {
        const ProcessSample &got = s.processes.at(i);
        const FakeProcess &sent = processes.at(i);
        QCOMPARE(got.pid, sent.pid);
        QCOMPARE(got.ppid, sent.ppid);
        QCOMPARE(got.threads, sent.threads);
        QCOMPARE(got.userTicks, sent.utime);
        QCOMPARE(got.systemTicks, sent.stime);
        QCOMPARE(got.rssKb, sent.rss);
        // "?" means not read this frame, "-" unreadable: neither is a number.
        QCOMPARE(got.memoryFresh, sent.pss != "?");
        QCOMPARE(got.statFresh, sent.tag == 'P');
        QCOMPARE(got.pssKb.has_value(), sent.pss != "?" && sent.pss != "-");
        if (got.pssKb) {
            QCOMPARE(*got.pssKb, sent.pss.toLongLong());
            QCOMPARE(*got.ussKb, sent.uss.toLongLong());
        }
    }
    QVERIFY(s.status);
    QCOMPARE(s.status->mpm, MpmKind::Event);
    QVERIFY(s.statusError.isEmpty());
}

void TestFrameParser::carriesRealStatusPages_data()
{
    QTest::addColumn<QString>("file");
    const QStringList files = QDir(TestPaths::fixturesDir() + u"/mod_status"_s)
                                  .entryList({u"*.txt"_s}, QDir::Files, QDir::Name);
    QVERIFY(!files.isEmpty());
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << file;
}

void TestFrameParser::carriesRealStatusPages()
{
    // The status page inside a frame parses exactly as the page itself.
    QFETCH(QString, file);
    const QString page = fixture(file);
    const Result<ServerStatus> direct = ServerStatus::parse(page);
    QVERIFY(direct.ok());
    FrameParser parser;
    const QList<ServerSample> samples = parseAll(frameText(1, someProcesses(1), page), parser);
    QCOMPARE(samples.size(), 1);
    QVERIFY(samples.first().status);
    const ServerStatus &viaFrame = *samples.first().status;
    QCOMPARE(viaFrame.fields, direct->fields);
    QCOMPARE(viaFrame.mpm, direct->mpm);
    QCOMPARE(viaFrame.busyWorkers, direct->busyWorkers);
    QCOMPARE(viaFrame.connsAsyncWaitIO, direct->connsAsyncWaitIO);
    QCOMPARE(viaFrame.scoreboard.text(), direct->scoreboard.text());
    QCOMPARE(viaFrame.scoreboard.slotCount(), direct->scoreboard.slotCount());
}

void TestFrameParser::anySplitPointGivesTheSameSample()
{
    const QByteArray text = frameText(3, someProcesses(3), fixture(u"worker-s2-ab.txt"_s))
                            + frameText(4, someProcesses(4), fixture(u"worker-idle.txt"_s));
    FrameParser whole;
    const QList<ServerSample> expected = parseAll(text, whole);
    QCOMPARE(expected.size(), 2);
    for (qsizetype cut = 0; cut <= text.size(); ++cut) {
        FrameParser parser;
        parser.feed(QByteArrayView(text).first(cut));
        parser.feed(QByteArrayView(text).sliced(cut));
        const QList<ServerSample> got = parser.takeSamples();
        QCOMPARE(got.size(), 2);
        QCOMPARE(parser.framesDropped(), 0);
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(got.at(i).sequence, expected.at(i).sequence);
            QCOMPARE(got.at(i).processes.size(), expected.at(i).processes.size());
            QCOMPARE(got.at(i).status->scoreboard.text(), expected.at(i).status->scoreboard.text());
        }
    }
    // One byte at a time, too.
    FrameParser parser;
    for (char c : text)
        parser.feed(QByteArrayView(&c, 1));
    QCOMPARE(parser.takeSamples().size(), 2);
}

void TestFrameParser::dropsAndCountsBrokenFrames_data()
{
    QTest::addColumn<QByteArray>("broken");
    QTest::addColumn<QString>("reasonPart");
    const QByteArray good = frameText(5, someProcesses(5), fixture(u"prefork-idle.txt"_s));
    const auto replaced = [&](const char *from, const char *to) {
        QByteArray text = good;
        return text.replace(from, to);
    };
    QTest::newRow("truncated, then the next frame") << good.left(good.size() / 2) + '\n'
                                                    << u"cut short"_s;
    QTest::newRow("end of another frame")
        << replaced("FRAME-END 5", "FRAME-END 6") << u"another sequence"_s;
    QTest::newRow("end without start")
        << good.mid(good.indexOf('\n') + 1) << u"without its start"_s;
    QTest::newRow("start without number")
        << replaced("FRAME-BEGIN 5", "FRAME-BEGIN x") << u"without a sequence"_s;
    QTest::newRow("unknown line") << replaced("L 3.06", "Z 3.06") << u"unknown line"_s;
    QTest::newRow("letters for numbers") << replaced("M 24683656", "M 2468x656") << u"'M'"_s;
    QTest::newRow("too few fields") << replaced("C 4300 0 700", "C 4300 0") << u"'C'"_s;
    QTest::newRow("bad process line")
        << replaced("P 4243 4242 27", "P 4243 4242 -27") << u"process line"_s;
    QTest::newRow("bad repeated process line")
        << replaced("Q 4246 4242 27 33", "Q 4246 4242 27 x") << u"process line"_s;
    QTest::newRow("negative memory") << replaced(" 198 188 0", " -198 188 0") << u"process line"_s;
    QTest::newRow("missing line") << replaced("K 100 4 2\n", "") << u"no 'K' line"_s;
    QTest::newRow("future version") << replaced("V 2\n", "V 3\n") << u"version"_s;
    QTest::newRow("processes, no parent") << replaced("H 4242\n", "H -\n") << u"without a parent"_s;
}

void TestFrameParser::dropsAndCountsBrokenFrames()
{
    // A broken frame between two good ones: dropped and counted, the
    // neighbours still come through.
    QFETCH(QByteArray, broken);
    QFETCH(QString, reasonPart);
    FrameParser parser;
    const QByteArray text =
        frameText(1, someProcesses(1), {}) + broken + frameText(9, someProcesses(9), {});
    const QList<ServerSample> samples = parseAll(text, parser);
    QCOMPARE(parser.framesDropped(), 1);
    QVERIFY2(parser.lastDropReason().contains(reasonPart), qPrintable(parser.lastDropReason()));
    QCOMPARE(samples.size(), 2);
    QCOMPARE(samples.at(0).sequence, 1);
    QCOMPARE(samples.at(1).sequence, 9);
}

void TestFrameParser::survivesAnEndlessLine()
{
    FrameParser parser;
    parser.feed(frameText(1, someProcesses(1), {}).chopped(30)); // open frame
    const QByteArray block(64 * 1024, 'A');
    for (qsizetype sent = 0; sent < 3 * FrameParser::maxLineBytes; sent += block.size())
        parser.feed(block);
    parser.feed("\n");
    parser.feed(frameText(2, someProcesses(2), {}));
    const QList<ServerSample> samples = parser.takeSamples();
    QCOMPARE(samples.size(), 1);
    QCOMPARE(samples.first().sequence, 2);
    QCOMPARE(parser.framesDropped(), 1);
    QVERIFY(parser.lastDropReason().contains(u"longer than"_s));
}

void TestFrameParser::fuzzRandomChunksAndGarbage()
{
    const quint32 seed = QRandomGenerator::global()->generate();
    qInfo("seed %u", seed);
    QRandomGenerator random(seed);
    const QString page = fixture(u"event-s2-wrk.txt"_s);
    for (int round = 0; round < 200; ++round) {
        QByteArray stream;
        QList<qint64> intact;
        int truncated = 0;
        for (qint64 seq = 1; seq <= 12; ++seq) {
            const QByteArray frame =
                frameText(seq, someProcesses(seq), random.bounded(2) ? page : QString());
            switch (random.bounded(4)) {
            case 0: {
                // Cut after the BEGIN line and before the END line is whole.
                const qsizetype firstLine = frame.indexOf('\n') + 1;
                stream += frame.left(random.bounded(firstLine, frame.size() - 1));
                stream += garbage(random);
                ++truncated;
                break;
            }
            case 1: stream += garbage(random); Q_FALLTHROUGH();
            default: stream += frame; intact.append(seq);
            }
        }
        // A frame still open when the stream ends is not dropped yet: end
        // with a good one.
        stream += frameText(13, someProcesses(13), page);
        intact.append(13);
        FrameParser parser;
        for (qsizetype at = 0; at < stream.size();) {
            const qsizetype size = qMin<qsizetype>(random.bounded(1, 700), stream.size() - at);
            parser.feed(QByteArrayView(stream).sliced(at, size));
            at += size;
        }
        const QList<ServerSample> samples = parser.takeSamples();
        QCOMPARE(samples.size(), intact.size());
        for (qsizetype i = 0; i < samples.size(); ++i)
            QCOMPARE(samples.at(i).sequence, intact.at(i));
        QCOMPARE(parser.framesDropped(), truncated);
    }
}

void TestFrameParser::fuzzPureNoise()
{
    // Noise salted with markers and tags: whatever it makes of it, the
    // parser neither crashes nor keeps more than a frame's worth of bytes.
    const quint32 seed = QRandomGenerator::global()->generate();
    qInfo("seed %u", seed);
    QRandomGenerator random(seed);
    const QList<QByteArray> pieces = {"@@MPMLAB-FRAME-BEGIN ",
                                      "@@MPMLAB-FRAME-END ",
                                      "\n",
                                      "Q ",
                                      "P ",
                                      "V 2\n",
                                      "H ",
                                      "S ",
                                      "7",
                                      " ",
                                      "-",
                                      "?",
                                      "\r\n"};
    FrameParser parser;
    qint64 bytes = 0;
    for (int i = 0; i < 20000; ++i) {
        QByteArray chunk;
        for (int n = random.bounded(1, 12); n > 0; --n) {
            if (random.bounded(3) == 0) {
                chunk += pieces.at(random.bounded(pieces.size()));
            } else {
                chunk += char(random.bounded(256));
            }
        }
        bytes += chunk.size();
        parser.feed(chunk);
        (void)parser.takeSamples();
    }
    QVERIFY(bytes > 0);
    QVERIFY(parser.framesAccepted() + parser.framesDropped() <= bytes / 18);
}

QTEST_GUILESS_MAIN(TestFrameParser)
#include "tst_frameparser.moc"
