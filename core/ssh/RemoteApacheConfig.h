#pragma once

#include "apache/ApacheLayout.h"
#include "apache/DirectiveReading.h"
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

    // Every managed directive that applies to `mpm`, with the file it comes
    // from, and `apacheLines` (configtest's) beside the ones they name.
    Result<QList<DirectiveReading>> readings(MpmKind mpm, const QStringList &apacheLines);

    // MPM Lab's managed override as it is on the server (empty when absent).
    Result<ManagedOverride> managedOverride();
    // Reads the managed override (empty when absent), lets `edit` change
    // it and writes it back atomically.
    Status editOverride(const std::function<void(ManagedOverride &)> &edit);

private:
    // Apache's own reading (mod_info's DUMP_CONFIG, the module loaded for
    // this one check with -C): includes resolved, <IfModule> and <IfDefine>
    // decided. Empty when Apache cannot give it (no mod_info).
    Result<QByteArray> asApacheReadsIt();
    // The config files in Apache's reading order, the managed override
    // among the last; with the enabled sites when `withSites`. Each file
    // follows a "# In file: PATH" line, as in Apache's own dump.
    Result<QByteArray> files(MpmKind mpm, bool withSites);
    // Apache's reading if it gives one, else the files.
    Result<QByteArray> configText(MpmKind mpm, bool withSites);

    RemoteShell &m_shell;
    const ApacheLayout &m_layout;
};

} // namespace mpmlab
