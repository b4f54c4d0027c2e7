#include "TestDebianInstance.h"

#include "TestLab.h"
#include "apache/ServerStatus.h"
#include "common/BlockingHttpClient.h"
#include "common/ProcessRunner.h"

#include <QCoreApplication>
#include <QFile>
#include <QRandomGenerator>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

// Runs a shell script on this machine; empty on success.
QString runScript(const QString &script)
{
    const mpmlab::Result<mpmlab::ProcessOutput> output =
        mpmlab::ProcessRunner::run(u"/bin/sh"_s, {u"-c"_s, script}, 60s);
    if (!output)
        return output.error().toString();
    if (!output->succeeded())
        return u"script failed (%1): %2"_s.arg(output->exitCode).arg(output->combinedText());
    return {};
}

} // namespace

TestDebianInstance::TestDebianInstance()
    : m_name(u"mpmlabtest-%1-%2"_s.arg(QCoreApplication::applicationPid())
                 .arg(QRandomGenerator::global()->bounded(100000)))
{
}

TestDebianInstance::~TestDebianInstance()
{
    if (m_created)
        remove();
}

QString TestDebianInstance::create()
{
    if (::geteuid() != 0)
        return u"a Debian private instance needs root (CI runs the tests as root)"_s;
    if (!QFile::exists(u"/etc/apache2/apache2.conf"_s))
        return u"/etc/apache2 is missing: install the Debian package apache2"_s;
    m_port = TestLab::freeHighPort();
    m_created = true;
    const QString script = u"set -e; C=%1; D=%2; P=%3\n"
                           "cp -a /etc/apache2 \"$C\"\n"
                           "sed -i \"s/^Listen 80\\$/Listen 127.0.0.1:$P/\" \"$C/ports.conf\"\n"
                           "sed -i -e \"s/<VirtualHost \\*:80>/<VirtualHost *:$P>/\" "
                           "-e \"s#DocumentRoot /var/www/html#DocumentRoot $D#\" "
                           "\"$C/sites-available/000-default.conf\"\n"
                           "grep -q \"Listen 127.0.0.1:$P\" \"$C/ports.conf\"\n"
                           "grep -q \"DocumentRoot $D\" \"$C/sites-available/000-default.conf\"\n"
                           // Not created by the package scripts for a new instance (AH02291).
                           "mkdir -p /var/log/apache2-%4\n"
                           "mkdir -p \"$D\"; chmod 755 \"$D\"; echo ok > \"$D/index.html\"\n"_s
                               .arg(configDir(), documentRoot())
                               .arg(m_port)
                               .arg(m_name);
    return runScript(script);
}

void TestDebianInstance::remove()
{
    // Stop it whatever state a failed test left it in, then remove every
    // path Debian's envvars derives from the instance name.
    const QString script =
        u"N=%1; f=/var/run/apache2-$N/apache2.pid\n"
        "if [ -f \"$f\" ]; then p=$(cat \"$f\"); kill \"$p\" 2>/dev/null; i=0\n"
        "  while kill -0 \"$p\" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done\n"
        "  kill -9 \"$p\" 2>/dev/null; fi\n"
        "rm -rf /etc/apache2-$N /etc/.apache2-$N.mpmlab-restore /etc/.apache2-$N.mpmlab-old "
        "/var/log/apache2-$N /var/run/apache2-$N /var/lock/apache2-$N /var/www/$N "
        "/var/lib/mpmlab/restore/etc-apache2-$N\n"
        "rmdir /var/lib/mpmlab/restore 2>/dev/null; true\n"_s.arg(m_name);
    (void)runScript(script);
    m_created = false;
}

QString TestDebianInstance::manifest(const QString &dir)
{
    const mpmlab::Result<mpmlab::ProcessOutput> output =
        mpmlab::ProcessRunner::run(u"/bin/sh"_s,
                                   {u"-c"_s,
                                    u"cd \"$1\" && find . -printf '%p %y %m %u:%g %l\\n' | sort && "
                                    "find . -type f -exec sha256sum {} + | sort"_s,
                                    u"sh"_s, dir},
                                   60s);
    return output ? QString::fromUtf8(output->standardOutput) : QString();
}

std::optional<mpmlab::MpmKind> TestDebianInstance::runningMpm() const
{
    const mpmlab::Result<mpmlab::HttpReply> reply = mpmlab::BlockingHttpClient::get(
        QStringLiteral("127.0.0.1"), m_port, QStringLiteral("/server-status?auto"),
        std::chrono::milliseconds(2000));
    if (!reply || reply->statusCode != 200)
        return std::nullopt;
    const mpmlab::Result<mpmlab::ServerStatus> status =
        mpmlab::ServerStatus::parse(QString::fromUtf8(reply->body));
    return status ? status->mpm : std::nullopt;
}

int TestDebianInstance::statusPageCode() const
{
    const mpmlab::Result<mpmlab::HttpReply> reply = mpmlab::BlockingHttpClient::get(
        QStringLiteral("127.0.0.1"), m_port, QStringLiteral("/server-status?auto"),
        std::chrono::milliseconds(2000));
    return reply ? reply->statusCode : 0;
}
