#include "LabConfig.h"

#include <QFile>
#include <QRegularExpression>
#include <grp.h>
#include <pwd.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace mpmlab {

namespace {

// Debian 12 enables these modules on a fresh install (mods-enabled/), and
// their memory shows in every process: load the same set.
constexpr const char *debianDefaultModules[] = {
    "access_compat", "alias",      "auth_basic",  "authn_core", "authn_file", "authz_core",
    "authz_host",    "authz_user", "autoindex",   "deflate",    "dir",        "env",
    "filter",        "mime",       "negotiation", "reqtimeout", "setenvif",   "status",
};

// Debian's mods-available/mpm_*.conf values.
QString mpmDirectives(MpmKind mpm)
{
    switch (mpm) {
    case MpmKind::Prefork:
        return uR"(<IfModule mpm_prefork_module>
    StartServers            5
    MinSpareServers         5
    MaxSpareServers         10
    MaxRequestWorkers       150
    MaxConnectionsPerChild  0
</IfModule>
)"_s;
    case MpmKind::Worker:
    case MpmKind::Event:
        return uR"(<IfModule mpm_%1_module>
    StartServers            2
    MinSpareThreads         25
    MaxSpareThreads         75
    ThreadLimit             64
    ThreadsPerChild         25
    MaxRequestWorkers       150
    MaxConnectionsPerChild  0
</IfModule>
)"_s.arg(mpmName(mpm));
    }
    return {};
}

QString quoted(const QString &path) { return u'"' % path % u'"'; }

} // namespace

LabConfig LabConfig::forLab(const QString &rootDir, const QString &modulesDir)
{
    LabConfig config;
    config.rootDir = rootDir;
    config.modulesDir = modulesDir;
    if (::geteuid() == 0) {
        // httpd refuses to serve as root: its children drop to www-data.
        config.runAsUser = ::getpwnam("www-data") ? u"www-data"_s : u"nobody"_s;
        config.runAsGroup = ::getgrnam("www-data") ? u"www-data"_s : u"nogroup"_s;
    }
    return config;
}

LabConfig LabConfig::withSettings(const LabSettings &settings) const
{
    LabConfig config = *this;
    config.port = settings.port;
    config.mpm = settings.mpm;
    config.overrides = settings.directives.isEmpty() ? QByteArray() : settings.directives.render();
    return config;
}

QString LabConfig::configPath() const { return rootDir + u"/conf/httpd.conf"_s; }
QString LabConfig::pidFilePath() const { return rootDir + u"/run/httpd.pid"_s; }
QString LabConfig::errorLogPath() const { return rootDir + u"/logs/error.log"_s; }
QString LabConfig::documentRoot() const { return rootDir + u"/htdocs"_s; }
QString LabConfig::settingsPath() const { return rootDir + u"/lab.json"_s; }
QString LabConfig::journalPath() const { return rootDir + u"/restore.json"_s; }
QString LabConfig::lockPath() const { return rootDir + u"/run/lab.lock"_s; }

QByteArray LabConfig::render() const
{
    QString text;
    text += QString::fromLatin1(signature)
            + u" Generated: MPM Lab rewrites this file on every\n"
              "# change, so edit the lab through mpmlab or mpmlab-cli, not here.\n\n"_s;
    text += u"ServerRoot "_s % quoted(rootDir) % u'\n';
    text += u"DefaultRuntimeDir "_s % quoted(rootDir + u"/run"_s) % u'\n';
    text += u"PidFile "_s % quoted(pidFilePath()) % u'\n';
    text += u"ServerName 127.0.0.1\n"_s;
    text += u"Listen 127.0.0.1:%1\n\n"_s.arg(port);

    text += u"LoadModule mpm_%1_module %2/mod_mpm_%1.so\n"_s.arg(mpmName(mpm), modulesDir);
    for (const char *module : debianDefaultModules) {
        const QString name = QString::fromLatin1(module);
        text += u"LoadModule %1_module %2/mod_%1.so\n"_s.arg(name, modulesDir);
    }
    text += u'\n';
    if (!runAsUser.isEmpty())
        text += u"User %1\nGroup %2\n\n"_s.arg(runAsUser, runAsGroup);

    // Debian's apache2.conf values.
    text += u"Timeout 300\nKeepAlive On\nMaxKeepAliveRequests 100\nKeepAliveTimeout 5\n\n"_s;
    text += mpmDirectives(mpm) % u'\n';
    if (!overrides.isEmpty())
        text += QString::fromUtf8(overrides) % u'\n';

    text += u"ErrorLog "_s % quoted(errorLogPath()) % u"\nLogLevel warn\n"_s;
    text +=
        uR"(LogFormat "%h %l %u %t \"%r\" %>s %O \"%{Referer}i\" \"%{User-Agent}i\"" combined)"_s
        % u'\n';
    text += u"CustomLog "_s % quoted(rootDir + u"/logs/access.log"_s) % u" combined\n\n"_s;

    if (QFile::exists(u"/etc/mime.types"_s))
        text += u"TypesConfig /etc/mime.types\n"_s;
    text += u"RequestReadTimeout header=20-40,minrate=500\n"
            "RequestReadTimeout body=10,minrate=500\n\n"_s;
    text += u"DocumentRoot "_s % quoted(documentRoot()) % u'\n';
    text += u"<Directory />\n    Options FollowSymLinks\n    AllowOverride None\n"
            "    Require all denied\n</Directory>\n"_s;
    text += u"<Directory "_s % quoted(documentRoot())
            % u">\n    Options Indexes FollowSymLinks\n    AllowOverride None\n"
              "    Require all granted\n</Directory>\n"_s;
    text += u"DirectoryIndex index.html\n\n"_s;

    // mod_status: how the lab learns the running MPM and the scoreboard.
    text += u"ExtendedStatus On\n<Location /server-status>\n    SetHandler server-status\n"
            "    Require local\n</Location>\n"_s;
    return text.toUtf8();
}

QStringList LabConfig::moduleNames() const
{
    QStringList names{u"mpm_%1_module"_s.arg(mpmName(mpm))};
    for (const char *module : debianDefaultModules)
        names << QString::fromLatin1(module) + u"_module"_s;
    return names;
}

std::optional<MpmKind> LabConfig::mpmIn(const QByteArray &config)
{
    static const QRegularExpression line(u"^LoadModule mpm_(\\w+)_module "_s,
                                         QRegularExpression::MultilineOption);
    const QRegularExpressionMatch match = line.match(QString::fromUtf8(config));
    return match.hasMatch() ? mpmFromName(match.captured(1)) : std::nullopt;
}

std::optional<quint16> LabConfig::portIn(const QByteArray &config)
{
    static const QRegularExpression line(u"^Listen 127\\.0\\.0\\.1:(\\d+)$"_s,
                                         QRegularExpression::MultilineOption);
    const QRegularExpressionMatch match = line.match(QString::fromUtf8(config));
    bool ok = false;
    const uint port = match.captured(1).toUInt(&ok);
    if (!match.hasMatch() || !ok || port == 0 || port > 65535)
        return std::nullopt;
    return quint16(port);
}

} // namespace mpmlab
