#pragma once

#include "apache/ApacheLayout.h"
#include "apache/DirectiveSet.h"
#include "apache/ManagedOverride.h"
#include "common/Result.h"

#include <QByteArray>
#include <QStringList>
#include <functional>

namespace mpmlab {

class RemoteShell;

// Reading a remote Apache's configuration, and MPM Lab's managed override
// file in it. Values come from Apache's own reading of its config when it
// can give one, else from the files as MPM Lab reads them. A cheap value:
// make one where needed.
class RemoteApacheConfig {
public:
    RemoteApacheConfig(RemoteShell &shell, const ApacheLayout &layout);

    // The managed directives' values for a server running `mpm`.
    Result<DirectiveSet> directives(MpmKind mpm);
    // Managed directives that <VirtualHost> blocks set for themselves
    // ("KeepAliveTimeout 15 in <VirtualHost *:80>").
    Result<QStringList> virtualHostDirectives();

    // Reads the managed override (empty when absent), lets `edit` change
    // it and writes it back atomically.
    Status editOverride(const std::function<void(ManagedOverride &)> &edit);

private:
    // Apache's own reading (mod_info's DUMP_CONFIG, the module loaded for
    // this one check with -C): includes resolved, <IfModule> and <IfDefine>
    // decided. Empty when Apache cannot give it (no mod_info).
    Result<QByteArray> asApacheReadsIt();
    // The config files in Apache's reading order, the managed override
    // among the last; with the enabled sites when `withSites`.
    Result<QByteArray> files(MpmKind mpm, bool withSites);

    RemoteShell &m_shell;
    const ApacheLayout &m_layout;
};

} // namespace mpmlab
