#include "TestLab.h"
#include "common/AtomicFile.h"
#include "common/ProcessRunner.h"
#include "local/ApacheProcess.h"
#include "local/LabConfig.h"
#include "monitor/FrameParser.h"
#include "monitor/LocalSampleStream.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QThread>
#include <QtTest>
#include <algorithm>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace mpmlab;

// What the sampler costs the server: a prefork lab raised to N children
// (ServerLimit = StartServers = MaxRequestWorkers = N), the sampler run for
// a while at 500 ms, and the CPU time of its process group (LocalSampleStream
// gives it its own) divided by the wall time, for an idle server and, at
// N = 400, for one whose every child is kept busy by ab. Prints figures and
// the processes whose stat was read per frame; asserts only that sampling
// worked.
//   MPMLAB_BENCH_SECONDS (default 15) per measurement.
class BenchSamplerCost : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void costPerProcessCount();
};

namespace {

int childCount(qint64 parent)
{
    QFile file(u"/proc/%1/task/%1/children"_s.arg(parent));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    return int(file.readAll().simplified().split(' ').size());
}

std::optional<qint64> readPid(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    bool ok = false;
    const qint64 pid = file.readAll().trimmed().toLongLong(&ok);
    return ok ? std::optional<qint64>(pid) : std::nullopt;
}

struct Measurement {
    double percentOfCore = 0;
    double msPerFrame = 0;
    qint64 frames = 0;
    qint64 dropped = 0;
    qint64 processes = 0;
    qint64 statReads = 0; // processes whose stat was read, summed over the frames
};

// Runs `load` (if any) for as long as the measurement.
Measurement measure(const SamplerProgram &program, int seconds, const QStringList &load)
{
    Measurement m;
    QProcess loader;
    const auto stopLoader = qScopeGuard([&] {
        loader.kill();
        loader.waitForFinished();
    });
    if (!load.isEmpty()) {
        loader.start(load.first(), load.mid(1));
        if (!loader.waitForStarted())
            return m;
    }
    LocalSampleStream stream;
    if (!stream.start(program).ok())
        return m;
    FrameParser parser;
    const auto pump = [&](std::chrono::milliseconds forHowLong) {
        QDeadlineTimer until(forHowLong);
        while (!until.hasExpired()) {
            const Result<QByteArray> chunk = stream.read(100ms);
            if (!chunk)
                return;
            parser.feed(*chunk);
            for (const ServerSample &s : parser.takeSamples()) {
                m.processes = s.processes.size();
                m.statReads += std::count_if(s.processes.cbegin(), s.processes.cend(),
                                             [](const ProcessSample &p) { return p.statFresh; });
            }
        }
    };
    // The first frame reads every smaps_rollup: leave it out.
    pump(1500ms);
    const double cpuBefore = stream.ownCpuSeconds().value_or(0);
    const qint64 framesBefore = parser.framesAccepted();
    m.statReads = 0;
    QElapsedTimer wall;
    wall.start();
    pump(std::chrono::seconds(seconds));
    const double cpuAfter = stream.ownCpuSeconds().value_or(0);
    const double elapsed = double(wall.elapsed()) / 1000.0;
    stream.stop();
    const double cpuSeconds = cpuAfter - cpuBefore;
    m.frames = parser.framesAccepted() - framesBefore;
    m.dropped = parser.framesDropped();
    m.percentOfCore = 100.0 * cpuSeconds / elapsed;
    m.msPerFrame = m.frames > 0 ? 1000.0 * cpuSeconds / double(m.frames) : 0;
    return m;
}

} // namespace

void BenchSamplerCost::costPerProcessCount()
{
    const int seconds = qEnvironmentVariableIntValue("MPMLAB_BENCH_SECONDS") > 0
                            ? qEnvironmentVariableIntValue("MPMLAB_BENCH_SECONDS")
                            : 15;
    TestLab lab;
    // Let LocalLab write a complete prefork tree, then run it with the same
    // config, its prefork block raised.
    QVERIFY(lab.startWith(MpmKind::Prefork).ok());
    QVERIFY(lab.lab().stop().ok());
    LabConfig config;
    config.rootDir = lab.rootDir();
    const Result<QByteArray> base = readWholeFile(config.configPath());
    QVERIFY(base.ok());
    // The raised config replaces the lab's own file, so that LocalLab (and
    // TestLab's destructor, whatever happens) can stop the server.
    const QString benchConfig = config.configPath();
    const QString binary = lab.options().apacheBinary;

    struct Case {
        const char *name;
        SamplerProgram::Shell shell;
        SamplerProgram::Fetcher fetcher;
        int smaps;      // -1: every process every frame
        bool underLoad; // ab keeping every child busy
    };
    constexpr int byDefault = SamplerProgram::defaultSmapsPerFrame;
    const QList<Case> cases{
        {"bash, /dev/tcp, smaps default/frame", SamplerProgram::Shell::PreferBash,
         SamplerProgram::Fetcher::Auto, byDefault, false},
        // Busy children change at every reading, so each is read every
        // frame: the cost of a server at work.
        {"the same, every child busy (ab -c N)", SamplerProgram::Shell::PreferBash,
         SamplerProgram::Fetcher::Auto, byDefault, true},
        {"bash, /dev/tcp, smaps 16/frame", SamplerProgram::Shell::PreferBash,
         SamplerProgram::Fetcher::Auto, 16, false},
        {"bash, /dev/tcp, no smaps", SamplerProgram::Shell::PreferBash,
         SamplerProgram::Fetcher::Auto, 0, false},
        {"bash, /dev/tcp, all smaps", SamplerProgram::Shell::PreferBash,
         SamplerProgram::Fetcher::Auto, -1, false},
        {"sh, curl, smaps default/frame", SamplerProgram::Shell::PosixSh,
         SamplerProgram::Fetcher::Curl, byDefault, false},
    };
    const QString ab = QStandardPaths::findExecutable(u"ab"_s);
    QVERIFY2(!ab.isEmpty(), "ab is missing (apache2-utils)");

    for (const int children : {50, 100, 200, 400}) {
        QString text = QString::fromUtf8(*base);
        static const QRegularExpression preforkBlock(
            u"<IfModule mpm_prefork_module>.*?</IfModule>"_s,
            QRegularExpression::DotMatchesEverythingOption);
        text.replace(preforkBlock, u"<IfModule mpm_prefork_module>\n    ServerLimit %1\n"
                                   "    StartServers %1\n    MinSpareServers %1\n"
                                   "    MaxSpareServers %1\n    MaxRequestWorkers %1\n"
                                   "</IfModule>"_s.arg(children));
        QVERIFY(writeFileAtomically(benchConfig, text.toUtf8()).ok());
        QVERIFY(
            ProcessRunner::run(
                binary, {u"-d"_s, lab.rootDir(), u"-f"_s, benchConfig, u"-k"_s, u"start"_s}, 30s)
                .ok());
        std::optional<qint64> parent;
        QDeadlineTimer ready(60s);
        while (!ready.hasExpired()
               && (!(parent = readPid(config.pidFilePath())) || childCount(*parent) < children))
            QThread::msleep(200);
        QVERIFY2(parent && childCount(*parent) >= children,
                 "the prefork lab did not reach N children");

        const bool quick = children != 400; // the full table at 400 only
        for (const Case &c : cases) {
            if (quick && (c.smaps != byDefault || c.underLoad))
                continue;
            SamplerProgram program;
            program.pidFile = config.pidFilePath();
            program.statusPort = lab.port();
            program.interval = SamplerProgram::defaultInterval;
            program.shell = c.shell;
            program.fetcher = c.fetcher;
            program.smapsPerFrame = c.smaps < 0 ? children + 1 : c.smaps;
            // Loopback only, bounded by -t; without -k each request takes
            // a child through accept, read, write and close.
            QStringList load;
            if (c.underLoad) {
                load << ab << u"-q"_s << u"-c"_s << QString::number(children) << u"-t"_s
                     << QString::number(seconds + 5) << u"-n"_s << u"100000000"_s
                     << u"http://127.0.0.1:%1/"_s.arg(lab.port());
            }
            const Measurement m = measure(program, seconds, load);
            qInfo("N=%3d  %-38s  %5.2f%% of one core  %5.2f ms CPU/frame  (%lld frames, %lld "
                  "processes seen, %.0f stat reads/frame, %lld dropped)",
                  children, c.name, m.percentOfCore, m.msPerFrame, m.frames, m.processes,
                  m.frames > 0 ? double(m.statReads) / double(m.frames) : 0.0, m.dropped);
            QVERIFY(m.frames > 0);
            QCOMPARE(m.dropped, 0);
            QVERIFY(m.processes >= children + 1);
        }
        QVERIFY(lab.lab().stop().ok());
        QVERIFY(!ApacheProcess::isAlive(*parent));
    }
}

QTEST_GUILESS_MAIN(BenchSamplerCost)
#include "bench_samplercost.moc"
