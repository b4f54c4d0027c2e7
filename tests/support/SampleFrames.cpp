#include "SampleFrames.h"

namespace SampleFrames {

QByteArray frame(qint64 seq, const QList<Process> &processes, const QString &status, qint64 parent,
                 double secondsPerFrame)
{
    QByteArray text = "@@MPMLAB-FRAME-BEGIN " + QByteArray::number(seq) + '\n';
    text += "V 2\nT " + QByteArray::number(1000 + double(seq) * secondsPerFrame, 'f', 2)
            + " 1795771013\n";
    text += "K 100 4 2\nM 24683656 24017416 1000 900\n";
    text += "C " + QByteArray::number(4000 + seq * 60) + " 0 700 "
            + QByteArray::number(15000 + seq * 40) + " 12 0 23 5\n";
    text += "L 3.06 1.63 0.74\n";
    text += parent > 0 ? "H " + QByteArray::number(parent) + '\n' : QByteArray("H -\n");
    for (const Process &p : processes) {
        text += p.tag + QByteArray(" ") + QByteArray::number(p.pid) + ' '
                + QByteArray::number(p.ppid) + ' ' + QByteArray::number(p.threads) + ' '
                + QByteArray::number(p.utime) + ' ' + QByteArray::number(p.stime) + ' '
                + QByteArray::number(p.rss) + ' ' + p.pss + ' ' + p.uss + ' ' + p.swap + '\n';
    }
    for (const QString &line : status.split(u'\n', Qt::SkipEmptyParts))
        text += "S " + line.toUtf8() + '\n';
    if (status.isEmpty())
        text += "E status no answer from http://127.0.0.1:80/server-status?auto\n";
    return text + "@@MPMLAB-FRAME-END " + QByteArray::number(seq) + '\n';
}

} // namespace SampleFrames
