#include "ServerCommand.h"

#include "InterruptWatcher.h"
#include "SshLoginOptions.h"
#include "ssh/RemoteApacheDriver.h"
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
    const Result<ServerState> state = driver.state();
    if (!state)
        return fail(state.error());
    const Result<DirectiveSet> directives = driver.directives();
    if (!directives)
        return fail(directives.error());
    const Result<bool> pending = driver.restorePending();
    if (!pending)
        return fail(pending.error());
    auto *remote = dynamic_cast<RemoteApacheDriver *>(&driver);
    const MpmKind mpm = state->configuredMpm.value_or(MpmKind::Event);
    QStringList perHost;
    if (remote) {
        const Result<QStringList> found = remote->virtualHostDirectives();
        if (!found)
            return fail(found.error());
        perHost = *found;
    }

    if (json) {
        QJsonObject object = state->toJson();
        object.insert(u"directives"_s, directives->toJson());
        object.insert(u"restorePending"_s, *pending);
        if (remote) {
            object.insert(u"layout"_s, remote->layout().toJson());
            object.insert(u"virtualHostDirectives"_s, QJsonArray::fromStringList(perHost));
        }
        out() << QJsonDocument(object).toJson(QJsonDocument::Indented);
    } else {
        out() << label(u"Target"_s) << state->target << '\n';
        if (remote) {
            const ApacheLayout &layout = remote->layout();
            out() << label(u"OS"_s) << layout.osName << '\n';
            out() << label(u"Layout"_s)
                  << (layout.family == ApacheLayout::Family::Debian ? "Debian" : "RHEL") << ", "
                  << layout.configDir << (layout.systemd ? " (systemd)" : "") << '\n';
            out() << label(u"Apache"_s) << layout.apacheVersion << '\n';
            out() << label(u"Listen ports"_s);
            for (const quint16 port : layout.listenPorts)
                out() << port << ' ';
            out() << '\n' << label(u"DocumentRoot"_s) << layout.documentRoot << '\n';
            if (!layout.phpModules.isEmpty())
                out() << label(u"mod_php"_s) << layout.phpModules.join(u", "_s)
                      << " (needs prefork)\n";
        }
        out() << label(u"Server"_s) << (state->running ? "running" : "stopped") << '\n';
        out() << label(u"Configured MPM"_s) << mpmText(state->configuredMpm) << '\n';
        out() << label(u"Running MPM"_s) << mpmText(state->runningMpm) << '\n';
        out() << label(u"Memory limit"_s)
              << (state->memoryLimitKib ? u"%1 KiB (ulimit -v)"_s.arg(*state->memoryLimitKib)
                                        : u"none"_s)
              << '\n';
        for (const QString &name : DirectiveSet::knownNames()) {
            if (!DirectiveSet::appliesTo(name, mpm))
                continue;
            const std::optional<QString> set = directives->value(name);
            const std::optional<QString> fallback = DirectiveSet::compiledDefault(name, mpm);
            out() << label(name)
                  << (set        ? *set
                      : fallback ? u"%1 (default)"_s.arg(*fallback)
                                 : u"-"_s)
                  << '\n';
        }
        for (const QString &setting : std::as_const(perHost))
            out() << label(u"Virtual host"_s) << setting << '\n';
        if (!state->owner.isEmpty())
            out() << label(u"In use by"_s) << state->owner << '\n';
        out() << label(u"Restore pending"_s) << (*pending ? "yes" : "no") << '\n';
        for (const QString &problem : state->problems)
            out() << label(u"Problem"_s) << problem << '\n';
    }
    out().flush();
    if (!forStatus)
        return Success;
    return state->running ? Success : NotRunning;
}

int ServerCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Control an Apache httpd: a real server over SSH, or the local lab.\n\n"
        "  status               layout, versions, MPM configured and running, directives\n"
        "  set-mpm MPM          switch to prefork, worker or event (full stop and start)\n"
        "  set NAME=VALUE...    set directives (KeepAlive, MaxRequestWorkers, ...)\n"
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
    parser.addOptions(
        {targetOption, labDirOption, jsonOption, pageSizeOption, largeSizeOption, waitOption()});
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
        const Result<DirectiveSet> changes =
            DirectiveSet::fromAssignments(words, state->configuredMpm.value_or(MpmKind::Event));
        if (!changes)
            return fail(changes.error());
        const Result<QStringList> warnings = driver->setDirectives(*changes);
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
