#pragma once

#include "apache/ManagedOverride.h"
#include "apache/MpmKind.h"
#include "common/Result.h"

#include <QString>
#include <optional>

namespace mpmlab {

// What the user chose for the local lab, kept in LAB_DIR/lab.json so that
// `mpmlab-cli lab start` after `set-mpm worker` starts worker again.
struct LabSettings {
    static constexpr quint16 defaultPort = 18080;

    quint16 port = defaultPort;
    MpmKind mpm = MpmKind::Event; // Debian's default MPM
    // Directives set with `server set --target local`, over Debian's values.
    ManagedOverride directives{};
    // `server memory-limit --target local`: ulimit -v (KiB) for Apache.
    std::optional<qint64> memoryLimitKib{};

    // Missing file: defaults. Unreadable or malformed file: an error naming it.
    static Result<LabSettings> load(const QString &path);
    Status save(const QString &path) const;
    // lab.json's text, and back (`origin` names it in errors).
    [[nodiscard]] QByteArray toJson() const;
    static Result<LabSettings> fromJson(const QByteArray &json, const QString &origin);
};

} // namespace mpmlab
