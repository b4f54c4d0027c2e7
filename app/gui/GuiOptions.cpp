#include "GuiOptions.h"

#include "scenario/CampaignOptions.h"
#include "targets/SshLoginArguments.h"

#include <QCommandLineParser>
#include <QCoreApplication>

using namespace Qt::StringLiterals;
using namespace mpmlab;

Result<GuiOptions> GuiOptions::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"MPM Lab: see how Apache httpd's MPMs behave under load. Without options it opens on "
        "the local lab (a private Apache on 127.0.0.1)."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption lang(u"lang"_s, u"User interface language: fr or en."_s,
                                  u"language"_s);
    const QCommandLineOption target(u"target"_s, u"local (default) or ssh://user@host[:port]."_s,
                                    u"target"_s, u"local"_s);
    const QCommandLineOption labDir(u"lab-dir"_s, u"Directory of the local lab."_s, u"dir"_s);
    const QCommandLineOption port(u"port"_s, u"Port of the local lab on 127.0.0.1."_s, u"port"_s);
    const QCommandLineOption startServer(QStringList{u"start-server"_s, u"start-lab"_s},
                                         u"Start the server when the window opens."_s);
    const QCommandLineOption open(u"open"_s, u"Show a saved campaign (campaign.json)."_s,
                                  u"file"_s);
    const QCommandLineOption scenario(u"scenario"_s,
                                      u"Select a scenario: a built-in id or a file."_s, u"id"_s);
    const QCommandLineOption scale(u"scale"_s, u"The scale of the selected scenario."_s,
                                   u"factor"_s);
    const QCommandLineOption run(u"run"_s, u"Run the selected scenario at once."_s);
    const QCommandLineOption screenshot(
        u"screenshot"_s,
        u"Save a PNG of the window when it is ready (the server's state shown, the campaign "
        "opened, or the run done), then quit."_s,
        u"file"_s);
    const QCommandLineOption presentation(u"presentation"_s,
                                          u"Large fonts and thick lines, for a projector."_s);
    const QCommandLineOption panel(u"panel"_s,
                                   u"The panel shown on the left: experiment (default) or "
                                   "server."_s,
                                   u"panel"_s, u"experiment"_s);
    parser.addOptions({lang, target, labDir, port, startServer, open, scenario, scale, run,
                       screenshot, presentation, panel});
    parser.addOptions(SshLoginArguments::options());
    parser.process(arguments);

    GuiOptions options;
    const Result<SshLoginArguments::Parsed> login =
        SshLoginArguments::read(parser, parser.value(target), parser.value(labDir));
    if (!login)
        return login.error();
    options.target = login->spec;
    // The window asks for a password when the server wants one:
    // --ask-password only picks that way of logging in.
    if (login->askPassword)
        options.target.ssh.credentials.useAgent = false;
    if (parser.isSet(port)) {
        bool ok = false;
        const uint value = parser.value(port).toUInt(&ok);
        if (!ok || value == 0 || value > 65535)
            return Error{
                Error::Kind::InvalidInput, u"--port must be a number from 1 to 65535"_s, {}};
        options.target.lab.port = quint16(value);
    }
    options.language = parser.value(lang);
    options.startServer = parser.isSet(startServer);
    options.openPath = parser.value(open);
    options.scenario = parser.value(scenario);
    if (parser.isSet(scale)) {
        bool ok = false;
        options.scale = parser.value(scale).toDouble(&ok);
        if (!ok || *options.scale < CampaignOptions::minScale
            || *options.scale > CampaignOptions::maxScale) {
            return Error{Error::Kind::InvalidInput,
                         u"--scale must be a number from %1 to %2"_s.arg(CampaignOptions::minScale)
                             .arg(CampaignOptions::maxScale),
                         {}};
        }
    }
    options.run = parser.isSet(run);
    options.screenshot = parser.value(screenshot);
    options.presentation = parser.isSet(presentation);
    if (parser.value(panel) != u"experiment" && parser.value(panel) != u"server")
        return Error{Error::Kind::InvalidInput, u"--panel must be experiment or server"_s, {}};
    options.serverPanel = parser.value(panel) == u"server";
    if (options.run && !options.openPath.isEmpty())
        return Error{Error::Kind::InvalidInput, u"--run and --open do not go together"_s, {}};
    return options;
}
