#pragma once

#include "CliCommand.h"
#include "common/Result.h"

namespace mpmlab {
struct CampaignResult;
}

// `mpmlab-cli campaign --scenario ID|FILE|all [--target ...] [--mpms ...]
// [--repeat N] [--scale F] [--out DIR]`: runs a scenario on every MPM in
// turn, prints a live progress line, then the summary table and the
// verdicts, and writes campaign.json, the series as CSV and report.txt.
class CampaignCommand final : public CliCommand {
public:
    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString summary() const override;
    int run(const QStringList &arguments) override;

private:
    // Writes the campaign's files into `directory`; the first error, if any.
    static mpmlab::Status writeFiles(const mpmlab::CampaignResult &campaign,
                                     const QString &directory, const QString &language);
};
