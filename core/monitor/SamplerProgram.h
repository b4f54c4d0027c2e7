#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <chrono>

namespace mpmlab {

// What to sample and how often: the sampler script with its arguments,
// ready for a SampleStream to run locally (argv for /bin/sh) or remotely
// (one command line for an SSH exec channel).
struct SamplerProgram {
    // How the script fetches mod_status on the server. Auto: bash's
    // /dev/tcp when it runs under bash (no process per fetch), else curl,
    // else wget, else none.
    enum class Fetcher { Auto, Curl, Wget, Bash, None };
    // Which shell runs it: bash when present (cheapest), or sh forced.
    enum class Shell { PreferBash, PosixSh };

    static constexpr std::chrono::milliseconds defaultInterval{500};
    static constexpr std::chrono::milliseconds minimumInterval{200};
    static constexpr std::chrono::milliseconds maximumInterval{60000};
    // smaps_rollup reads per frame in rotation (~120-160 us of CPU each for
    // an Apache child). Every process is also read on the first frame and
    // the first time it shows up, so the rotation only follows drift: at
    // 500 ms a PSS is at most N / 4 frames old, 19 s for 150 processes
    // (Debian's MaxRequestWorkers), 50 s for 400. Each read more a frame
    // costs ~0.03% of a core; at 400 processes the rest of the frame costs
    // ~1.7% and the goal is under 2%.
    static constexpr int defaultSmapsPerFrame = 4;

    QString pidFile; // the instance's PidFile, absolute, on the server
    std::chrono::milliseconds interval = defaultInterval;
    QString statusHost = QStringLiteral("127.0.0.1");
    quint16 statusPort = 80;
    QString statusPath = QStringLiteral("/server-status?auto");
    int smapsPerFrame = defaultSmapsPerFrame;
    Fetcher fetcher = Fetcher::Auto;
    Shell shell = Shell::PreferBash;

    // InvalidInput when a value could break out of its argument or make no
    // sense: every value is also passed as a separate, quoted word.
    [[nodiscard]] Status validate() const;

    // The script's own arguments ($1...).
    [[nodiscard]] QStringList scriptArguments() const;
    // argv for /bin/sh: -c <launcher> <script> <shell> <arguments...>.
    [[nodiscard]] QStringList shArguments() const;
    // The same as one command line for a remote POSIX shell (what an SSH
    // exec channel runs): `sh -c '<launcher>' '<script>' ...`, every word
    // single-quoted.
    [[nodiscard]] QByteArray shellCommandLine() const;

    static QString fetcherName(Fetcher fetcher);
    static std::optional<Fetcher> fetcherFromName(QStringView name);
    // 'text' for a POSIX shell: quotes closed, escaped and reopened.
    static QByteArray shellQuoted(const QByteArray &text);
};

} // namespace mpmlab
