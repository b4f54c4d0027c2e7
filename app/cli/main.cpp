#include "CampaignCommand.h"
#include "LabCommand.h"
#include "LoadCommand.h"
#include "MonitorCommand.h"
#include "ReportCommand.h"
#include "ScenariosCommand.h"
#include "ServerCommand.h"

#include <QApplication>
#include <QCoreApplication>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

QString usage(const std::vector<std::unique_ptr<CliCommand>> &commands)
{
    QString text = u"Usage: mpmlab-cli <command> [options]\n\n"
                   "MPM Lab from the command line: the same core as the mpmlab window.\n\n"
                   "Commands:\n"_s;
    for (const auto &command : commands)
        text += u"  %1  %2\n"_s.arg(command->name().leftJustified(10), command->summary());
    text += u"\nOptions:\n  -h, --help     Show this help.\n  -v, --version  Show the version.\n"
            "\n'mpmlab-cli <command> --help' describes a command.\n"_s;
    return text;
}

// Verbs that draw charts (off screen, with the window's widgets) need a
// QApplication; the others need no display.
bool drawsCharts(int argc, char *argv[])
{
    return argc > 1 && (qstrcmp(argv[1], "campaign") == 0 || qstrcmp(argv[1], "report") == 0);
}

} // namespace

int main(int argc, char *argv[])
{
    std::unique_ptr<QCoreApplication> application;
    if (drawsCharts(argc, argv)) {
        // The same pictures whatever the user's display: drawn off screen.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        application = std::make_unique<QApplication>(argc, argv);
    } else {
        application = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(u"mpmlab-cli"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(MPMLAB_VERSION));
    QCoreApplication::setOrganizationName(u"mpmlab"_s);

    std::vector<std::unique_ptr<CliCommand>> commands;
    commands.push_back(std::make_unique<LabCommand>());
    commands.push_back(std::make_unique<ServerCommand>());
    commands.push_back(std::make_unique<LoadCommand>());
    commands.push_back(std::make_unique<MonitorCommand>());
    commands.push_back(std::make_unique<ScenariosCommand>());
    commands.push_back(std::make_unique<CampaignCommand>());
    commands.push_back(std::make_unique<ReportCommand>());

    const QStringList arguments = QCoreApplication::arguments();
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (arguments.size() < 2) {
        err << usage(commands);
        return UsageError;
    }
    const QString first = arguments.at(1);
    if (first == u"-h" || first == u"--help" || first == u"help") {
        out << usage(commands);
        return Success;
    }
    if (first == u"-v" || first == u"--version") {
        out << "mpmlab-cli " << QCoreApplication::applicationVersion() << Qt::endl;
        return Success;
    }
    for (const auto &command : commands) {
        if (command->name() == first)
            return CliCommand::withOutputChecked(command->run(arguments));
    }
    err << "mpmlab-cli: unknown command '" << first << "'\n\n" << usage(commands);
    return UsageError;
}
