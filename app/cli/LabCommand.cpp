#include "LabCommand.h"

#include "local/LocalLab.h"

#include <QCommandLineParser>
#include <QJsonDocument>

using namespace Qt::StringLiterals;
using namespace mpmlab;

namespace {

void printState(QTextStream &out, const ServerState &state)
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
    out << "Lab directory:    " << state.configRoot << Qt::endl;
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
        "  start            start it (default port 18080, or the next free one)\n"
        "  stop             stop it and wait until it is gone\n"
        "  status           running or not, and the MPM mod_status reports (exit 3 if stopped)\n"
        "  set-mpm MPM      switch to prefork, worker or event (full stop and start)"_s);
    parser.addHelpOption();
    const QCommandLineOption portOption(u"port"_s, u"Port on 127.0.0.1 (must be free)."_s,
                                        u"port"_s);
    const QCommandLineOption labDirOption(
        u"lab-dir"_s, u"Lab directory (default: %1)."_s.arg(LocalLab::defaultRootDir()), u"dir"_s);
    const QCommandLineOption jsonOption(u"json"_s, u"status: print JSON."_s);
    parser.addOptions({portOption, labDirOption, jsonOption});
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
    LocalLab lab(options);
    lab.setProgressHandler([](const QString &step) { err() << step << "…" << Qt::endl; });

    const QString action = words.takeFirst();
    const auto expectWords = [&](qsizetype count) { return words.size() == count; };
    if (action == u"start" && expectWords(0)) {
        if (const Status started = lab.start(); !started)
            return fail(started.error());
    } else if (action == u"stop" && expectWords(0)) {
        if (const Status stopped = lab.stop(); !stopped)
            return fail(stopped.error());
        err() << "Local lab stopped." << Qt::endl;
        return Success;
    } else if (action == u"set-mpm" && expectWords(1)) {
        const std::optional<MpmKind> kind = mpmFromName(words.first());
        if (!kind)
            return usageError(
                u"unknown MPM '%1': choose prefork, worker or event"_s.arg(words.first()));
        if (const Status switched = lab.switchMpm(*kind); !switched)
            return fail(switched.error());
    } else if (action != u"status" || !expectWords(0)) {
        return usageError(u"lab: unknown action or wrong arguments: %1"_s
                              .arg(QStringList(action).join(u' ') + u' ' + words.join(u' '))
                              .trimmed());
    }

    const Result<ServerState> state = lab.state();
    if (!state)
        return fail(state.error());
    if (parser.isSet(jsonOption))
        out() << QJsonDocument(state->toJson()).toJson(QJsonDocument::Indented);
    else
        printState(out(), *state);
    out().flush();
    return state->running ? Success : NotRunning;
}
