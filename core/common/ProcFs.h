#pragma once

#include <QList>
#include <QString>
#include <QtGlobal>

namespace mpmlab {

// What /proc says about this machine's processes and sockets.

// The command line of `pid`, its arguments joined by spaces; empty when
// the process is gone or unreadable.
QString commandLineOf(qint64 pid);

// The processes with a TCP socket listening on `port` (IPv4 or IPv6, any
// address). Without root only this user's processes are seen: others'
// sockets show up as listening but without a pid (`hidden` is then set).
QList<qint64> tcpListenersOn(quint16 port, bool *hidden = nullptr);

// "pid 4242 (nc -l 18190)" for each of `pids`, or how to find out when
// they are unknown ("a process of another user"): for messages about a
// port that is taken.
QString describeListeners(quint16 port);

} // namespace mpmlab
