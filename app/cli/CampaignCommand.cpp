#include "CampaignCommand.h"

#include "CampaignProgressLine.h"
#include "InterruptWatcher.h"
#include "ReportCharts.h"
#include "SshLoginOptions.h"
#include "UiLanguage.h"
#include "common/AtomicFile.h"
#include "results/TextReport.h"
#include "scenario/CampaignRunner.h"
#include "scenario/ScenarioLibrary.h"
#include "targets/Target.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <stop_token>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace mpmlab;

namespace {

Result<QList<MpmKind>> parseMpms(const QString &text)
{
    QList<MpmKind> mpms;
    for (const QString &name : text.split(u',', Qt::SkipEmptyParts)) {
        const std::optional<MpmKind> mpm = mpmFromName(name.trimmed());
        if (!mpm || mpms.contains(*mpm)) {
            return Error{Error::Kind::InvalidInput,
                         u"--mpms: '%1' is not an MPM, or is listed twice (prefork, worker, "
                         "event)"_s.arg(name),
                         {}};
        }
        mpms << *mpm;
    }
    if (mpms.isEmpty())
        return Error{Error::Kind::InvalidInput, u"--mpms: name at least one MPM"_s, {}};
    return mpms;
}

// Creates `directory` and proves it writable before any load runs: a
// campaign's results must never be lost to a path mistake at the end.
Status prepareDirectory(const QString &directory)
{
    if (!QDir().mkpath(directory))
        return Error{
            Error::Kind::Io, u"cannot create the output directory %1"_s.arg(directory), {}};
    const QString probe = QDir(directory).filePath(u".mpmlab-write-check"_s);
    if (Status written = writeFileAtomically(probe, QByteArrayLiteral("ok\n")); !written)
        return written;
    QFile::remove(probe);
    return {};
}

} // namespace

QString CampaignCommand::name() const { return u"campaign"_s; }

QString CampaignCommand::summary() const
{
    return u"Run a scenario on prefork, worker and event in turn; report and verdicts"_s;
}

int CampaignCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Run a scenario on each MPM in turn, on the same server with the same load: apply the "
        "MPM and the scenario's settings (configtest, full restart, readiness checked twice), "
        "warm up, load while sampling the server, record. The server is put back as it was at "
        "the end, also after an error or Ctrl+C. Prints a live progress line on stderr, then "
        "the summary table and whether each of the course's expectations held, with its "
        "evidence. Writes into --out: campaign.json, the series as CSV (load-MPM-N.csv, "
        "server-MPM-N.csv), report.txt, the charts as PNG and SVG (dashboard, comparison, one "
        "per figure) and report.html with the charts embedded.\n\n"
        "Built-in scenarios: 'mpmlab-cli scenarios'."_s);
    parser.addHelpOption();
    const QCommandLineOption scenarioOption(
        u"scenario"_s, u"A built-in id, a scenario file, or all (every built-in one)."_s, u"id"_s);
    const QCommandLineOption targetOption(
        u"target"_s, u"local (default) or ssh://user@host[:port]."_s, u"target"_s, u"local"_s);
    const QCommandLineOption labDirOption(u"lab-dir"_s, u"local: the lab directory."_s, u"dir"_s);
    const QCommandLineOption mpmsOption(
        u"mpms"_s, u"MPMs to compare, in order (default: the scenario's)."_s, u"list"_s);
    const QCommandLineOption repeatOption(
        u"repeat"_s, u"Runs per MPM, interleaved; figures are medians (default 1)."_s, u"n"_s,
        u"1"_s);
    const QCommandLineOption scaleOption(
        u"scale"_s,
        u"Multiply request counts and durations (0.1: a quick run; default 1). Concurrency, "
        "think time and idle clients stay."_s,
        u"factor"_s, u"1"_s);
    const QCommandLineOption outOption(
        u"out"_s, u"Directory for the files (default: mpmlab-ID-DATE in the current one)."_s,
        u"dir"_s);
    const QCommandLineOption langOption(u"lang"_s, u"Language of the report: en or fr."_s,
                                        u"language"_s, u"en"_s);
    const QCommandLineOption quietOption(u"q"_s, u"No progress line."_s);
    parser.addOptions({scenarioOption, targetOption, labDirOption, mpmsOption, repeatOption,
                       scaleOption, outOption, langOption, quietOption, waitOption()});
    parser.addOptions(SshLoginOptions::options());
    QStringList words;
    if (const std::optional<int> done = parseArguments(parser, arguments, words))
        return *done;
    if (!words.isEmpty())
        return usageError(u"campaign: unexpected argument '%1'"_s.arg(words.first()));
    if (!parser.isSet(scenarioOption))
        return usageError(u"campaign: --scenario is required (see 'mpmlab-cli scenarios')"_s);

    QList<Scenario> scenarios;
    const QString wanted = parser.value(scenarioOption);
    if (wanted == u"all") {
        scenarios = ScenarioLibrary::builtIns();
    } else {
        const Result<Scenario> scenario = ScenarioLibrary::find(wanted);
        if (!scenario)
            return fail(scenario.error());
        scenarios << *scenario;
    }
    CampaignOptions options;
    if (parser.isSet(mpmsOption)) {
        const Result<QList<MpmKind>> mpms = parseMpms(parser.value(mpmsOption));
        if (!mpms)
            return fail(mpms.error());
        options.mpms = *mpms;
    }
    bool ok = false;
    options.repeat = parser.value(repeatOption).toInt(&ok);
    if (!ok || options.repeat < 1 || options.repeat > CampaignOptions::maxRepeat)
        return usageError(
            u"--repeat must be a whole number from 1 to %1"_s.arg(CampaignOptions::maxRepeat));
    options.scale = parser.value(scaleOption).toDouble(&ok);
    if (!ok || !(options.scale >= CampaignOptions::minScale)
        || options.scale > CampaignOptions::maxScale) {
        return usageError(u"--scale must be a number from %1 to %2"_s.arg(CampaignOptions::minScale)
                              .arg(CampaignOptions::maxScale));
    }
    const QString language = UiLanguage::install(parser.value(langOption));
    const QString outDir =
        parser.isSet(outOption)
            ? parser.value(outOption)
            : u"mpmlab-%1-%2"_s.arg(wanted == u"all" ? u"all"_s : scenarios.first().id,
                                    QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s));
    for (const Scenario &scenario : std::as_const(scenarios)) {
        const QString directory =
            scenarios.size() > 1 ? QDir(outDir).filePath(scenario.id) : outDir;
        if (Status ready = prepareDirectory(directory); !ready)
            return fail(ready.error());
    }

    const Result<TargetSpec> spec = SshLoginOptions::read(parser, parser.value(targetOption),
                                                          parser.value(labDirOption), err());
    if (!spec)
        return fail(spec.error());
    Result<std::unique_ptr<Target>> opened = Target::open(*spec, Target::Access::Control);
    if (!opened)
        return fail(opened.error());
    const std::unique_ptr<Target> target = std::move(opened).value();

    std::stop_source stop;
    InterruptWatcher watcher;
    target->driver().setStopToken(stop.get_token());
    watcher.watch([&stop] { stop.request_stop(); });
    // One owner for every scenario of the command, so that nobody comes
    // between two of them either; refused at once unless --wait.
    const Result<ServerLease> owned = ownServer(target->driver(), u"campaign "_s + wanted, parser);
    if (!owned)
        return fail(owned.error());
    CampaignProgressLine line(err(), !parser.isSet(quietOption) && ::isatty(STDERR_FILENO));
    int exitCode = Success;
    for (const Scenario &scenario : std::as_const(scenarios)) {
        CampaignRunner runner(*target, scenario, options);
        if (Status valid = runner.validate(); !valid)
            return fail(valid.error());
        if (!parser.isSet(quietOption))
            runner.setProgressHandler([&line](const CampaignProgress &p) { line.show(p); });
        watcher.watch([&runner] { runner.requestStop(); });
        const CampaignResult result = runner.run();
        watcher.watch({});
        line.finish();

        const QString directory =
            scenarios.size() > 1 ? QDir(outDir).filePath(scenario.id) : outDir;
        // The report first, on the terminal, whatever happens to the files.
        out() << TextReport::render(result, language) << Qt::endl;
        if (out().status() != QTextStream::Ok)
            exitCode = Failure; // said once, at the end (withOutputChecked)
        if (Status written = ReportCharts::writeAll(result, directory, language); !written) {
            fail(written.error());
            exitCode = Failure;
        } else {
            err() << "Files in " << QDir(directory).absolutePath() << Qt::endl;
        }
        if (!result.restoreError.isEmpty() || !result.error.isEmpty())
            exitCode = Failure;
        if (result.cancelled) {
            err() << "Stopped; the server was put back as it was." << Qt::endl;
            return exitCode == Success ? Stopped : exitCode;
        }
    }
    return exitCode;
}
