#include "FakeHttpServer.h"
#include "TestLab.h"
#include "load/LoadRun.h"

#include <QtTest>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace mpmlab;

// Each bad server, a real socket on 127.0.0.1, and the exact class the
// engine puts its failures in (see LoadCounters.h for the rules).
class TestLoadFailures : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void wellBehavedServerHasNoFailures();
    void ipv6LoopbackWorks();
    void resetMidBodyIsReceive();
    void stallIsReceiveTimeout();
    void shortBodyIsLength();
    void longerBodyThanContentLengthIsLength();
    void differingLengthIsLengthUnlessVariable();
    void brokenChunkedIsException();
    void truncatedChunkedIsLength();
    void garbageStatusLineIsException();
    void hugeHeadersAreException();
    void earlyKeepAliveCloseIsRetried();
    void postIsNotRetried();
    void resetOnReusedConnectionIsRetried_data();
    void resetOnReusedConnectionIsRetried();
    void closeWithoutConnectionCloseIsNoFailure();
    void headRequestsWaitForNoBody();
    void openLoopConnectionClosedWhileWaiting();
    void non2xxIsCountedButNotFailed();
    void refusedPortIsConnect();
    void silentConnectIsConnectTimeout();
};

namespace {

LoadSpec specFor(const std::string &url, std::uint64_t requests, int concurrency = 1)
{
    LoadSpec spec;
    spec.url = url;
    spec.requests = requests;
    spec.concurrency = concurrency;
    spec.threads = 1;
    spec.timeout = 5s;
    spec.maxDuration = 60s;
    return spec;
}

LoadResult runLoad(const LoadSpec &spec)
{
    auto prepared = LoadRun::prepare(spec);
    if (!prepared) {
        qWarning("prepare failed: %s", qPrintable(prepared.error().message));
        return {};
    }
    LoadRun &run = *prepared.value();
    run.start();
    return run.finish();
}

std::string okResponse(const std::string &body, bool close = false)
{
    return "HTTP/1.1 200 OK\r\nServer: fake\r\nContent-Length: " + std::to_string(body.size())
           + (close ? "\r\nConnection: close" : "") + "\r\n\r\n" + body;
}

// Answers every request on the connection with `response` until the client closes.
FakeHttpServer::Behaviour answering(const std::string &response)
{
    return [response](FakeHttpServer &, int &fd) {
        while (FakeHttpServer::readRequest(fd))
            FakeHttpServer::sendAll(fd, response);
    };
}

QString describe(const LoadCounters &c)
{
    QStringList parts;
    for (const LoadCounterField &field : loadCounterFields)
        parts << u"%1 %2"_s.arg(QLatin1StringView(field.jsonKey)).arg(c.*field.member);
    return parts.join(u", "_s);
}

// Answers one request, reads the next and closes without a word, as when
// the server's keep-alive timeout fires just as a request arrives.
FakeHttpServer::Behaviour answeringOnceThenClosing(const std::string &response)
{
    return [response](FakeHttpServer &, int &fd) {
        if (FakeHttpServer::readRequest(fd))
            FakeHttpServer::sendAll(fd, response);
        FakeHttpServer::readRequest(fd);
    };
}

} // namespace

#define CHECK_COUNTERS(c, expression) QVERIFY2((expression), qPrintable(describe(c)))

void TestLoadFailures::wellBehavedServerHasNoFailures()
{
    FakeHttpServer server(answering(okResponse("hello")));
    QVERIFY(server.isListening());
    for (bool keepAlive : {false, true}) {
        LoadSpec spec = specFor(server.url("/x"), 50, 5);
        spec.keepAlive = keepAlive;
        const LoadResult result = runLoad(spec);
        const LoadCounters &c = result.counters;
        CHECK_COUNTERS(c, c.completed == 50 && c.failed() == 0 && c.non2xx == 0);
        QCOMPARE(c.bodyBytes, std::uint64_t(50 * 5));
        QCOMPARE(result.documentLength, std::int64_t(5));
        QCOMPARE(result.serverSoftware, std::string("fake"));
        QCOMPARE(result.total.count(), std::uint64_t(50));
        // Without -k one connection per request; with it, the 5 stay open.
        QCOMPARE(c.connectionsOpened, keepAlive ? std::uint64_t(5) : std::uint64_t(50));
        QCOMPARE(c.keepAliveRequests, keepAlive ? std::uint64_t(50) : std::uint64_t(0));
    }
}

void TestLoadFailures::ipv6LoopbackWorks()
{
    FakeHttpServer server(answering(okResponse("v6")), true);
    if (!server.isListening())
        QSKIP("no IPv6 loopback on this machine");
    const LoadResult result = runLoad(specFor(server.url("/"), 10, 2));
    CHECK_COUNTERS(result.counters,
                   result.counters.completed == 10 && result.counters.failed() == 0);
    QCOMPARE(result.address, std::string("::1"));
}

void TestLoadFailures::resetMidBodyIsReceive()
{
    FakeHttpServer server([](FakeHttpServer &, int &fd) {
        if (!FakeHttpServer::readRequest(fd))
            return;
        FakeHttpServer::sendAll(fd, "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n"
                                        + std::string(100, 'x'));
        FakeHttpServer::resetAndClose(fd);
    });
    const LoadResult result = runLoad(specFor(server.url(), 6, 2));
    const LoadCounters &c = result.counters;
    CHECK_COUNTERS(c, c.failedReceive == 6 && c.resets == 6 && c.failed() == 6 && c.completed == 6);
}

void TestLoadFailures::stallIsReceiveTimeout()
{
    FakeHttpServer server([](FakeHttpServer &self, int &fd) {
        if (FakeHttpServer::readRequest(fd))
            self.waitUntilStopped(30000);
    });
    LoadSpec spec = specFor(server.url(), 3, 3);
    spec.timeout = 300ms;
    const LoadResult result = runLoad(spec);
    const LoadCounters &c = result.counters;
    CHECK_COUNTERS(c, c.failedReceive == 3 && c.timeouts == 3 && c.failed() == 3);
    QCOMPARE(result.total.count(),
             std::uint64_t(0)); // no latency recorded for a request that never finished
}

void TestLoadFailures::shortBodyIsLength()
{
    // Content-Length says 100, 40 bytes come, then a clean close.
    FakeHttpServer server([](FakeHttpServer &, int &fd) {
        if (FakeHttpServer::readRequest(fd))
            FakeHttpServer::sendAll(fd, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n"
                                            + std::string(40, 'x'));
    });
    const LoadResult result = runLoad(specFor(server.url(), 5));
    const LoadCounters &c = result.counters;
    CHECK_COUNTERS(c, c.failedLength == 5 && c.failed() == 5 && c.resets == 0 && c.completed == 5);
}

void TestLoadFailures::longerBodyThanContentLengthIsLength()
{
    // Content-Length says 5, ten bytes come in the same packet.
    FakeHttpServer server(answering("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n0123456789"));
    LoadSpec spec = specFor(server.url(), 4);
    spec.keepAlive = true;
    const LoadResult result = runLoad(spec);
    const LoadCounters &c = result.counters;
    CHECK_COUNTERS(c, c.failedLength == 4 && c.failed() == 4);
    // The connection cannot be trusted afterwards: a new one each time.
    QCOMPARE(c.connectionsOpened, std::uint64_t(4));
}

void TestLoadFailures::differingLengthIsLengthUnlessVariable()
{
    // Bodies of 10 then 20 bytes, alternating per connection.
    std::atomic<int> served{0};
    FakeHttpServer server([&served](FakeHttpServer &, int &fd) {
        while (FakeHttpServer::readRequest(fd))
            FakeHttpServer::sendAll(fd, okResponse(std::string(served++ % 2 ? 20 : 10, 'b')));
    });
    LoadSpec spec = specFor(server.url(), 8);
    spec.keepAlive = true;
    const LoadResult strict = runLoad(spec);
    CHECK_COUNTERS(strict.counters,
                   strict.counters.failedLength == 4 && strict.counters.failed() == 4);
    QCOMPARE(strict.documentLength, std::int64_t(10));

    spec.acceptVariableLength = true;
    const LoadResult variable = runLoad(spec);
    CHECK_COUNTERS(variable.counters,
                   variable.counters.failed() == 0 && variable.counters.completed == 8);
    QCOMPARE(variable.counters.bodyBytes, std::uint64_t(4 * 10 + 4 * 20));
}

void TestLoadFailures::brokenChunkedIsException()
{
    FakeHttpServer server(answering(
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\nnot-hex\r\n"));
    const LoadResult result = runLoad(specFor(server.url(), 4, 2));
    const LoadCounters &c = result.counters;
    CHECK_COUNTERS(c, c.failedExceptions == 4 && c.failed() == 4);
}

void TestLoadFailures::truncatedChunkedIsLength()
{
    FakeHttpServer server([](FakeHttpServer &, int &fd) {
        if (FakeHttpServer::readRequest(fd))
            FakeHttpServer::sendAll(
                fd, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nonly-part");
    });
    const LoadResult result = runLoad(specFor(server.url(), 4, 2));
    const LoadCounters &c = result.counters;
    CHECK_COUNTERS(c, c.failedLength == 4 && c.failed() == 4);
}

void TestLoadFailures::garbageStatusLineIsException()
{
    FakeHttpServer server([](FakeHttpServer &, int &fd) {
        if (FakeHttpServer::readRequest(fd))
            FakeHttpServer::sendAll(fd, "SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n");
    });
    const LoadResult result = runLoad(specFor(server.url(), 5));
    const LoadCounters &c = result.counters;
    CHECK_COUNTERS(c, c.failedExceptions == 5 && c.failed() == 5 && c.non2xx == 0);
}

void TestLoadFailures::hugeHeadersAreException()
{
    std::string response = "HTTP/1.1 200 OK\r\n";
    while (response.size() < 200 * 1024)
        response += "X-Filler: " + std::string(4000, 'h') + "\r\n";
    response += "Content-Length: 0\r\n\r\n";
    FakeHttpServer server([response](FakeHttpServer &, int &fd) {
        if (FakeHttpServer::readRequest(fd))
            FakeHttpServer::sendAll(fd, response);
    });
    const LoadResult result = runLoad(specFor(server.url(), 3));
    const LoadCounters &c = result.counters;
    CHECK_COUNTERS(c, c.failedExceptions == 3 && c.failed() == 3);
}

void TestLoadFailures::earlyKeepAliveCloseIsRetried()
{
    // The second request on each connection meets the server's close
    // before any byte of its answer: it is sent again on a new connection,
    // where it is the first and succeeds. No failure, as in ab.
    FakeHttpServer server(answeringOnceThenClosing(okResponse("once")));
    LoadSpec spec = specFor(server.url(), 6);
    spec.keepAlive = true;
    const LoadResult result = runLoad(spec);
    const LoadCounters &c = result.counters;
    CHECK_COUNTERS(c, c.completed == 6 && c.failed() == 0 && c.keepAliveClosed == 5);
    QCOMPARE(c.connectionsOpened, std::uint64_t(6));
    QCOMPARE(c.bodyBytes, std::uint64_t(6 * 4));
    QCOMPARE(result.total.count(), std::uint64_t(6));
    // A retried request counts from its first send, and its connect is the
    // retry's own, not the lost attempt's.
    QVERIFY(result.connect.count() == 6);
    QCOMPARE(result.clients.clients, 1);
    QCOMPARE(result.clients.minResponses, std::uint64_t(6));
}

void TestLoadFailures::postIsNotRetried()
{
    // The same close under a POST: it may have had an effect, so it is not
    // sent again; it fails in its own class and the next request opens a
    // new connection.
    FakeHttpServer server(answeringOnceThenClosing(okResponse("once")));
    LoadSpec spec = specFor(server.url(), 6);
    spec.keepAlive = true;
    spec.method = "POST";
    spec.body = "a=1";
    const LoadResult result = runLoad(spec);
    const LoadCounters &c = result.counters;
    CHECK_COUNTERS(c, c.completed == 6 && c.failedNotRetried == 3 && c.failed() == 3
                          && c.keepAliveClosed == 0);
    QCOMPARE(c.connectionsOpened, std::uint64_t(3));
    QCOMPARE(result.total.count(), std::uint64_t(3)); // no latency for the failed ones
}

void TestLoadFailures::resetOnReusedConnectionIsRetried_data()
{
    QTest::addColumn<bool>("afterNextRequest");
    // The request arrives and the server resets: ECONNRESET on receive.
    QTest::newRow("reset after the next request") << true;
    // The reset follows the response: the next send meets it (EPIPE or
    // ECONNRESET), or the engine sees it first; either way no failure.
    QTest::newRow("reset right after the response") << false;
}

void TestLoadFailures::resetOnReusedConnectionIsRetried()
{
    QFETCH(bool, afterNextRequest);
    FakeHttpServer server([afterNextRequest](FakeHttpServer &, int &fd) {
        if (!FakeHttpServer::readRequest(fd))
            return;
        FakeHttpServer::sendAll(fd, okResponse("once"));
        if (afterNextRequest)
            FakeHttpServer::readRequest(fd);
        FakeHttpServer::resetAndClose(fd);
    });
    LoadSpec spec = specFor(server.url(), 20);
    spec.keepAlive = true;
    const LoadResult result = runLoad(spec);
    const LoadCounters &c = result.counters;
    CHECK_COUNTERS(c, c.completed == 20 && c.failed() == 0 && c.resets == 0);
    QCOMPARE(c.connectionsOpened, std::uint64_t(20));
    // Every connection but the last was closed under a kept-alive request
    // (the last one's reset may come after the run ended).
    CHECK_COUNTERS(c, c.keepAliveClosed >= 19 && c.keepAliveClosed <= 20);
    if (afterNextRequest)
        QCOMPARE(c.keepAliveClosed, std::uint64_t(19));
}

void TestLoadFailures::closeWithoutConnectionCloseIsNoFailure()
{
    // Each response promises keep-alive (HTTP/1.1, no Connection: close)
    // and the server closes right after it: the close may come with the
    // response or after the next request went out. Neither is a failure.
    FakeHttpServer server([](FakeHttpServer &, int &fd) {
        if (FakeHttpServer::readRequest(fd))
            FakeHttpServer::sendAll(fd, okResponse("x"));
    });
    LoadSpec spec = specFor(server.url(), 20);
    spec.keepAlive = true;
    const LoadResult result = runLoad(spec);
    const LoadCounters &c = result.counters;
    CHECK_COUNTERS(c, c.completed == 20 && c.failed() == 0);
    QCOMPARE(c.connectionsOpened, std::uint64_t(20));
    CHECK_COUNTERS(c, c.keepAliveClosed >= 19);
}

void TestLoadFailures::headRequestsWaitForNoBody()
{
    // A HEAD response announces the length of the body a GET would get and
    // sends none: the engine must not wait for it, and keeps the connection.
    std::atomic<int> heads{0};
    FakeHttpServer server([&heads](FakeHttpServer &, int &fd) {
        while (FakeHttpServer::readRequest(fd)) {
            ++heads;
            FakeHttpServer::sendAll(fd, "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n");
        }
    });
    LoadSpec spec = specFor(server.url(), 20, 2);
    spec.keepAlive = true;
    spec.method = "HEAD";
    spec.timeout = 2s;
    const LoadResult result = runLoad(spec);
    const LoadCounters &c = result.counters;
    CHECK_COUNTERS(c, c.completed == 20 && c.failed() == 0 && c.timeouts == 0);
    QCOMPARE(c.bodyBytes, std::uint64_t(0));
    QCOMPARE(c.connectionsOpened, std::uint64_t(2));
    QCOMPARE(c.keepAliveRequests, std::uint64_t(20));
    QCOMPARE(heads.load(), 20);
}

void TestLoadFailures::openLoopConnectionClosedWhileWaiting()
{
    // Open loop, each connection sends every 100 ms; the server closes a
    // connection 20 ms after answering, while it waits for its next send.
    // The next send opens a new connection: no failure, and the closes are
    // counted as kept-alive connections the server ended.
    FakeHttpServer server([](FakeHttpServer &self, int &fd) {
        if (FakeHttpServer::readRequest(fd))
            FakeHttpServer::sendAll(fd, okResponse("x"));
        self.waitUntilStopped(20);
    });
    LoadSpec spec = specFor(server.url(), 20, 2);
    spec.keepAlive = true;
    spec.rate = 20; // requests/s over both connections
    const LoadResult result = runLoad(spec);
    const LoadCounters &c = result.counters;
    CHECK_COUNTERS(c, c.completed == 20 && c.failed() == 0);
    QCOMPARE(c.connectionsOpened, std::uint64_t(20));
    // All but the last answer on each connection met a close before the next send.
    CHECK_COUNTERS(c, c.keepAliveClosed >= 18 && c.keepAliveClosed <= 20);
    QCOMPARE(result.corrected.count(), std::uint64_t(20));
}

void TestLoadFailures::non2xxIsCountedButNotFailed()
{
    FakeHttpServer server(
        answering("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 4\r\n\r\nbusy"));
    LoadSpec spec = specFor(server.url(), 10, 2);
    spec.keepAlive = true;
    const LoadResult result = runLoad(spec);
    const LoadCounters &c = result.counters;
    CHECK_COUNTERS(c, c.completed == 10 && c.non2xx == 10 && c.failed() == 0);
}

void TestLoadFailures::refusedPortIsConnect()
{
    const quint16 port = TestLab::freeHighPort(); // free: nobody listens
    QVERIFY(port != 0);
    const LoadResult result =
        runLoad(specFor("http://127.0.0.1:" + std::to_string(port) + "/", 20, 4));
    const LoadCounters &c = result.counters;
    CHECK_COUNTERS(c, c.failedConnect == 20 && c.failed() == 20 && c.completed == 0);
    QCOMPARE(result.firstConnectError, std::string("Connection refused"));
}

void TestLoadFailures::silentConnectIsConnectTimeout()
{
    // A listener with a backlog of 0 whose queue is full and never
    // accepted: the kernel drops further SYNs, connect() never completes.
    const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
    QVERIFY(listener >= 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    QCOMPARE(::bind(listener, reinterpret_cast<sockaddr *>(&address), sizeof address), 0);
    QCOMPARE(::listen(listener, 0), 0);
    socklen_t length = sizeof address;
    ::getsockname(listener, reinterpret_cast<sockaddr *>(&address), &length);
    const int port = ntohs(address.sin_port);
    // Fill the accept queue.
    std::vector<int> fillers;
    for (int i = 0; i < 4; ++i) {
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
        ::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address);
        fillers.push_back(fd);
    }
    QTest::qWait(100);
    LoadSpec spec = specFor("http://127.0.0.1:" + std::to_string(port) + "/", 2, 2);
    spec.timeout = 400ms;
    const LoadResult result = runLoad(spec);
    for (int fd : fillers)
        ::close(fd);
    ::close(listener);
    const LoadCounters &c = result.counters;
    CHECK_COUNTERS(c, c.failedConnect == 2 && c.timeouts == 2 && c.failed() == 2);
    QCOMPARE(result.firstConnectError, std::string("Connection timed out"));
}

QTEST_GUILESS_MAIN(TestLoadFailures)
#include "tst_loadfailures.moc"
