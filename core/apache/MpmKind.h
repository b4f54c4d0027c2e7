#pragma once

#include <QString>
#include <QStringView>
#include <array>
#include <optional>

namespace mpmlab {

// Apache httpd's three Unix Multi-Processing Modules.
enum class MpmKind {
    Prefork, // one single-threaded process per connection
    Worker,  // processes of threads, a thread per connection
    Event,   // like worker, plus a listener thread that parks idle keep-alive connections
};

inline constexpr std::array<MpmKind, 3> allMpmKinds{MpmKind::Prefork, MpmKind::Worker,
                                                    MpmKind::Event};

// "prefork", "worker", "event": the names Apache uses (ServerMPM, mpm_NAME).
QString mpmName(MpmKind kind);
// Accepts Apache's names in any case, with or without the "mpm_" prefix.
std::optional<MpmKind> mpmFromName(QStringView name);
// The MPM an <IfModule> test names ("mpm_event_module", "mod_mpm_event.c",
// negated or not), if it names one.
std::optional<MpmKind> mpmOfModule(QStringView module);

} // namespace mpmlab
