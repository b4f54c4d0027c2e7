#pragma once

#include "CliCommand.h"

// `mpmlab-cli scenarios [--json]`: the built-in scenarios, one line each,
// or their whole definitions as JSON (the scenario file format).
class ScenariosCommand final : public CliCommand {
public:
    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString summary() const override;
    int run(const QStringList &arguments) override;
};
