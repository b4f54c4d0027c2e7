#pragma once

#include "common/Result.h"

#include <QString>

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
    // The lab directory and its conf, htdocs, logs and run directories;
    // those it creates are 0755 whatever the umask.
    [[nodiscard]] static Status createDirectories(const QString &rootDir);

    // Whether MPM Lab may write into `rootDir`: a directory that does not
    // exist or is empty, or a lab already (lab.json, its lock file, or the
    // httpd.conf it generates). InvalidInput otherwise: other files are
    // never overwritten.
    [[nodiscard]] static Status checkIsLab(const QString &rootDir);
};

} // namespace mpmlab
