#include "ApacheLayout.h"

#include "remote/ShellQuote.h"

#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace mpmlab {

QString ApacheLayout::overridePath() const
{
    return family == Family::Debian ? configDir + u"/conf-enabled/zz-mpmlab.conf"_s
                                    : configDir + u"/conf.d/zz-mpmlab.conf"_s;
}

QString ApacheLayout::mpmConfigPath(MpmKind mpm) const
{
    return family == Family::Debian ? configDir + u"/mods-enabled/mpm_%1.conf"_s.arg(mpmName(mpm))
                                    : configDir + u"/conf.modules.d/00-mpm.conf"_s;
}

QString ApacheLayout::mainConfigPath() const
{
    return family == Family::Debian ? configDir + u"/apache2.conf"_s
                                    : configDir + u"/conf/httpd.conf"_s;
}

QString ApacheLayout::environmentPrefix() const
{
    if (family != Family::Debian)
        return {};
    return u"APACHE_CONFDIR="_s % shellQuote(configDir) % u"; export APACHE_CONFDIR; "_s;
}

QString ApacheLayout::memoryLimitPath() const
{
    if (family == Family::Debian)
        return configDir + u"/envvars"_s;
    return systemd ? u"/etc/systemd/system/httpd.service.d/zz-mpmlab.conf"_s
                   : configDir + u"/conf.d/zz-mpmlab.memory-limit"_s;
}

QString ApacheLayout::memoryLimitStartPrefix() const
{
    if (family == Family::Debian || systemd)
        return {};
    return u"L=$(sed -n 's/^\\([0-9]\\{1,12\\}\\)$/\\1/p' "_s % shellQuote(memoryLimitPath())
           % u" 2>/dev/null); if [ -n \"$L\" ]; then ulimit -v \"$L\" || exit 1; fi; "_s;
}

quint16 ApacheLayout::statusPort() const
{
    return listenPorts.isEmpty() ? quint16(80) : listenPorts.first();
}

bool ApacheLayout::configuresStatusPage() const
{
    return statusHandler && loadedModules.contains(u"status_module"_s);
}

QString ApacheLayout::detectionScript(const QString &configDir)
{
    // One round trip: every fact as key=value. Values come from the server
    // and are parsed, never executed.
    QString script = u"C="_s % shellQuote(configDir) % u"\n"_s;
    script += uR"SH(
[ -r /etc/os-release ] && (. /etc/os-release; echo "os=$PRETTY_NAME")
[ -d /run/systemd/system ] && echo systemd=1
if [ -z "$C" ]; then
  if [ -f /etc/apache2/apache2.conf ]; then C=/etc/apache2; elif [ -f /etc/httpd/conf/httpd.conf ]; then C=/etc/httpd; fi
fi
if [ -f "$C/apache2.conf" ]; then
  echo family=debian; echo confdir=$C
  APACHE_CONFDIR=$C; export APACHE_CONFDIR
  (. "$C/envvars"; echo "pidfile=$APACHE_PID_FILE"; echo "errorlog=$APACHE_LOG_DIR/error.log")
  for f in "$C"/mods-enabled/mpm_*.load; do [ -e "$f" ] && echo "mpm=$(basename "$f" .load)"; done
  for f in "$C"/mods-enabled/php*.load; do [ -e "$f" ] && echo "php=$(basename "$f" .load)"; done
  apache2ctl -v 2>/dev/null | sed -n 's/^Server version: */version=/p'
  apache2ctl -M 2>/dev/null | sed -n 's/^ *\([a-z0-9_]*_module\).*/module=\1/p'
  awk '/^[[:space:]]*<IfModule/ {m=$2; sub(">", "", m); next}
       /^[[:space:]]*<\/IfModule/ {m=""; next}
       /^[[:space:]]*Listen[[:space:]]/ {if (m == "") print "listen=" $2; else print "listenif=" m " " $2}' "$C/ports.conf" 2>/dev/null
  cat "$C"/sites-enabled/*.conf 2>/dev/null | sed -n 's/^[[:space:]]*DocumentRoot[[:space:]]\+"\{0,1\}\([^"[:space:]]*\).*/docroot=\1/p'
  sed -n 's/^[[:space:]]*LoadModule[[:space:]]\+status_module[[:space:]]\+\([^[:space:]]*\).*/statusmodule=\1/p' "$C/mods-available/status.load" 2>/dev/null
  cat "$C/apache2.conf" "$C"/mods-enabled/*.conf "$C"/conf-enabled/*.conf "$C"/sites-enabled/*.conf 2>/dev/null | grep -qi '^[[:space:]]*SetHandler[[:space:]]\+server-status' && echo statushandler=1
  sed -n 's/^ulimit -v \([0-9]*\)$/memlimit=\1/p' "$C/envvars" 2>/dev/null
elif [ -f "$C/conf/httpd.conf" ]; then
  echo family=rhel; echo confdir=$C
  # PidFile and ErrorLog of the main server, else httpd's compiled defaults;
  # relative ones are under the ServerRoot, whose run and logs link to
  # /run/httpd and /var/log/httpd.
  awk '/^[[:space:]]*<VirtualHost/ {v=1} /^[[:space:]]*<\/VirtualHost/ {v=0}
       !v && tolower($1) == "pidfile" {p=$2} !v && tolower($1) == "errorlog" {e=$2}
       END {if (p == "") p="run/httpd.pid"; if (e == "") e="logs/error_log";
            gsub(/"/, "", p); gsub(/"/, "", e); print p; print e}' "$C/conf/httpd.conf" |
  { read -r p; read -r e
    case $p in /*) ;; *) p="$C/$p" ;; esac
    echo "pidfile=$(readlink -f "$p" || echo "$p")"
    case $e in /*) ;; \|*|syslog*) e= ;; *) e="$C/$e" ;; esac
    [ -n "$e" ] && echo "errorlog=$(readlink -f "$e" || echo "$e")"; true; }
  sed -n 's/^[[:space:]]*LoadModule[[:space:]]\+\(mpm_[a-z]*\)_module.*/mpm=\1/p' "$C/conf.modules.d/00-mpm.conf" 2>/dev/null
  # mod_php loaded whatever the MPM (RHEL's own 15-php.conf loads it only
  # under prefork: then other MPMs simply run without it).
  cat "$C"/conf.modules.d/*.conf 2>/dev/null | awk '
       /^[[:space:]]*<IfModule[[:space:]]+(prefork\.c|mpm_prefork_module)>/ {pf=1}
       /^[[:space:]]*<\/IfModule/ {pf=0}
       !pf && $1 == "LoadModule" && $2 ~ /^php[0-9]*_module$/ {sub(/_module$/, "", $2); print "php=" $2}'
  httpd -v 2>/dev/null | sed -n 's/^Server version: */version=/p'
  httpd -M 2>/dev/null | sed -n 's/^ *\([a-z0-9_]*_module\).*/module=\1/p'
  cat "$C/conf/httpd.conf" "$C"/conf.d/*.conf 2>/dev/null | sed -n 's/^[[:space:]]*Listen[[:space:]]\+\([^[:space:]]*\).*/listen=\1/p'
  sed -n 's/^[[:space:]]*DocumentRoot[[:space:]]\+"\{0,1\}\([^"[:space:]]*\).*/docroot=\1/p' "$C/conf/httpd.conf"
  cat "$C"/conf.modules.d/*.conf 2>/dev/null | sed -n 's/^[#[:space:]]*LoadModule[[:space:]]\+status_module[[:space:]]\+\([^[:space:]]*\).*/statusmodule=\1/p' | head -n 1
  cat "$C/conf/httpd.conf" "$C"/conf.modules.d/*.conf "$C"/conf.d/*.conf 2>/dev/null | grep -qi '^[[:space:]]*SetHandler[[:space:]]\+server-status' && echo statushandler=1
  if [ -d /run/systemd/system ]; then L=/etc/systemd/system/httpd.service.d/zz-mpmlab.conf; else L="$C/conf.d/zz-mpmlab.memory-limit"; fi
  sed -n -e 's/^LimitAS=\([0-9]*\)K$/memlimit=\1/p' -e 's/^\([0-9]\{1,12\}\)$/memlimit=\1/p' "$L" 2>/dev/null
fi
)SH"_s;
    return script;
}

Result<ApacheLayout> ApacheLayout::parse(const QString &output, const QString &targetName)
{
    ApacheLayout layout;
    bool found = false;
    std::optional<MpmKind> lastMpm;
    int mpmCount = 0;
    QStringList conditionalListens;
    for (const QString &line : output.split(u'\n', Qt::SkipEmptyParts)) {
        const qsizetype equals = line.indexOf(u'=');
        if (equals <= 0)
            continue;
        const QString key = line.left(equals);
        const QString value = line.mid(equals + 1).trimmed();
        if (key == u"family") {
            found = true;
            layout.family = value == u"rhel" ? Family::Rhel : Family::Debian;
        } else if (key == u"os") {
            layout.osName = value;
        } else if (key == u"systemd") {
            layout.systemd = true;
        } else if (key == u"confdir") {
            layout.configDir = value;
            if (value.startsWith(u"/etc/apache2-"_s))
                layout.instance = value.mid(13);
        } else if (key == u"pidfile") {
            layout.pidFile = value;
        } else if (key == u"errorlog") {
            layout.errorLog = value;
        } else if (key == u"mpm") {
            lastMpm = mpmFromName(value);
            ++mpmCount;
        } else if (key == u"php") {
            layout.phpModules << value;
        } else if (key == u"version") {
            layout.apacheVersion = value;
        } else if (key == u"module") {
            layout.loadedModules << value;
        } else if (key == u"listenif") {
            conditionalListens << value;
        } else if (key == u"listen") {
            // "80", "127.0.0.1:8080", "[::1]:8080"
            const QString port = value.section(u':', -1);
            bool ok = false;
            const uint number = port.toUInt(&ok);
            if (ok && number > 0 && number < 65536 && !layout.listenPorts.contains(quint16(number)))
                layout.listenPorts << quint16(number);
        } else if (key == u"statushandler") {
            layout.statusHandler = true;
        } else if (key == u"statusmodule") {
            layout.statusModuleFile = value;
        } else if (key == u"memlimit") {
            bool ok = false;
            const qint64 kibibytes = value.toLongLong(&ok);
            if (ok && kibibytes > 0)
                layout.memoryLimitKib = kibibytes;
        } else if (key == u"docroot" && layout.documentRoot.isEmpty()) {
            layout.documentRoot = value;
        }
    }
    if (!found) {
        return Error{Error::Kind::NotInstalled,
                     u"no Apache httpd found on %1: neither /etc/apache2 (Debian, Ubuntu) nor "
                     "/etc/httpd (RHEL, Fedora) holds a configuration"_s.arg(targetName),
                     {}};
    }
    if (mpmCount == 1)
        layout.configuredMpm = lastMpm;
    if (layout.statusModuleFile.isEmpty()) {
        // The packages' own paths.
        layout.statusModuleFile = layout.family == Family::Debian
                                      ? u"/usr/lib/apache2/modules/mod_status.so"_s
                                      : u"modules/mod_status.so"_s;
    }
    // Listen lines inside <IfModule ssl_module> (or mod_gnutls.c) count
    // only when that module is loaded.
    for (const QString &conditional : std::as_const(conditionalListens)) {
        QString module = conditional.section(u' ', 0, 0);
        if (module.startsWith(u"mod_"_s) && module.endsWith(u".c"_s))
            module = module.mid(4).chopped(2) + u"_module"_s;
        const uint port = conditional.section(u' ', 1).section(u':', -1).toUInt();
        if (layout.loadedModules.contains(module) && port > 0 && port < 65536
            && !layout.listenPorts.contains(quint16(port))) {
            layout.listenPorts << quint16(port);
        }
    }
    return layout;
}

QJsonObject ApacheLayout::toJson() const
{
    QJsonArray ports;
    for (const quint16 port : listenPorts)
        ports.append(int(port));
    return QJsonObject{
        {u"family"_s, family == Family::Debian ? u"debian"_s : u"rhel"_s},
        {u"os"_s, osName},
        {u"configDir"_s, configDir},
        {u"instance"_s, instance},
        {u"apacheVersion"_s, apacheVersion},
        {u"configuredMpm"_s,
         configuredMpm ? QJsonValue(mpmName(*configuredMpm)) : QJsonValue(QJsonValue::Null)},
        {u"loadedModules"_s, QJsonArray::fromStringList(loadedModules)},
        {u"phpModules"_s, QJsonArray::fromStringList(phpModules)},
        {u"documentRoot"_s, documentRoot},
        {u"listenPorts"_s, ports},
        {u"pidFile"_s, pidFile},
        {u"errorLog"_s, errorLog},
        {u"systemd"_s, systemd},
        {u"memoryLimitKib"_s,
         memoryLimitKib ? QJsonValue(double(*memoryLimitKib)) : QJsonValue(QJsonValue::Null)},
        {u"overrideFile"_s, overridePath()},
        {u"statusPageConfigured"_s, configuresStatusPage()},
    };
}

} // namespace mpmlab
