#include "FrameParser.h"

#include <QDateTime>
#include <chrono>

using namespace Qt::StringLiterals;

namespace mpmlab {

namespace {

Error malformed(const QString &what)
{
    return Error{Error::Kind::Network, u"malformed sampler frame: "_s + what, {}};
}

bool toNumber(const QByteArray &text, qint64 &out)
{
    bool ok = false;
    out = text.toLongLong(&ok);
    return ok;
}

bool toNumber(const QByteArray &text, double &out)
{
    bool ok = false;
    out = text.toDouble(&ok);
    return ok;
}

// "123": a size; "-": smaps_rollup unreadable; "?": not read this frame.
bool toOptionalKb(const QByteArray &text, std::optional<qint64> &out)
{
    if (text == "-" || text == "?") {
        out.reset();
        return true;
    }
    qint64 value = 0;
    if (!toNumber(text, value) || value < 0)
        return false;
    out = value;
    return true;
}

// Reads `count` numbers after the tag into `out`; false if any is missing
// or not a number.
template <typename T>
bool readNumbers(const QList<QByteArray> &words, std::initializer_list<T *> out)
{
    if (words.size() != qsizetype(out.size()) + 1)
        return false;
    qsizetype i = 1;
    for (T *target : out) {
        if (!toNumber(words.at(i++), *target))
            return false;
    }
    return true;
}

Result<ProcessSample> decodeProcess(const QList<QByteArray> &words)
{
    ProcessSample p;
    qint64 threads = 0;
    if (words.size() != 10
        || !readNumbers<qint64>(words.first(7),
                                {&p.pid, &p.ppid, &threads, &p.userTicks, &p.systemTicks, &p.rssKb})
        || !toOptionalKb(words.at(7), p.pssKb) || !toOptionalKb(words.at(8), p.ussKb)
        || !toOptionalKb(words.at(9), p.swapKb) || p.pid <= 0 || threads < 0) {
        return malformed(u"bad process line"_s);
    }
    p.threads = int(threads);
    p.memoryFresh = words.at(7) != "?";
    p.statFresh = words.at(0) == "P";
    return p;
}

} // namespace

void FrameParser::feed(QByteArrayView chunk)
{
    while (!chunk.isEmpty()) {
        const qsizetype newline = chunk.indexOf('\n');
        const QByteArrayView piece = newline < 0 ? chunk : chunk.first(newline);
        chunk = newline < 0 ? QByteArrayView() : chunk.sliced(newline + 1);
        if (!m_skippingLongLine && m_partialLine.size() + piece.size() > maxLineBytes) {
            // Keep nothing of an endless line: skip to its end.
            if (m_inFrame)
                dropFrame(u"a line longer than %1 bytes"_s.arg(maxLineBytes));
            m_partialLine.clear();
            m_skippingLongLine = true;
        }
        if (m_skippingLongLine) {
            if (newline >= 0)
                m_skippingLongLine = false;
            continue;
        }
        if (newline < 0) {
            m_partialLine += piece;
            return;
        }
        if (m_partialLine.isEmpty()) {
            handleLine(piece);
        } else {
            m_partialLine += piece;
            handleLine(m_partialLine);
            m_partialLine.clear();
        }
    }
}

QList<ServerSample> FrameParser::takeSamples() { return std::exchange(m_ready, {}); }

void FrameParser::dropFrame(const QString &reason)
{
    ++m_dropped;
    m_lastDropReason = reason;
    // The rest of this frame, up to its END, belongs to the dropped one.
    m_skippingFrame = true;
    m_inFrame = false;
    m_frameLines.clear();
    m_frameBytes = 0;
}

void FrameParser::handleLine(QByteArrayView line)
{
    if (line.endsWith('\r'))
        line.chop(1);
    const auto markerSequence = [&](QByteArrayView marker) -> std::optional<qint64> {
        if (!line.startsWith(marker) || line.size() < marker.size() + 2
            || line.at(marker.size()) != ' ')
            return std::nullopt;
        bool ok = false;
        const qint64 value = line.sliced(marker.size() + 1).toLongLong(&ok);
        return ok ? std::optional<qint64>(value) : std::nullopt;
    };

    if (line.startsWith(beginMarker)) {
        if (m_inFrame)
            dropFrame(u"frame %1 was cut short by the next one"_s.arg(m_sequence));
        m_skippingFrame = false;
        const std::optional<qint64> sequence = markerSequence(beginMarker);
        if (!sequence) {
            dropFrame(u"a frame start without a sequence number"_s);
            return;
        }
        m_inFrame = true;
        m_sequence = *sequence;
        m_frameLines.clear();
        m_frameBytes = 0;
        return;
    }
    if (line.startsWith(endMarker)) {
        if (!m_inFrame) {
            if (!std::exchange(m_skippingFrame, false))
                dropFrame(u"a frame end without its start"_s);
            m_skippingFrame = false;
            return;
        }
        if (markerSequence(endMarker) != m_sequence) {
            dropFrame(u"frame %1 ends with another sequence number"_s.arg(m_sequence));
            return;
        }
        Result<ServerSample> sample = decodeFrame(m_sequence, m_frameLines);
        if (!sample) {
            dropFrame(u"frame %1: %2"_s.arg(m_sequence).arg(sample.error().message));
            return;
        }
        m_ready.append(std::move(sample).value());
        ++m_accepted;
        m_inFrame = false;
        m_frameLines.clear();
        m_frameBytes = 0;
        return;
    }
    if (!m_inFrame)
        return; // text outside frames: a shell's complaint, a banner
    m_frameBytes += line.size() + 1;
    if (m_frameBytes > maxFrameBytes) {
        dropFrame(u"frame %1 is larger than %2 bytes"_s.arg(m_sequence).arg(maxFrameBytes));
        return;
    }
    m_frameLines.append(line.toByteArray());
}

Result<ServerSample> FrameParser::decodeFrame(qint64 sequence, const QList<QByteArray> &lines)
{
    ServerSample sample;
    sample.sequence = sequence;
    sample.receivedAtMs = QDateTime::currentMSecsSinceEpoch();
    sample.receivedSteadyMicros = std::chrono::duration_cast<std::chrono::microseconds>(
                                      std::chrono::steady_clock::now().time_since_epoch())
                                      .count();
    QString statusText;
    bool hasStatus = false;
    QString seen; // tags met, for the required-lines check

    for (const QByteArray &line : lines) {
        const qsizetype space = line.indexOf(' ');
        const QByteArray tag = space < 0 ? line : line.first(space);
        if (tag == "S") {
            // mod_status's page, one line at a time, verbatim.
            statusText += QString::fromUtf8(space < 0 ? QByteArray() : line.sliced(space + 1));
            statusText += u'\n';
            hasStatus = true;
            continue;
        }
        if (tag == "E") {
            sample.statusError =
                QString::fromUtf8(space < 0 ? QByteArray() : line.sliced(space + 1));
            if (sample.statusError.startsWith(u"status "_s))
                sample.statusError = sample.statusError.sliced(7);
            continue;
        }
        const QList<QByteArray> words = line.split(' ');
        bool ok = false;
        if (tag == "V") {
            ok = words.size() == 2 && words.at(1) == "2";
            if (!ok)
                return malformed(u"unsupported frame version"_s);
        } else if (tag == "T") {
            ok = words.size() == 3 && toNumber(words.at(1), sample.uptimeSeconds)
                 && toNumber(words.at(2), sample.bootTimeSeconds);
        } else if (tag == "K") {
            qint64 ticks = 0, pageKb = 0, cpus = 0;
            ok = readNumbers<qint64>(words, {&ticks, &pageKb, &cpus}) && ticks > 0 && cpus >= 0;
            sample.clockTicksPerSecond = int(ticks);
            sample.cpuCount = int(cpus);
        } else if (tag == "M") {
            ok = readNumbers<qint64>(words, {&sample.memTotalKb, &sample.memAvailableKb,
                                             &sample.swapTotalKb, &sample.swapFreeKb});
        } else if (tag == "C") {
            SystemCpuTimes &c = sample.cpu;
            ok = readNumbers<qint64>(words, {&c.user, &c.nice, &c.system, &c.idle, &c.iowait,
                                             &c.irq, &c.softirq, &c.steal});
        } else if (tag == "L") {
            auto &l = sample.loadAverage;
            ok = readNumbers<double>(words, {&l[0], &l[1], &l[2]});
        } else if (tag == "H") {
            qint64 pid = 0;
            if (words.size() == 2 && words.at(1) == "-") {
                ok = true; // no pid file, or no such process: the server is stopped
            } else {
                ok = readNumbers<qint64>(words, {&pid}) && pid > 0;
                if (ok)
                    sample.parentPid = pid;
            }
        } else if (tag == "P" || tag == "Q") {
            Result<ProcessSample> process = decodeProcess(words);
            if (!process)
                return process.error();
            sample.processes.append(*process);
            continue;
        } else {
            return malformed(u"unknown line '%1'"_s.arg(QString::fromUtf8(line.left(40))));
        }
        if (!ok)
            return malformed(u"bad '%1' line"_s.arg(QString::fromLatin1(tag)));
        seen += QString::fromLatin1(tag);
    }
    for (const QChar required : u"VTKMCLH"_s) {
        if (!seen.contains(required))
            return malformed(u"no '%1' line"_s.arg(required));
    }
    if (!sample.parentPid && !sample.processes.isEmpty())
        return malformed(u"processes without a parent"_s);

    if (hasStatus) {
        Result<ServerStatus> status = ServerStatus::parse(statusText);
        if (status)
            sample.status = std::move(status).value();
        else
            sample.statusError = status.error().message;
    }
    return sample;
}

} // namespace mpmlab
