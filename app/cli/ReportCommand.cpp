#include "ReportCommand.h"

#include "ReportCharts.h"
#include "UiLanguage.h"
#include "results/CampaignFile.h"
#include "results/TextReport.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;
using namespace mpmlab;

QString ReportCommand::name() const { return u"report"_s; }

QString ReportCommand::summary() const
{
    return u"Write a saved campaign's report again: CSV, charts, HTML (e.g. in French)"_s;
}

int ReportCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Read a campaign.json and write its files into --out (default: the file's folder): "
        "the series as CSV, report.txt, the charts as PNG and SVG and report.html. Prints the "
        "text report."_s);
    parser.addHelpOption();
    const QCommandLineOption outOption(u"out"_s, u"Directory for the files."_s, u"dir"_s);
    const QCommandLineOption langOption(u"lang"_s, u"Language of the reports: en or fr."_s,
                                        u"language"_s, u"en"_s);
    parser.addOptions({outOption, langOption});
    parser.addPositionalArgument(u"file"_s, u"A campaign.json."_s, u"report <file>"_s);
    QStringList words;
    if (const std::optional<int> done = parseArguments(parser, arguments, words))
        return *done;
    if (words.size() != 1)
        return usageError(u"report: give one campaign.json"_s);
    const Result<CampaignResult> campaign = CampaignFile::load(words.first());
    if (!campaign)
        return fail(campaign.error());
    const QString directory =
        parser.isSet(outOption) ? parser.value(outOption) : QFileInfo(words.first()).absolutePath();
    if (!QDir().mkpath(directory)) {
        return fail(
            Error{Error::Kind::Io, u"cannot create the output directory %1"_s.arg(directory), {}});
    }
    const QString language = UiLanguage::install(parser.value(langOption));
    if (Status written = ReportCharts::writeAll(*campaign, directory, language); !written)
        return fail(written.error());
    out() << TextReport::render(*campaign, language) << Qt::endl;
    err() << "Files in " << QDir(directory).absolutePath() << Qt::endl;
    return Success;
}
