#include "ScenariosCommand.h"

#include "scenario/ScenarioLibrary.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;
using namespace mpmlab;

QString ScenariosCommand::name() const { return u"scenarios"_s; }

QString ScenariosCommand::summary() const
{
    return u"List the built-in scenarios (the course's experiments and MPM Lab's own)"_s;
}

int ScenariosCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"List the built-in scenarios: id, what is done, what the course expects. Their ids "
        "are stable. --json prints their whole definitions, in the scenario file format: a "
        "model for your own (run one with 'mpmlab-cli campaign --scenario FILE')."_s);
    parser.addHelpOption();
    const QCommandLineOption jsonOption(u"json"_s, u"Print the full definitions as JSON."_s);
    const QCommandLineOption langOption(u"lang"_s, u"Language of the texts: en or fr."_s,
                                        u"language"_s, u"en"_s);
    parser.addOptions({jsonOption, langOption});
    QStringList words;
    if (const std::optional<int> done = parseArguments(parser, arguments, words))
        return *done;
    if (!words.isEmpty())
        return usageError(u"scenarios: unexpected argument '%1'"_s.arg(words.first()));

    const QList<Scenario> scenarios = ScenarioLibrary::builtIns();
    if (parser.isSet(jsonOption)) {
        QJsonArray list;
        for (const Scenario &scenario : scenarios)
            list.append(scenario.toJson());
        out() << QJsonDocument(list).toJson(QJsonDocument::Indented);
        out().flush();
        return Success;
    }
    const QString language = parser.value(langOption);
    qsizetype width = 0;
    for (const Scenario &scenario : scenarios)
        width = std::max(width, scenario.id.size());
    for (const Scenario &scenario : scenarios) {
        out() << scenario.id.leftJustified(width + 2) << scenario.name.in(language) << ": "
              << scenario.load.describe().in(language) << '\n'
              << QString().leftJustified(width + 2) << "  "
              << (language.startsWith(u"fr") ? u"attendu : "_s : u"expected: "_s)
              << scenario.expectation.in(language) << '\n';
    }
    out().flush();
    return Success;
}
