#pragma once

#include "ServerSample.h"
#include "common/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace mpmlab {

// Turns the sampler script's output, in chunks of any size as they come off
// a pipe or an SSH channel, into ServerSample values. A frame is
//   @@MPMLAB-FRAME-BEGIN <seq>
//   <tag> <fields...>            one line per fact (see SamplerScript)
//   @@MPMLAB-FRAME-END <seq>
// A frame that is cut short, garbled, oversized or has an END that does
// not match its BEGIN is dropped and counted; bytes outside frames are
// skipped. Nothing a server sends can make it crash or grow without bound.
class FrameParser {
public:
    static constexpr QByteArrayView beginMarker = "@@MPMLAB-FRAME-BEGIN";
    static constexpr QByteArrayView endMarker = "@@MPMLAB-FRAME-END";
    // A mod_status Scoreboard line has ServerLimit x ThreadLimit characters;
    // Apache caps both at 20000 and real servers stay far below 1 MiB.
    static constexpr qsizetype maxLineBytes = 1024 * 1024;
    static constexpr qsizetype maxFrameBytes = 8 * 1024 * 1024;

    void feed(QByteArrayView chunk);
    // The samples completed since the last call, oldest first. Their
    // `figures` are left empty: SampleSeries computes them.
    [[nodiscard]] QList<ServerSample> takeSamples();

    [[nodiscard]] qint64 framesAccepted() const { return m_accepted; }
    [[nodiscard]] qint64 framesDropped() const { return m_dropped; }
    [[nodiscard]] const QString &lastDropReason() const { return m_lastDropReason; }

    // One frame's lines (markers excluded) into a sample: fails on a
    // missing, unknown or malformed line.
    static Result<ServerSample> decodeFrame(qint64 sequence, const QList<QByteArray> &lines);

private:
    void handleLine(QByteArrayView line);
    void dropFrame(const QString &reason);

    QByteArray m_partialLine;
    bool m_skippingLongLine = false;
    bool m_inFrame = false;
    bool m_skippingFrame = false; // after a drop, until that frame's END
    qint64 m_sequence = 0;
    qsizetype m_frameBytes = 0;
    QList<QByteArray> m_frameLines;
    QList<ServerSample> m_ready;
    qint64 m_accepted = 0;
    qint64 m_dropped = 0;
    QString m_lastDropReason;
};

} // namespace mpmlab
