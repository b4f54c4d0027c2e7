#pragma once

#include "CliCommand.h"

// `mpmlab-cli monitor --target local [--lab-dir DIR] [--interval MS]
//  [--csv FILE] [--duration S] [--fetcher NAME] [--smaps-per-frame N]`:
// samples the server live, one line per sample on stdout, CSV to a file.
class MonitorCommand final : public CliCommand {
public:
    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString summary() const override;
    int run(const QStringList &arguments) override;
};
