#pragma once

#include "LocalizedText.h"
#include "apache/DirectiveSet.h"
#include "apache/ServerProfile.h"
#include "apache/TestFilesSpec.h"
#include "common/JsonFields.h"

#include <QJsonObject>
#include <QMap>
#include <optional>

namespace mpmlab {

// The server side of a scenario: directives for every MPM, directives for
// one MPM only (MaxRequestWorkers 50 for prefork, 100 for the threaded
// ones), a memory limit, and the test files the load requests.
struct ScenarioServer {
    DirectiveSet directives;
    QMap<MpmKind, DirectiveSet> perMpm;
    std::optional<qint64> memoryLimitKib;
    TestFilesSpec files;

    static Result<ScenarioServer> fromJson(const JsonFields &fields);
    [[nodiscard]] QJsonObject toJson() const;

    // What a campaign applies for `mpm`: the common directives, then that
    // MPM's own over them, and the memory limit.
    [[nodiscard]] ServerProfile profileFor(MpmKind mpm) const;
    // "KeepAlive On, KeepAliveTimeout 5; prefork: MaxRequestWorkers 50;
    // ulimit -v 500,000 KiB", or "the server's own settings", in both languages.
    [[nodiscard]] LocalizedText describe() const;
};

} // namespace mpmlab
