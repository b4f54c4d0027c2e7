#pragma once

#include "CliCommand.h"

// `mpmlab-cli lab start|stop|status|set-mpm MPM [--port P] [--lab-dir DIR] [--json]`
class LabCommand final : public CliCommand {
public:
    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString summary() const override;
    int run(const QStringList &arguments) override;
};
