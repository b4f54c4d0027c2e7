#pragma once

#include "common/Result.h"

namespace mpmlab {

struct LabConfig;

// The local lab's files on disk: its directories (conf, htdocs, logs, run),
// readable by the account that serves the pages, the 1 KiB test page and
// the rendered httpd.conf.
class LabTree {
public:
    // Creates what is missing and writes the config of `config`; refuses a
    // lab directory that the serving account cannot reach.
    [[nodiscard]] static Status prepare(const LabConfig &config);
};

} // namespace mpmlab
