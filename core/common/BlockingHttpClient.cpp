#include "BlockingHttpClient.h"

#include <QDeadlineTimer>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace mpmlab {

QByteArray HttpReply::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

namespace {

Error networkError(const QString &what, const QString &host, quint16 port)
{
    return Error{Error::Kind::Network, u"%1 (%2:%3)"_s.arg(what, host).arg(port), {}};
}

// Parses "HTTP/1.1 200 OK\r\nName: value\r\n...\r\n\r\n" into reply.
bool parseHead(QByteArrayView head, HttpReply &reply)
{
    const QList<QByteArray> lines = head.toByteArray().split('\n');
    if (lines.isEmpty() || !lines.first().startsWith("HTTP/1."))
        return false;
    const QList<QByteArray> statusParts = lines.first().trimmed().split(' ');
    if (statusParts.size() < 2)
        return false;
    bool ok = false;
    reply.statusCode = statusParts.at(1).toInt(&ok);
    if (!ok)
        return false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            reply.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }
    return true;
}

} // namespace

Result<HttpReply> BlockingHttpClient::get(const QString &host, quint16 port, const QString &path,
                                          std::chrono::milliseconds timeout)
{
    const QDeadlineTimer deadline(timeout);
    QTcpSocket socket;
    socket.connectToHost(host, port);
    if (!socket.waitForConnected(int(deadline.remainingTime())))
        return networkError(u"cannot connect: "_s + socket.errorString(), host, port);

    const QByteArray hostHeader =
        host.contains(u':') ? '[' + host.toLatin1() + ']' : host.toLatin1();
    const QByteArray request = "GET " + path.toLatin1() + " HTTP/1.1\r\nHost: " + hostHeader + ':'
                               + QByteArray::number(port)
                               + "\r\nUser-Agent: mpmlab\r\nConnection: close\r\n\r\n";
    socket.write(request);

    QByteArray data;
    HttpReply reply;
    qsizetype bodyStart = -1;
    qint64 contentLength = -1;
    for (;;) {
        if (bodyStart < 0) {
            const qsizetype end = data.indexOf("\r\n\r\n");
            if (end >= 0) {
                if (!parseHead(QByteArrayView(data).first(end), reply))
                    return networkError(u"malformed HTTP response"_s, host, port);
                bodyStart = end + 4;
                bool ok = false;
                contentLength = reply.header("Content-Length").toLongLong(&ok);
                if (!ok)
                    contentLength = -1;
            }
        }
        if (bodyStart >= 0 && contentLength >= 0 && data.size() - bodyStart >= contentLength)
            break;
        if (deadline.hasExpired())
            return Error{Error::Kind::Timeout,
                         u"no complete HTTP response within %1 ms (%2:%3)"_s.arg(timeout.count())
                             .arg(host)
                             .arg(port),
                         {}};
        if (!socket.waitForReadyRead(int(deadline.remainingTime()))) {
            if (socket.state() != QAbstractSocket::ConnectedState
                || socket.error() == QAbstractSocket::RemoteHostClosedError) {
                data += socket.readAll();
                break;
            }
            continue;
        }
        data += socket.readAll();
    }
    if (bodyStart < 0) {
        const qsizetype end = data.indexOf("\r\n\r\n");
        if (end < 0 || !parseHead(QByteArrayView(data).first(end), reply))
            return networkError(u"connection closed before a complete HTTP response"_s, host, port);
        bodyStart = end + 4;
    }
    reply.body = data.mid(bodyStart);
    if (contentLength >= 0 && reply.body.size() < contentLength)
        return networkError(u"connection closed after %1 of %2 body bytes"_s.arg(reply.body.size())
                                .arg(contentLength),
                            host, port);
    if (contentLength >= 0)
        reply.body.truncate(contentLength);
    return reply;
}

} // namespace mpmlab
