#include "ServerCommand.h"

#include "InterruptWatcher.h"
#include "SshLoginOptions.h"
#include "targets/Target.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <limits>
#include <stop_token>

using namespace Qt::StringLiterals;
using namespace mpmlab;

namespace {

const QCommandLineOption targetOption(u"target"_s,
                                      u"ssh://user@host[:port] or local (default: local)."_s,
                                      u"target"_s, u"local"_s);
const QCommandLineOption labDirOption(u"lab-dir"_s, u"local: the lab directory."_s, u"dir"_s);
const QCommandLineOption jsonOption(u"json"_s, u"status: print everything detected as JSON."_s);
const QCommandLineOption pageSizeOption(u"page-size"_s,
                                        u"test-files: bytes of test.html (default 1024)."_s,
                                        u"bytes"_s, u"1024"_s);
const QCommandLineOption allMpmsOption(
    u"all-mpms"_s,
    u"set: an MPM's own directive (MaxRequestWorkers, ThreadsPerChild...) for every MPM it "
    "applies to, not only the one configured now."_s);
const QCommandLineOption largeSizeOption(u"large-size"_s,
                                         u"test-files: bytes of large.bin (default 10485760)."_s,
                                         u"bytes"_s, u"10485760"_s);

// "Name:" padded so that the values line up.
QString label(const QString &name) { return QString(name + u':').leftJustified(25) + u' '; }

// A whole number of the command line: none when `text` is not one, and
// the largest qint64 when it is too large for 64 bits (out of every range).
std::optional<qint64> wholeNumber(const QString &text)
{
    const bool digits = !text.isEmpty() && std::all_of(text.begin(), text.end(), [](QChar c) {
        return c >= u'0' && c <= u'9';
    });
    if (!digits)
        return std::nullopt;
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    return ok ? value : std::numeric_limits<qint64>::max();
}

QString mpmText(const std::optional<MpmKind> &kind)
{
    return kind ? mpmName(kind.value()) : u"-"_s;
}

} // namespace

QString ServerCommand::name() const { return u"server"_s; }

QString ServerCommand::summary() const
{
    return u"Inspect and change a real Apache over SSH (or the local lab), and restore it"_s;
}

std::unique_ptr<Target> ServerCommand::openTarget(const QCommandLineParser &parser, Error *error)
{
    const Result<TargetSpec> spec = SshLoginOptions::read(parser, parser.value(targetOption),
                                                          parser.value(labDirOption), err());
    if (!spec) {
        *error = spec.error();
        return nullptr;
    }
    auto target = Target::open(*spec, Target::Access::Control,
                               [](const QString &step) { err() << step << "…" << Qt::endl; });
    if (!target) {
        *error = target.error();
        return nullptr;
    }
    return std::move(target).value();
}

int ServerCommand::printStatus(ServerDriver &driver, bool json, bool forStatus)
{
    const Result<ServerDescription> found = driver.describe();
    if (!found)
        return fail(found.error());
    const ServerDescription &description = *found;
    const ServerState &state = description.state;
    if (json) {
        out() << QJsonDocument(description.toJson()).toJson(QJsonDocument::Indented);
    } else {
        out() << label(u"Target"_s) << state.target << '\n';
        out() << label(u"OS"_s) << state.osName << '\n';
        out() << label(u"Layout"_s) << description.layout << '\n';
        out() << label(u"Apache"_s) << description.apacheVersion << '\n';
        out() << label(u"Listen ports"_s);
        for (const quint16 port : description.listenPorts)
            out() << port << ' ';
        out() << '\n' << label(u"DocumentRoot"_s) << description.documentRoot << '\n';
        if (!description.phpModules.isEmpty())
            out() << label(u"mod_php"_s) << description.phpModules.join(u", "_s)
                  << " (needs prefork)\n";
        out() << label(u"Server"_s) << (state.running ? "running" : "stopped") << '\n';
        out() << label(u"Configured MPM"_s) << mpmText(state.configuredMpm) << '\n';
        out() << label(u"Running MPM"_s) << mpmText(state.runningMpm) << '\n';
        out() << label(u"Status page"_s)
              << (description.statusReadable ? u"readable"_s
                                             : u"not readable: "_s + description.statusProblem)
              << '\n';
        out() << label(u"Memory limit"_s)
              << (state.memoryLimitKib ? u"%1 KiB (ulimit -v)"_s.arg(*state.memoryLimitKib)
                                       : u"none"_s)
              << '\n';
        for (const DirectiveReading &reading : description.directives)
            out() << label(reading.name) << readingText(reading) << '\n';
        for (const DirectiveReading &reading : description.directives) {
            for (const QString &host : reading.virtualHosts)
                out() << label(u"Virtual host"_s) << reading.name << ' ' << host << '\n';
        }
        if (!state.owner.isEmpty())
            out() << label(u"In use by"_s) << state.owner << '\n';
        out() << label(u"Restore pending"_s) << (description.restorePending ? "yes" : "no");
        if (description.restorePending && !description.restoreSince.isEmpty())
            out() << " (changes since " << description.restoreSince << ')';
        out() << '\n';
        if (!description.canChange)
            out() << label(u"Changes"_s) << description.cannotChange << '\n';
        for (const QString &problem : state.problems)
            out() << label(u"Problem"_s) << problem << '\n';
    }
    out().flush();
    if (!forStatus)
        return Success;
    return state.running ? Success : NotRunning;
}

QString ServerCommand::readingText(const DirectiveReading &reading)
{
    using Source = DirectiveReading::Source;
    QString text = reading.value.isEmpty() ? u"the system's"_s : reading.value;
    if (!reading.usedValue.isEmpty())
        text += u" (Apache uses %1)"_s.arg(reading.usedValue);
    switch (reading.source) {
    case Source::CompiledDefault: text += u" (default)"_s; break;
    case Source::Distribution: text += u" (Debian's default, %1)"_s.arg(reading.file); break;
    case Source::Managed: text += u" (MPM Lab)"_s; break;
    case Source::ServerConfig: text += u" (%1)"_s.arg(reading.file); break;
    }
    QStringList others;
    for (auto it = reading.managedPerMpm.cbegin(); it != reading.managedPerMpm.cend(); ++it)
        others << u"%1 %2"_s.arg(mpmName(it.key()), it.value());
    if (!others.isEmpty())
        text += u"; MPM Lab sets it for "_s + others.join(u", "_s);
    return text;
}

int ServerCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Control an Apache httpd: a real server over SSH, or the local lab.\n\n"
        "  status               layout, versions, MPM configured and running, directives\n"
        "  set-mpm MPM          switch to prefork, worker or event (full stop and start)\n"
        "  set NAME=VALUE...    set directives (KeepAlive, MaxRequestWorkers, ...); an MPM's\n"
        "                       own ones for the configured MPM, or every MPM (--all-mpms)\n"
        "  memory-limit KIB     limit every Apache process's virtual memory (none: remove)\n"
        "  test-files           write test.html and large.bin into the DocumentRoot\n"
        "  restore              put back the original files and MPM, running as before\n\n"
        "Every change is backed up first, checked with configtest and rolled back if the\n"
        "server does not come back; a journal keeps the restore owed across crashes.\n"
        "One command at a time changes a server or lab: another one is refused (exit 5),\n"
        "naming the one that owns it, unless --wait. Ctrl+C or SIGTERM during a change\n"
        "rolls it back (exit 9). A change to a stopped server applies at its next start;\n"
        "set-mpm starts it, since the running MPM is what it verifies."_s);
    parser.addHelpOption();
    parser.addOptions({targetOption, labDirOption, jsonOption, allMpmsOption, pageSizeOption,
                       largeSizeOption, waitOption()});
    parser.addOptions(SshLoginOptions::options());
    parser.addPositionalArgument(u"action"_s,
                                 u"status, set-mpm, set, memory-limit, test-files "
                                 "or restore."_s,
                                 u"server <action>"_s);
    QStringList words;
    if (const std::optional<int> done = parseArguments(parser, arguments, words))
        return *done;
    if (words.isEmpty())
        return usageError(u"server: missing action (status, set-mpm, set, memory-limit, "
                          "test-files or restore)"_s);
    const QString action = words.takeFirst();

    // Check the command line before connecting anywhere.
    std::optional<MpmKind> wantedMpm;
    std::optional<qint64> memoryLimit;
    TestFilesSpec files;
    if (action == u"set-mpm") {
        if (words.size() != 1 || !(wantedMpm = mpmFromName(words.first())))
            return usageError(u"server set-mpm: name one MPM: prefork, worker or event"_s);
    } else if (action == u"set") {
        if (words.isEmpty())
            return usageError(u"server set: give NAME=VALUE, e.g. MaxRequestWorkers=200"_s);
    } else if (action == u"memory-limit") {
        if (words.size() != 1 || (words.first() != u"none" && !wholeNumber(words.first())))
            return usageError(u"server memory-limit: give KiB (e.g. 500000) or none"_s);
        if (words.first() != u"none") {
            memoryLimit = wholeNumber(words.first());
            if (Status valid = ServerDriver::checkMemoryLimit(memoryLimit); !valid)
                return fail(valid.error());
        }
    } else if (action == u"test-files") {
        const std::optional<qint64> page = wholeNumber(parser.value(pageSizeOption));
        const std::optional<qint64> large = wholeNumber(parser.value(largeSizeOption));
        if (!page || !large || !words.isEmpty())
            return usageError(u"server test-files: --page-size and --large-size take bytes"_s);
        files.pageBytes = *page;
        files.largeBytes = *large;
        if (Status valid = files.validate(); !valid)
            return fail(valid.error());
    } else if ((action != u"status" && action != u"restore") || !words.isEmpty()) {
        return usageError(
            u"server: unknown action or wrong arguments: %1 %2"_s.arg(action, words.join(u' ')));
    }

    Error error;
    const std::unique_ptr<Target> target = openTarget(parser, &error);
    if (!target)
        return fail(error);
    ServerDriver *driver = &target->driver();
    if (action != u"restore") {
        if (const Result<bool> pending = driver->restorePending(); pending && *pending) {
            err() << "Note: MPM Lab changed this server earlier and has not restored it yet: "
                     "'mpmlab-cli server restore' puts the original back."
                  << Qt::endl;
        }
    }
    if (action == u"status")
        return printStatus(*driver, parser.isSet(jsonOption), true);

    // Ctrl+C or SIGTERM ends a wait (for the owner, for readiness) and the
    // change is rolled back: exit 9.
    std::stop_source stop;
    InterruptWatcher watcher;
    driver->setStopToken(stop.get_token());
    watcher.watch([&stop] { stop.request_stop(); });
    const Result<ServerLease> owned = ownServer(*driver, u"server "_s + action, parser);
    if (!owned)
        return failChange(owned.error());

    if (action == u"set-mpm") {
        if (const Status switched = driver->switchMpm(*wantedMpm); !switched)
            return failChange(switched.error());
    } else if (action == u"set") {
        const Result<ServerState> state = driver->state();
        if (!state)
            return fail(state.error());
        const bool everyMpm = parser.isSet(allMpmsOption);
        const Result<DirectiveSet> changes = DirectiveSet::fromAssignments(
            words,
            everyMpm ? std::nullopt : std::optional(state->configuredMpm.value_or(MpmKind::Event)));
        if (!changes)
            return fail(changes.error());
        const Result<QStringList> warnings = driver->setDirectives(
            *changes, everyMpm ? DirectiveScope::EveryMpm : DirectiveScope::ConfiguredMpm);
        if (!warnings)
            return failChange(warnings.error());
        for (const QString &warning : *warnings)
            err() << "warning: " << warning << Qt::endl;
        noteStopped(*driver);
    } else if (action == u"memory-limit") {
        if (const Status limited = driver->setMemoryLimit(memoryLimit); !limited)
            return failChange(limited.error());
        noteStopped(*driver);
    } else if (action == u"test-files") {
        const Result<QStringList> paths = driver->createTestFiles(files);
        if (!paths)
            return failChange(paths.error());
        for (const QString &path : *paths)
            out() << path << '\n';
        out().flush();
        return Success;
    } else if (action == u"restore") {
        if (const Status restored = driver->restore(); !restored)
            return failChange(restored.error());
    }
    return printStatus(*driver, parser.isSet(jsonOption), false);
}

int ServerCommand::failChange(const Error &error)
{
    const int code = fail(error);
    if (code == Stopped)
        err() << "Stopped; the server was put back as it was before this command." << Qt::endl;
    return code;
}

void ServerCommand::noteStopped(ServerDriver &driver)
{
    if (const Result<ServerState> state = driver.state(); state && !state->running)
        err() << "The server is stopped: the change applies when it starts." << Qt::endl;
}
