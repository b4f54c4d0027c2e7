#include "CampaignProgressLine.h"

#include <QLocale>
#include <QTextStream>
#include <cmath>

using namespace Qt::StringLiterals;
using namespace mpmlab;

namespace {

QString duration(double seconds)
{
    const auto total = qint64(std::llround(seconds));
    return u"%1:%2"_s.arg(total / 60).arg(total % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

CampaignProgressLine::CampaignProgressLine(QTextStream &stream, bool interactive)
    : m_stream(stream)
    , m_interactive(interactive)
{
}

CampaignProgressLine::~CampaignProgressLine() { finish(); }

QString CampaignProgressLine::liveFigures(const CampaignProgress &progress)
{
    if (progress.recorder != m_recorder) {
        m_recorder = progress.recorder;
        m_cursor = {};
        m_hasLatest = false;
    }
    if (!m_recorder)
        return {};
    const RunUpdate update = m_recorder->readSince(m_cursor);
    if (!update.load.empty()) {
        m_latest = update.load.back();
        m_hasLatest = true;
    }
    if (!m_hasLatest)
        return {};
    const QLocale locale(QLocale::English);
    QString text = u" · %1 req/s"_s.arg(locale.toString(m_latest.requestsPerSecond, 'f', 0));
    if (!std::isnan(m_latest.p99Ms))
        text += u" · p99 %1 ms"_s.arg(locale.toString(m_latest.p99Ms, 'f', 1));
    if (m_latest.longestWaitMs >= 1000)
        text +=
            u" · oldest waiting %1 s"_s.arg(locale.toString(m_latest.longestWaitMs / 1000, 'f', 1));
    return text;
}

void CampaignProgressLine::show(const CampaignProgress &progress)
{
    const QString step = CampaignProgress::stepName(progress.step).en;
    QString line = u"[%1%] "_s.arg(int(progress.fraction * 100), 3);
    if (progress.mpm) {
        line += u"run %1/%2 %3: "_s.arg(progress.run + 1)
                    .arg(progress.runs)
                    .arg(mpmName(*progress.mpm));
    }
    line += step;
    if (!progress.detail.isEmpty())
        line += u" (%1)"_s.arg(progress.detail);
    if (progress.etaSeconds && progress.step != CampaignProgress::Step::Done)
        line += u" · ETA %1"_s.arg(duration(*progress.etaSeconds));
    line += liveFigures(progress);

    if (m_interactive) {
        m_stream << '\r' << line << "\x1b[K";
        m_stream.flush();
        m_open = true;
        return;
    }
    const QString key = step + (progress.mpm ? mpmName(*progress.mpm) : QString())
                        + QString::number(progress.run) + progress.detail;
    if (key == m_lastStep)
        return;
    m_lastStep = key;
    m_stream << line << Qt::endl;
}

void CampaignProgressLine::finish()
{
    if (!m_open)
        return;
    m_stream << Qt::endl;
    m_open = false;
}
