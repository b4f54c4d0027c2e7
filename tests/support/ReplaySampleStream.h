#pragma once

#include "monitor/SampleStream.h"

#include <QElapsedTimer>
#include <QStringList>

// A sampler transport that replays an Apache instance instead of running
// the sampler script: one frame per interval of the program it is started
// with, carrying the recorded mod_status pages of tests/fixtures in turn
// and `processes` processes whose CPU ticks and memory grow with each frame.
// For fast tests of what consumes samples (recorder, campaign runner).
class ReplaySampleStream final : public mpmlab::SampleStream {
public:
    // `pages`: file names under tests/fixtures/mod_status; "" for a sample
    // without a page (the status request timed out).
    explicit ReplaySampleStream(QStringList pages, int processes = 5);

    [[nodiscard]] QString targetName() const override;
    mpmlab::Status start(const mpmlab::SamplerProgram &program) override;
    mpmlab::Result<QByteArray> read(std::chrono::milliseconds timeout) override;
    void stop() override;

    [[nodiscard]] qint64 framesSent() const { return m_sent; }

private:
    QStringList m_pageTexts;
    int m_processes;
    std::chrono::milliseconds m_interval{500};
    QElapsedTimer m_clock;
    qint64 m_sent = 0;
    bool m_running = false;
};
