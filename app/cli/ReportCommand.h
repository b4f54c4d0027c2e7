#pragma once

#include "CliCommand.h"

// `mpmlab-cli report campaign.json [--out DIR] [--lang fr]`: the files of a
// saved campaign written again (CSV, text and HTML reports, charts), e.g.
// in French for a class, or after an upgrade of MPM Lab.
class ReportCommand final : public CliCommand {
public:
    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString summary() const override;
    int run(const QStringList &arguments) override;
};
