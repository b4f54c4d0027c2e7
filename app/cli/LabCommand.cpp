#include "LabCommand.h"

#include "InterruptWatcher.h"
#include "local/LocalLab.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <stop_token>

using namespace Qt::StringLiterals;
using namespace mpmlab;

namespace {

void printState(QTextStream &out, const ServerState &state, bool restorePending)
{
    const auto mpmText = [](const std::optional<MpmKind> &kind) {
        return kind ? mpmName(*kind) : u"-"_s;
    };
    out << "Local lab:        " << (state.running ? "running" : "stopped") << '\n';
    if (state.running) {
        out << "Running MPM:      " << mpmText(state.runningMpm) << '\n';
        out << "PID:              " << state.pid << '\n';
        out << "Server:           " << state.serverVersion << '\n';
    }
    out << "Configured MPM:   " << mpmText(state.configuredMpm) << '\n';
    out << "URL:              " << state.baseUrl() << '\n';
    if (state.memoryLimitKib) {
        out << "Memory limit:     " << *state.memoryLimitKib
            << " KiB (ulimit -v; `mpmlab-cli server memory-limit none --target local` removes "
               "it)\n";
    }
    out << "Lab directory:    " << state.configRoot << '\n';
    if (!state.owner.isEmpty())
        out << "In use by:        " << state.owner << '\n';
    out << "Restore pending:  " << (restorePending ? "yes" : "no") << '\n';
    for (const QString &problem : state.problems)
        out << "Problem:          " << problem << '\n';
    out.flush();
}

} // namespace

QString LabCommand::name() const { return u"lab"_s; }

QString LabCommand::summary() const
{
    return u"Start, stop, inspect the local lab or switch its MPM"_s;
}

int LabCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Control the local lab: a private Apache httpd on 127.0.0.1 that runs under your own "
        "account.\n\n"
        "  start            start it (a new lab: port 18080, or the next free one)\n"
        "  stop             stop it and every process it left, and wait until they are gone\n"
        "  status           running or not, the MPM mod_status reports, and whatever does not\n"
        "                   agree (exit 3 if stopped)\n"
        "  set-mpm MPM      switch to prefork, worker or event (full stop and start); the lab\n"
        "                   keeps it: `server restore` does not undo it\n\n"
        "One command at a time changes a lab: another one is refused (exit 5), naming the\n"
        "command that owns the lab, unless --wait. The lab's port never moves unless --port\n"
        "asks: when something else holds it, start fails (exit 5) and names it."_s);
    parser.addHelpOption();
    const QCommandLineOption portOption(u"port"_s, u"Port on 127.0.0.1 (must be free)."_s,
                                        u"port"_s);
    const QCommandLineOption labDirOption(
        u"lab-dir"_s, u"Lab directory (default: %1)."_s.arg(LocalLab::defaultRootDir()), u"dir"_s);
    const QCommandLineOption jsonOption(u"json"_s, u"status: print JSON."_s);
    parser.addOptions({portOption, labDirOption, jsonOption, waitOption()});
    parser.addPositionalArgument(u"action"_s, u"start, stop, status or set-mpm."_s,
                                 u"lab <action>"_s);
    QStringList words;
    if (const std::optional<int> done = parseArguments(parser, arguments, words))
        return *done;
    if (words.isEmpty())
        return usageError(u"lab: missing action (start, stop, status or set-mpm)"_s);

    LabOptions options;
    options.rootDir = parser.value(labDirOption);
    if (parser.isSet(portOption)) {
        bool ok = false;
        const uint port = parser.value(portOption).toUInt(&ok);
        if (!ok || port == 0 || port > 65535)
            return usageError(u"--port must be a number from 1 to 65535"_s);
        options.port = quint16(port);
    }
    const QString action = words.takeFirst();
    std::optional<MpmKind> kind;
    if (action == u"set-mpm" && words.size() == 1) {
        kind = mpmFromName(words.first());
        if (!kind)
            return usageError(
                u"unknown MPM '%1': choose prefork, worker or event"_s.arg(words.first()));
    } else if ((action != u"start" && action != u"stop" && action != u"status")
               || !words.isEmpty()) {
        return usageError(u"lab: unknown action or wrong arguments: %1"_s
                              .arg(QStringList(action).join(u' ') + u' ' + words.join(u' '))
                              .trimmed());
    }

    LocalLab lab(options);
    lab.setProgressHandler([](const QString &step) { err() << step << "…" << Qt::endl; });
    if (action != u"status") {
        // Ctrl+C or SIGTERM ends a wait (for the owner, for readiness) and
        // the lab is put back as it was: exit 9.
        std::stop_source stop;
        InterruptWatcher watcher;
        lab.setStopToken(stop.get_token());
        watcher.watch([&stop] { stop.request_stop(); });
        if (const Result<bool> pending = lab.restorePending(); pending && *pending) {
            err() << "Note: MPM Lab changed this lab earlier and has not restored it yet: "
                     "'mpmlab-cli server restore --target local' puts it back."
                  << Qt::endl;
        }
        const QString purpose =
            u"lab %1"_s.arg(action) + (kind ? u' ' + mpmName(*kind) : QString());
        const Result<ServerLease> owned = ownServer(lab, purpose, parser);
        if (!owned)
            return fail(owned.error());
        const Status done = action == u"start"  ? lab.start()
                            : action == u"stop" ? lab.stop()
                                                : lab.chooseMpm(*kind);
        if (!done) {
            const int code = fail(done.error());
            if (code == Stopped)
                err() << "Stopped; the lab was put back as it was." << Qt::endl;
            return code;
        }
        if (action == u"stop") {
            err() << "Local lab stopped." << Qt::endl;
            return Success;
        }
    }

    const Result<ServerState> state = lab.state();
    if (!state)
        return fail(state.error());
    if (action == u"status" && options.port && *options.port != state->port) {
        // --port picks the port a lab starts on, not which lab is read.
        err() << "Note: this is the lab in " << lab.rootDir() << ", on port " << state->port
              << ", not " << *options.port
              << (parser.isSet(labDirOption)
                      ? u": --port does not move a lab; `lab start --port` does, once stopped"_s
                      : u": --port does not choose a lab; give its --lab-dir (or MPMLAB_LAB_DIR) "
                        "to read another"_s)
              << Qt::endl;
    }
    const Result<bool> pending = lab.restorePending();
    if (!pending)
        return fail(pending.error());
    if (parser.isSet(jsonOption)) {
        QJsonObject json = state->toJson();
        json.insert(u"restorePending"_s, *pending);
        out() << QJsonDocument(json).toJson(QJsonDocument::Indented);
        out().flush();
    } else {
        printState(out(), *state, *pending);
    }
    if (action != u"status")
        return Success;
    return state->running ? Success : NotRunning;
}
