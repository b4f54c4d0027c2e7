#pragma once

#include "Result.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <chrono>

namespace mpmlab {

struct HttpReply {
    int statusCode = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    // First header of that name (case-insensitive), or an empty array.
    [[nodiscard]] QByteArray header(QByteArrayView name) const;
};

// One GET at a time, blocking, with a deadline: for control-plane checks
// (readiness, mod_status, test files), never for load. Usable from any
// thread without an event loop. Sends `Connection: close` and reads until
// the server closes or Content-Length is reached.
class BlockingHttpClient {
public:
    static Result<HttpReply> get(const QString &host, quint16 port, const QString &path,
                                 std::chrono::milliseconds timeout);
};

} // namespace mpmlab
