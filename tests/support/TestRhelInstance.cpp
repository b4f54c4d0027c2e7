#include "TestRhelInstance.h"

#include "TestLab.h"
#include "TestShell.h"
#include "common/ProcessRunner.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

// The host directories that get a private overlay; the upper layer of
// "usr/local/sbin" is layers/upper/usr-local-sbin.
const QStringList overlaid{u"etc"_s, u"run"_s, u"var"_s, u"usr/local/sbin"_s};

QString layerName(const QString &dir) { return QString(dir).replace(u'/', u'-'); }

// Runs as `unshare -m --propagation private /bin/sh enter.sh LAYERS CMD...`.
constexpr auto enterScriptText =
    R"SH(# Mounts stay in this private namespace: the host never sees them.
set -e
L=$1; shift
for d in etc run var usr/local/sbin; do
  n=$(echo "$d" | tr / -)
  mount -t overlay mpmlab-rhel -o "lowerdir=/$d,upperdir=$L/upper/$n,workdir=$L/scratch/$n" "/$d"
done
exec "$@"
)SH";

// Modelled on RHEL 9's stock httpd.conf (its directives and order, not its
// long comments). Differences: Listen on loopback and a free port; User and
// Group www-data because the `apache` account does not exist on Debian; an
// explicit PidFile because Debian's binary was compiled with
// DEFAULT_PIDLOG /run/apache2.pid (RHEL's: run/httpd.pid, and /etc/httpd/run
// links to /run/httpd, so the path is the same).
constexpr auto httpdConf = R"CONF(ServerRoot "/etc/httpd"

Listen 127.0.0.1:%1

Include conf.modules.d/*.conf

User www-data
Group www-data

ServerAdmin root@localhost

PidFile /run/httpd/httpd.pid

<Directory />
    AllowOverride none
    Require all denied
</Directory>

DocumentRoot "/var/www/html"

<Directory "/var/www">
    AllowOverride None
    Require all granted
</Directory>

<Directory "/var/www/html">
    Options Indexes FollowSymLinks
    AllowOverride None
    Require all granted
</Directory>

<IfModule dir_module>
    DirectoryIndex index.html
</IfModule>

<Files ".ht*">
    Require all denied
</Files>

ErrorLog "logs/error_log"

LogLevel warn

<IfModule log_config_module>
    LogFormat "%h %l %u %t \"%r\" %>s %b \"%{Referer}i\" \"%{User-Agent}i\"" combined
    LogFormat "%h %l %u %t \"%r\" %>s %b" common
    CustomLog "logs/access_log" combined
</IfModule>

<IfModule mime_module>
    TypesConfig /etc/mime.types
    AddType application/x-compress .Z
    AddType application/x-gzip .gz .tgz
</IfModule>

AddDefaultCharset UTF-8

EnableSendfile on

IncludeOptional conf.d/*.conf
)CONF";

// RHEL 9's conf.modules.d/00-mpm.conf as the package ships it: event
// loaded, prefork and worker commented out, with its comments.
constexpr auto mpmConf = R"CONF(# Select the MPM module which should be used by uncommenting exactly
# one of the following LoadModule lines.  See the httpd.conf(5) man
# page for more information on changing the MPM.

# prefork MPM: Implements a non-threaded, pre-forking web server
# See: http://httpd.apache.org/docs/2.4/mod/prefork.html
#
# NOTE: If enabling prefork, the httpd_graceful_shutdown SELinux
# boolean should be enabled, to allow graceful stop/shutdown.
#
#LoadModule mpm_prefork_module modules/mod_mpm_prefork.so

# worker MPM: Multi-Processing Module implementing a hybrid
# multi-threaded multi-process web server
# See: http://httpd.apache.org/docs/2.4/mod/worker.html
#
#LoadModule mpm_worker_module modules/mod_mpm_worker.so

# event MPM: A variant of the worker MPM with the goal of consuming
# threads only for connections with active processing
# See: http://httpd.apache.org/docs/2.4/mod/event.html
#
LoadModule mpm_event_module modules/mod_mpm_event.so
)CONF";

// Part of RHEL's 00-base.conf. log_config, logio, unixd, version and
// watchdog are left out: Debian builds them into the binary, and loading
// them again is a warning.
constexpr auto baseConf = R"CONF(#
# This file loads most of the modules included with the Apache HTTP
# Server itself.
#

LoadModule alias_module modules/mod_alias.so
LoadModule authn_core_module modules/mod_authn_core.so
LoadModule authz_core_module modules/mod_authz_core.so
LoadModule authz_host_module modules/mod_authz_host.so
LoadModule authz_user_module modules/mod_authz_user.so
LoadModule autoindex_module modules/mod_autoindex.so
LoadModule deflate_module modules/mod_deflate.so
LoadModule dir_module modules/mod_dir.so
LoadModule env_module modules/mod_env.so
LoadModule filter_module modules/mod_filter.so
LoadModule headers_module modules/mod_headers.so
LoadModule mime_module modules/mod_mime.so
LoadModule negotiation_module modules/mod_negotiation.so
LoadModule reqtimeout_module modules/mod_reqtimeout.so
LoadModule setenvif_module modules/mod_setenvif.so
LoadModule status_module modules/mod_status.so
)CONF";

// RHEL does not configure mod_status; an administrator adds this in conf.d.
constexpr auto statusConf = R"CONF(<Location "/server-status">
    SetHandler server-status
    Require local
</Location>
)CONF";

// Stand-ins for RHEL's packaging: /usr/sbin/httpd is Debian's apache2 on the
// RHEL-shaped tree, and apachectl does what upstream's apachectl does when
// systemd is not running (httpd -k ACTION, httpd -t).
constexpr auto httpdShim = R"SH(#!/bin/sh
# Test stand-in for RHEL's httpd binary (MPM Lab's TestRhelInstance).
exec /usr/sbin/apache2 -d /etc/httpd -f conf/httpd.conf "$@"
)SH";

constexpr auto apachectlShim = R"SH(#!/bin/sh
# Test stand-in for RHEL's apachectl without systemd (MPM Lab's TestRhelInstance).
case "$1" in
  start|stop|restart|graceful|graceful-stop) exec /usr/local/sbin/httpd -k "$1" ;;
  configtest) exec /usr/local/sbin/httpd -t ;;
  *) exec /usr/local/sbin/httpd "$@" ;;
esac
)SH";

} // namespace

TestRhelInstance::TestRhelInstance() = default;

TestRhelInstance::~TestRhelInstance()
{
    if (m_created)
        stopApache();
}

QStringList TestRhelInstance::privatePaths()
{
    return {u"/etc/httpd"_s,
            u"/run/httpd"_s,
            u"/var/log/httpd"_s,
            u"/var/lib/httpd"_s,
            u"/usr/local/sbin/httpd"_s,
            u"/usr/local/sbin/apachectl"_s,
            u"/var/lib/mpmlab/restore/etc-httpd"_s};
}

QString TestRhelInstance::skipReason()
{
    if (::geteuid() != 0)
        return u"a RHEL-layout instance needs root for its mount namespace (CI runs as root)"_s;
    if (QFileInfo::exists(u"/etc/httpd"_s))
        return u"/etc/httpd exists on this machine (a real RHEL-layout Apache?): not touching "
               "it"_s;
    if (!QFile::exists(u"/usr/sbin/apache2"_s))
        return u"/usr/sbin/apache2 is missing: install the Debian package apache2"_s;
    // What the kernel (or a container around the tests) allows, probed
    // without any file of ours: an overlay on /etc inside a private
    // namespace, its layers on a tmpfs of that namespace. Failures to make
    // our own layers come later, in create(), and fail the test.
    const mpmlab::Result<mpmlab::ProcessOutput> probe = mpmlab::ProcessRunner::run(
        u"unshare"_s,
        {u"-m"_s, u"--propagation"_s, u"private"_s, u"/bin/sh"_s, u"-c"_s,
         u"set -e; mount -t tmpfs mpmlab-probe /tmp; mkdir /tmp/u /tmp/w; "
         "mount -t overlay mpmlab-probe -o lowerdir=/etc,upperdir=/tmp/u,workdir=/tmp/w /etc"_s},
        30s);
    if (!probe || !probe->succeeded()) {
        return u"no private mount namespace with overlays here (unshare -m, mount -t "
               "overlay): %1"_s.arg(probe ? probe->combinedText() : probe.error().toString());
    }
    return {};
}

QStringList TestRhelInstance::launcher() const
{
    return {u"unshare"_s,  u"-m"_s, u"--propagation"_s, u"private"_s, u"/bin/sh"_s,
            enterScript(), layers()};
}

QString TestRhelInstance::hostPath(const QString &path) const
{
    for (const QString &dir : overlaid) {
        const QString root = u'/' + dir;
        if (path == root || path.startsWith(root + u'/'))
            return layers() % u"/upper/"_s % layerName(dir) % path.mid(root.size());
    }
    return path;
}

QString TestRhelInstance::writeFile(const QString &path, const QByteArray &contents)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(contents) != contents.size())
        return u"cannot write %1"_s.arg(path);
    return {};
}

QString TestRhelInstance::create()
{
    if (!m_dir.isValid())
        return u"cannot create a temporary directory: "_s + m_dir.errorString();
    if (QString error = writeFile(enterScript(), enterScriptText); !error.isEmpty())
        return error;
    for (const QString &dir : overlaid) {
        if (!QDir().mkpath(layers() + u"/upper/"_s + layerName(dir))
            || !QDir().mkpath(layers() + u"/scratch/"_s + layerName(dir)))
            return u"cannot create the overlay layers in %1"_s.arg(layers());
    }
    m_port = TestLab::freeHighPort();
    m_created = true;
    const QString conf = hostPath(configDir());
    const QList<std::pair<QString, QByteArray>> files{
        {conf + u"/conf/httpd.conf"_s, QString::fromUtf8(httpdConf).arg(m_port).toUtf8()},
        {conf + u"/conf.modules.d/00-base.conf"_s, baseConf},
        {conf + u"/conf.modules.d/00-mpm.conf"_s, mpmConf},
        {conf + u"/conf.d/server-status.conf"_s, statusConf},
        {hostPath(u"/usr/local/sbin/httpd"_s), httpdShim},
        {hostPath(u"/usr/local/sbin/apachectl"_s), apachectlShim},
    };
    for (const auto &[path, contents] : files) {
        if (QString error = writeFile(path, contents); !error.isEmpty())
            return error;
    }
    // RHEL's links from the ServerRoot and its modes (logs 0700, run 0710
    // to the server's group); modules point to Debian's, not /usr/lib64/httpd.
    return TestShell::run(u"set -e; C=$1; U=$2\n"
                          "ln -s ../../var/log/httpd \"$C/logs\"\n"
                          "ln -s ../../usr/lib/apache2/modules \"$C/modules\"\n"
                          "ln -s /run/httpd \"$C/run\"\n"
                          "ln -s ../../var/lib/httpd \"$C/state\"\n"
                          "chmod 755 \"$U/usr-local-sbin/httpd\" \"$U/usr-local-sbin/apachectl\"\n"
                          "mkdir -p \"$U/var/log/httpd\" \"$U/run/httpd\" \"$U/var/lib/httpd\"\n"
                          "chmod 700 \"$U/var/log/httpd\" \"$U/var/lib/httpd\"\n"
                          "chown www-data \"$U/var/lib/httpd\"\n"
                          "chgrp www-data \"$U/run/httpd\"; chmod 710 \"$U/run/httpd\"\n"_s,
                          {conf, layers() + u"/upper"_s});
}

QString TestRhelInstance::runInside(qint64 pid, const QString &script)
{
    return TestShell::run(u"exec nsenter -t \"$1\" -m /bin/sh -c \"$2\""_s,
                          {QString::number(pid), script});
}

void TestRhelInstance::stopApache()
{
    // Whatever state a failed test left it in: the server runs in the
    // namespace but shares the host's process ids.
    (void)TestShell::run(
        u"f=$1; [ -f \"$f\" ] || exit 0; p=$(cat \"$f\"); kill \"$p\" 2>/dev/null; "
        "i=0; while kill -0 \"$p\" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; "
        "i=$((i+1)); done; kill -9 \"$p\" 2>/dev/null; true"_s,
        {hostPath(pidFile())});
}
