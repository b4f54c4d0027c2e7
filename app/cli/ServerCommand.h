#pragma once

#include "CliCommand.h"

#include <memory>

class QCommandLineParser;

namespace mpmlab {
struct DirectiveReading;
class ServerDriver;
class Target;
struct Error;
} // namespace mpmlab

// `mpmlab-cli server status|set-mpm MPM|set NAME=VALUE...|memory-limit KIB|none
//  |test-files|restore --target ssh://user@host[:port]|local [options]`:
// the same verbs on a real server over SSH and on the local lab.
class ServerCommand final : public CliCommand {
public:
    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString summary() const override;
    int run(const QStringList &arguments) override;

private:
    // --target, opened (connected, detected); or the error to report.
    static std::unique_ptr<mpmlab::Target> openTarget(const QCommandLineParser &parser,
                                                      mpmlab::Error *error);
    // The status; its exit code when `forStatus` (3: not running), else
    // Success: what a changing action prints afterwards.
    static int printStatus(mpmlab::ServerDriver &driver, bool json, bool forStatus);
    // "150 (mods-enabled/mpm_event.conf)", "400 (Apache uses 375) (MPM Lab)".
    static QString readingText(const mpmlab::DirectiveReading &reading);
    // fail(), saying what a Ctrl+C left (exit 9: rolled back).
    static int failChange(const mpmlab::Error &error);
    static void noteStopped(mpmlab::ServerDriver &driver);
};
