#include "ReplaySampleStream.h"

#include "SampleFrames.h"
#include "TestPaths.h"

#include <QDir>
#include <QFile>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace mpmlab;

ReplaySampleStream::ReplaySampleStream(QStringList pages, int processes)
    : m_processes(processes)
{
    for (const QString &page : pages) {
        if (page.isEmpty()) { // a sample whose status request got no page
            m_pageTexts << QString();
            continue;
        }
        QFile file(QDir(TestPaths::fixturesDir()).filePath(u"mod_status/"_s + page));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("ReplaySampleStream: missing fixture %s", qPrintable(page));
        m_pageTexts << QString::fromUtf8(file.readAll());
    }
}

QString ReplaySampleStream::targetName() const { return u"replay"_s; }

Status ReplaySampleStream::start(const SamplerProgram &program)
{
    m_interval = program.interval;
    m_clock.start();
    m_sent = 0;
    m_running = true;
    return {};
}

Result<QByteArray> ReplaySampleStream::read(std::chrono::milliseconds timeout)
{
    if (!m_running)
        return Error{Error::Kind::NotRunning, u"the replay is not running"_s, {}};
    // The first frame at once, as the script prints one on start.
    const qint64 due = m_sent * m_interval.count();
    const qint64 wait = due - m_clock.elapsed();
    if (wait > timeout.count()) {
        QThread::msleep(static_cast<unsigned long>(timeout.count()));
        return QByteArray();
    }
    if (wait > 0)
        QThread::msleep(static_cast<unsigned long>(wait));
    const qint64 seq = ++m_sent;
    QList<SampleFrames::Process> processes;
    processes.append({'P', 4242, 1, 1, 10, 5, 4000, "1200", "800", "0"});
    for (int i = 0; i < m_processes; ++i) {
        // Each child works 2 ticks a frame and grows 4 KiB a frame.
        processes.append({'P', 5000 + i, 4242, 1, 100 + 2 * seq, 20 + seq, 6000 + 4 * seq,
                          QByteArray::number(900 + 4 * seq), QByteArray::number(600 + 4 * seq),
                          "0"});
    }
    const QString page =
        m_pageTexts.isEmpty() ? QString() : m_pageTexts.at((seq - 1) % m_pageTexts.size());
    return SampleFrames::frame(seq, processes, page, 4242, double(m_interval.count()) / 1000.0);
}

void ReplaySampleStream::stop() { m_running = false; }
