#pragma once

#include "run/RunRecorder.h"
#include "scenario/CampaignProgress.h"

#include <QString>
#include <memory>

class QTextStream;

// The live progress of a campaign on stderr: the step, the MPM, how far and
// how long still, and the run's latest figures (read from its recorder like
// any other reader). On a terminal one line is rewritten in place; in a log
// or a pipe, a line per step.
class CampaignProgressLine {
public:
    CampaignProgressLine(QTextStream &stream, bool interactive);
    ~CampaignProgressLine();

    void show(const mpmlab::CampaignProgress &progress);
    // Ends the line being rewritten, so that what follows starts clean.
    void finish();

private:
    [[nodiscard]] QString liveFigures(const mpmlab::CampaignProgress &progress);

    QTextStream &m_stream;
    bool m_interactive;
    bool m_open = false; // a line is being rewritten
    QString m_lastStep;  // non-interactive: print only when this changes
    std::shared_ptr<const mpmlab::RunRecorder> m_recorder;
    mpmlab::RunCursor m_cursor;
    mpmlab::LoadPoint m_latest;
    bool m_hasLatest = false;
};
