#include "load/ResponseParser.h"

#include <QtTest>
#include <random>
#include <string>

using namespace mpmlab;
using Outcome = ResponseParser::Outcome;
using Problem = ResponseParser::Problem;

// The incremental parser, fed whole, byte by byte and in random pieces:
// it must reach the same answer whatever the split, and never crash or
// loop on garbage (the randomized half of the fuzzing; the libFuzzer
// target in tests/fuzz runs the same entry points).
class TestResponseParser : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parses_data();
    void parses();
    void stopsAtTheEndOfTheResponse();
    void readToCloseEndsAtTheClose();
    void truncatedResponsesAreReported();
    void headersAboveTheLimitAreRefused();
    void capturesServerOnce();
    void randomValidResponsesInRandomPieces();
    void randomGarbageNeverCrashes();
};

namespace {

struct Parsed {
    Outcome outcome = Outcome::NeedMore;
    std::size_t consumed = 0;
};

// Feeds `text` in pieces of `piece` bytes (0: all at once).
Parsed feedInPieces(ResponseParser &parser, const std::string &text, std::size_t piece)
{
    Parsed parsed;
    std::size_t offset = 0;
    while (offset < text.size()) {
        const std::size_t length =
            piece ? std::min(piece, text.size() - offset) : text.size() - offset;
        std::size_t consumed = 0;
        parsed.outcome = parser.feed(text.data() + offset, length, consumed);
        offset += consumed;
        parsed.consumed = offset;
        if (parsed.outcome != Outcome::NeedMore)
            break;
        if (consumed != length)
            qFatal("NeedMore must consume everything it was given");
    }
    return parsed;
}

} // namespace

void TestResponseParser::parses_data()
{
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<int>("outcome");
    QTest::addColumn<int>("problem");
    QTest::addColumn<int>("status");
    QTest::addColumn<qint64>("body");
    QTest::addColumn<bool>("keepAlive");

    const int complete = int(Outcome::Complete);
    const int error = int(Outcome::Error);
    const int none = int(Problem::None);
    QTest::newRow("content-length")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello") << complete << none
        << 200 << 5LL << true;
    QTest::newRow("http/1.1 close")
        << QByteArray("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nhi")
        << complete << none << 200 << 2LL << false;
    QTest::newRow("http/1.0 keep-alive")
        << QByteArray("HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 0\r\n\r\n")
        << complete << none << 200 << 0LL << true;
    QTest::newRow("http/1.0 default close")
        << QByteArray("HTTP/1.0 404 Not Found\r\nContent-Length: 3\r\n\r\nabc") << complete << none
        << 404 << 3LL << false;
    QTest::newRow("chunked with extension and trailer") << QByteArray(
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: "
        "chunked\r\n\r\n5;x=y\r\nhello\r\nA\r\n0123456789\r\n0\r\nX-Trailer: 1\r\n\r\n")
                                                        << complete << none << 200 << 15LL << true;
    QTest::newRow("bare LF line ends") << QByteArray("HTTP/1.1 200 OK\nContent-Length: 1\n\nx")
                                       << complete << none << 200 << 1LL << true;
    QTest::newRow("no reason phrase")
        << QByteArray("HTTP/1.1 204\r\n\r\n") << complete << none << 204 << 0LL << true;
    QTest::newRow("304 has no body")
        << QByteArray("HTTP/1.1 304 Not Modified\r\nContent-Length: 99\r\n\r\n") << complete << none
        << 304 << 0LL << true;
    QTest::newRow("100 continue first") << QByteArray(
        "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok")
                                        << complete << none << 201 << 2LL << true;
    QTest::newRow("case-insensitive names")
        << QByteArray("HTTP/1.1 200 OK\r\ncOnTeNt-LeNgTh:   3  \r\n\r\nabc") << complete << none
        << 200 << 3LL << true;
    QTest::newRow("garbage status line") << QByteArray("SSH-2.0-OpenSSH_9.2\r\n") << error
                                         << int(Problem::BadStatusLine) << 0 << 0LL << false;
    QTest::newRow("status code not numeric") << QByteArray("HTTP/1.1 2x0 OK\r\n\r\n") << error
                                             << int(Problem::BadStatusLine) << 0 << 0LL << false;
    QTest::newRow("header without colon")
        << QByteArray("HTTP/1.1 200 OK\r\nBroken header\r\n\r\n") << error
        << int(Problem::BadHeader) << 200 << 0LL << false;
    QTest::newRow("content-length not a number")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 12a\r\n\r\n") << error
        << int(Problem::BadContentLength) << 200 << 0LL << false;
    QTest::newRow("two content-lengths")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n") << error
        << int(Problem::BadContentLength) << 200 << 0LL << false;
    QTest::newRow("chunk size not hex")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n") << error
        << int(Problem::BadChunk) << 200 << 0LL << false;
    QTest::newRow("chunk data too long")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n")
        << error << int(Problem::BadChunk) << 200 << 2LL << false;
    QTest::newRow("empty chunk size")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n\r\n") << error
        << int(Problem::BadChunk) << 200 << 0LL << false;
}

void TestResponseParser::parses()
{
    QFETCH(QByteArray, response);
    QFETCH(int, outcome);
    QFETCH(int, problem);
    QFETCH(int, status);
    QFETCH(qint64, body);
    QFETCH(bool, keepAlive);
    const std::string text = response.toStdString();
    // Whole, byte by byte, and in pieces of 3, 7 and 64 bytes.
    for (std::size_t piece :
         {std::size_t(0), std::size_t(1), std::size_t(3), std::size_t(7), std::size_t(64)}) {
        ResponseParser parser;
        parser.reset();
        const Parsed parsed = feedInPieces(parser, text, piece);
        QCOMPARE(int(parsed.outcome), outcome);
        QCOMPARE(int(parser.problem()), problem);
        if (outcome == int(Outcome::Complete)) {
            QCOMPARE(parser.statusCode(), status);
            QCOMPARE(qint64(parser.bodyBytes()), body);
            QCOMPARE(parser.keepAlive(), keepAlive);
            QCOMPARE(parsed.consumed, text.size());
        }
    }
}

void TestResponseParser::stopsAtTheEndOfTheResponse()
{
    // Two responses back to back: the parser stops after the first, so the
    // engine can see the extra bytes (a body longer than its Content-Length).
    const std::string first = "HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nbody";
    const std::string text = first + "HTTP/1.1 200 OK\r\n";
    ResponseParser parser;
    parser.reset();
    std::size_t consumed = 0;
    QCOMPARE(parser.feed(text.data(), text.size(), consumed), Outcome::Complete);
    QCOMPARE(consumed, first.size());
    // Complete stays complete until reset.
    QCOMPARE(parser.feed(text.data(), text.size(), consumed), Outcome::Complete);
    QCOMPARE(consumed, std::size_t(0));
}

void TestResponseParser::readToCloseEndsAtTheClose()
{
    const std::string text = "HTTP/1.0 200 OK\r\nServer: x\r\n\r\nsome body bytes";
    ResponseParser parser;
    parser.reset();
    std::size_t consumed = 0;
    QCOMPARE(parser.feed(text.data(), text.size(), consumed), Outcome::NeedMore);
    QVERIFY(parser.headersDone());
    QCOMPARE(parser.finish(), Outcome::Complete);
    QCOMPARE(parser.bodyBytes(), std::uint64_t(15));
    QVERIFY(!parser.keepAlive());
}

void TestResponseParser::truncatedResponsesAreReported()
{
    const std::string cases[] = {
        "",
        "HTTP/1.1 200",
        "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab",
    };
    for (const std::string &text : cases) {
        ResponseParser parser;
        parser.reset();
        std::size_t consumed = 0;
        QCOMPARE(parser.feed(text.data(), text.size(), consumed), Outcome::NeedMore);
        QCOMPARE(parser.finish(), Outcome::Error);
        QCOMPARE(parser.problem(), Problem::Truncated);
    }
}

void TestResponseParser::headersAboveTheLimitAreRefused()
{
    std::string text = "HTTP/1.1 200 OK\r\n";
    while (text.size() <= ResponseParser::maxHeaderBytes)
        text += "X-Filler: " + std::string(1000, 'a') + "\r\n";
    ResponseParser parser;
    parser.reset();
    QCOMPARE(feedInPieces(parser, text, 4096).outcome, Outcome::Error);
    QCOMPARE(parser.problem(), Problem::HeadersTooLarge);
}

void TestResponseParser::capturesServerOnce()
{
    ResponseParser parser;
    parser.setCaptureServer(true);
    parser.reset();
    const std::string first =
        "HTTP/1.1 200 OK\r\nServer: Apache/2.4.71 (Debian)\r\nContent-Length: 0\r\n\r\n";
    std::size_t consumed = 0;
    QCOMPARE(parser.feed(first.data(), first.size(), consumed), Outcome::Complete);
    parser.reset();
    const std::string second = "HTTP/1.1 200 OK\r\nServer: other\r\nContent-Length: 0\r\n\r\n";
    QCOMPARE(parser.feed(second.data(), second.size(), consumed), Outcome::Complete);
    QCOMPARE(parser.server(), std::string_view("Apache/2.4.71 (Debian)"));
}

void TestResponseParser::randomValidResponsesInRandomPieces()
{
    const auto seed = std::random_device()();
    std::mt19937 random(seed);
    const auto pick = [&](int below) { return int(random() % unsigned(below)); };
    const int statuses[] = {200, 201, 204, 301, 404, 500, 503};
    for (int round = 0; round < 5000; ++round) {
        const int status = statuses[pick(7)];
        const int framing = pick(3); // 0 length, 1 chunked, 2 close
        const bool http10 = pick(4) == 0;
        std::string response = std::string(http10 ? "HTTP/1.0 " : "HTTP/1.1 ")
                               + std::to_string(status) + " Reason\r\n";
        for (int h = pick(6); h > 0; --h)
            response += "X-H" + std::to_string(h) + ": " + std::string(std::size_t(pick(200)), 'v')
                        + "\r\n";
        const bool closeHeader = pick(3) == 0;
        if (closeHeader)
            response += "Connection: close\r\n";
        std::string body(std::size_t(pick(3000)), 'b');
        if (status == 204)
            body.clear();
        std::size_t expectedBody = body.size();
        if (framing == 0 || status == 204) {
            response += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
        } else if (framing == 1) {
            response += "Transfer-Encoding: chunked\r\n\r\n";
            std::size_t offset = 0;
            while (offset < body.size()) {
                const std::size_t chunk =
                    std::min(body.size() - offset, std::size_t(1 + pick(700)));
                char size[32];
                std::snprintf(size, sizeof size, "%zx", chunk);
                response += std::string(size) + "\r\n" + body.substr(offset, chunk) + "\r\n";
                offset += chunk;
            }
            response += "0\r\n\r\n";
        } else {
            response += "\r\n" + body;
        }
        ResponseParser parser;
        parser.reset();
        const Parsed parsed = feedInPieces(parser, response, std::size_t(1 + pick(500)));
        Outcome outcome = parsed.outcome;
        if (framing == 2 && status != 204) {
            QCOMPARE(outcome, Outcome::NeedMore);
            outcome = parser.finish();
        }
        QVERIFY2(outcome == Outcome::Complete,
                 qPrintable(
                     QStringLiteral("seed %1 round %2: %3")
                         .arg(seed)
                         .arg(round)
                         .arg(QString::fromLatin1(ResponseParser::problemName(parser.problem())))));
        QCOMPARE(parser.statusCode(), status);
        QCOMPARE(parser.bodyBytes(), std::uint64_t(expectedBody));
        const bool framed = framing != 2 || status == 204;
        QCOMPARE(parser.keepAlive(), framed && !closeHeader && !http10);
    }
}

void TestResponseParser::randomGarbageNeverCrashes()
{
    const auto seed = std::random_device()();
    std::mt19937 random(seed);
    const std::string valid = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: "
                              "3\r\n\r\n3\r\nabc\r\n0\r\n\r\n";
    int completes = 0;
    for (int round = 0; round < 20000; ++round) {
        std::string text = valid;
        // Flip, insert or delete a few bytes of a valid response, or start
        // from pure noise.
        if (round % 4 == 0) {
            text.assign(std::size_t(random() % 300), '\0');
            for (char &c : text)
                c = char(random());
        } else {
            for (int m = 1 + int(random() % 4); m > 0; --m) {
                const std::size_t at = random() % text.size();
                switch (random() % 3) {
                case 0: text[at] = char(random()); break;
                case 1: text.insert(at, 1, char(random())); break;
                default: text.erase(at, 1); break;
                }
            }
        }
        ResponseParser parser;
        parser.reset(random() % 8 == 0);
        const Parsed parsed = feedInPieces(parser, text, 1 + random() % 40);
        QVERIFY(parsed.consumed <= text.size());
        if (parsed.outcome == Outcome::Complete)
            ++completes;
        if (parsed.outcome == Outcome::Error)
            QVERIFY(parser.problem() != Problem::None);
        if (parsed.outcome == Outcome::NeedMore) {
            QCOMPARE(parsed.consumed, text.size());
            const Outcome end = parser.finish();
            QVERIFY(end == Outcome::Complete || parser.problem() != Problem::None);
        }
    }
    qInfo("seed %u: %d of 20000 mutated inputs still parsed as complete", seed, completes);
}

QTEST_GUILESS_MAIN(TestResponseParser)
#include "tst_responseparser.moc"
