#pragma once

#include "MpmKind.h"

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

namespace mpmlab {

// One directive MPM Lab manages, as a server's configuration sets it for
// the MPM it loads: its value, where that value comes from, what Apache
// really uses (it lowers or raises some values without failing configtest)
// and the virtual hosts that keep a value of their own. A value type: it
// crosses threads (driver -> window) and goes to JSON for scripts.
struct DirectiveReading {
    enum class Source {
        CompiledDefault, // no file sets it: Apache's built-in value
        Distribution,    // Debian's stock file with Debian's packaged value
        ServerConfig,    // the server's own files: values someone set
        Managed,         // MPM Lab's managed file (the local lab: its lab.json)
    };

    QString name;
    // As Apache reads it; for CompiledDefault the built-in value, empty
    // when Apache has none of its own (ThreadStackSize: the system's).
    QString value;
    Source source = Source::CompiledDefault;
    QString file; // the file that sets it last; empty for CompiledDefault
    // An MPM's own directive (MaxRequestWorkers, ThreadsPerChild...): each
    // MPM reads its own value, so a switch may change it.
    bool perMpm = false;
    // What MPM Lab's managed file sets in each MPM's section (perMpm only).
    QMap<MpmKind, QString> managedPerMpm;
    // What Apache uses instead of `value` when it adjusts it; empty: `value`.
    QString usedValue;
    // Why it is adjusted (MPM Lab's reading of the rules, and Apache's own
    // configtest lines that name this directive).
    QStringList warnings;
    // "15 in <VirtualHost *:80>": connections to those hosts use that value.
    QStringList virtualHosts;

    [[nodiscard]] QString effectiveValue() const { return usedValue.isEmpty() ? value : usedValue; }
    // "default", "distribution", "server" or "mpmlab", as in JSON.
    [[nodiscard]] static QString sourceName(Source source);
    [[nodiscard]] QJsonObject toJson() const;
};

} // namespace mpmlab
