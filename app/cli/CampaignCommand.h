#pragma once

#include "CliCommand.h"

// `mpmlab-cli campaign --scenario ID|FILE|all [--target ...] [--mpms ...]
// [--repeat N] [--scale F] [--out DIR]`: runs a scenario on every MPM in
// turn, prints a live progress line, then the summary table and the
// verdicts, and writes the campaign's files: campaign.json, CSV, the text
// and HTML reports, the charts (drawn off screen by the window's widgets).
class CampaignCommand final : public CliCommand {
public:
    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString summary() const override;
    int run(const QStringList &arguments) override;
};
