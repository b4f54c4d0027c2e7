#pragma once

#include "CliCommand.h"

// `mpmlab-cli load URL [-n N] [-c C] [-t S] [-k] ...`: the native load
// engine with ab's options and ab's report (see --help).
class LoadCommand final : public CliCommand {
public:
    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString summary() const override;
    int run(const QStringList &arguments) override;
};
