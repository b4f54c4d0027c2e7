#include "RemoteApacheConfig.h"

#include "apache/ConfigReading.h"
#include "remote/RemoteShell.h"
#include "remote/ShellQuote.h"

using namespace Qt::StringLiterals;

namespace mpmlab {

RemoteApacheConfig::RemoteApacheConfig(RemoteShell &shell, const ApacheLayout &layout)
    : m_shell(shell)
    , m_layout(layout)
{
}

Result<QByteArray> RemoteApacheConfig::asApacheReadsIt()
{
    // mod_info sits beside mod_status in every package's module directory.
    QString infoModule = m_layout.statusModuleFile;
    infoModule.replace(u"mod_status.so"_s, u"mod_info.so"_s);
    const bool debian = m_layout.family == ApacheLayout::Family::Debian;
    const QString command = m_layout.environmentPrefix() % (debian ? u"apache2ctl"_s : u"httpd"_s)
                            % u" -t -D DUMP_CONFIG -C "_s
                            % shellQuote(u"LoadModule info_module "_s + infoModule)
                            % u" 2>/dev/null"_s;
    const Result<ProcessOutput> dumped = m_shell.runAsRoot(command);
    if (!dumped)
        return dumped.error();
    if (!dumped->succeeded() || !dumped->standardOutput.contains("# In file: "))
        return QByteArray();
    return dumped->standardOutput;
}

Result<QByteArray> RemoteApacheConfig::files(MpmKind mpm, bool withSites)
{
    const QString dir = shellQuote(m_layout.configDir);
    const QString list =
        m_layout.family == ApacheLayout::Family::Debian
            ? u"%1/apache2.conf %1/mods-enabled/mpm_%2.conf %1/conf-enabled/*.conf"_s.arg(
                  dir, mpmName(mpm))
                  + (withSites ? u" %1/sites-enabled/*.conf"_s.arg(dir) : QString())
            : u"%1/conf/httpd.conf %1/conf.modules.d/*.conf %1/conf.d/*.conf"_s.arg(dir);
    const Result<ProcessOutput> text = m_shell.runAsRoot(
        u"for f in "_s % list
        % u"; do [ -f \"$f\" ] && { echo \"# In file: $f\"; cat \"$f\"; echo; }; done; true"_s);
    if (!text)
        return text.error();
    return text->standardOutput;
}

Result<QByteArray> RemoteApacheConfig::configText(MpmKind mpm, bool withSites)
{
    Result<QByteArray> config = asApacheReadsIt();
    if (config && config->isEmpty())
        config = files(mpm, withSites);
    return config;
}

Result<DirectiveSet> RemoteApacheConfig::directives(MpmKind mpm)
{
    const Result<QByteArray> config = configText(mpm, false);
    if (!config)
        return config.error();
    return effectiveDirectives({*config}, mpm);
}

Result<QStringList> RemoteApacheConfig::virtualHostDirectives()
{
    const Result<QByteArray> config =
        configText(m_layout.configuredMpm.value_or(MpmKind::Event), true);
    if (!config)
        return config.error();
    return mpmlab::virtualHostDirectives({*config});
}

Result<QList<DirectiveReading>> RemoteApacheConfig::readings(MpmKind mpm,
                                                             const QStringList &apacheLines)
{
    const Result<QByteArray> config = configText(mpm, true);
    if (!config)
        return config.error();
    const Result<ManagedOverride> managed = managedOverride();
    if (!managed)
        return managed.error();
    return readDirectives(splitConfigDump(*config), mpm, m_layout.overridePath(), *managed,
                          apacheLines);
}

Result<ManagedOverride> RemoteApacheConfig::managedOverride()
{
    const Result<ProcessOutput> text = m_shell.runAsRoot(
        u"if [ -f %1 ]; then cat %1; fi"_s.arg(shellQuote(m_layout.overridePath())));
    if (!text)
        return text.error();
    return ManagedOverride::parse(text->standardOutput);
}

Status RemoteApacheConfig::editOverride(const std::function<void(ManagedOverride &)> &edit)
{
    Result<ManagedOverride> override = managedOverride();
    if (!override)
        return override.error();
    edit(override.value());
    return m_shell.uploadAsRoot(m_layout.overridePath(), override->render());
}

} // namespace mpmlab
