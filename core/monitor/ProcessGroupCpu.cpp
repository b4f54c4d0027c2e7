#include "ProcessGroupCpu.h"

#include <QDir>
#include <QFile>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace mpmlab {

std::optional<double> ProcessGroupCpu::seconds(qint64 group)
{
    if (group <= 0)
        return std::nullopt;
    qint64 ticks = 0;
    bool found = false;
    const QStringList pids = QDir(u"/proc"_s).entryList({u"[0-9]*"_s}, QDir::Dirs);
    for (const QString &pid : pids) {
        QFile file(u"/proc/%1/stat"_s.arg(pid));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = file.readAll();
        const QList<QByteArray> f = line.mid(line.lastIndexOf(')') + 2).split(' ');
        // After "pid (comm) ": field 5 pgrp is f[2]; 14 utime is f[11]; 15
        // stime, 16 cutime, 17 cstime.
        if (f.size() < 15 || f.at(2).toLongLong() != group)
            continue;
        found = true;
        ticks += f.at(11).toLongLong() + f.at(12).toLongLong() + f.at(13).toLongLong()
                 + f.at(14).toLongLong();
    }
    if (!found)
        return std::nullopt;
    return double(ticks) / double(::sysconf(_SC_CLK_TCK));
}

} // namespace mpmlab
