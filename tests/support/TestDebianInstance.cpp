#include "TestDebianInstance.h"

#include "TestLab.h"
#include "TestShell.h"
#include "apache/ServerStatus.h"
#include "common/BlockingHttpClient.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>
#include <QThread>
#include <algorithm>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

// The lines `command` prints when run in `dir`, sorted; empty on success,
// else what failed.
QString sortedLinesIn(const QString &dir, const QString &command, QStringList &lines)
{
    QByteArray output;
    if (QString error = TestShell::run(u"cd \"$1\" && "_s + command, {dir}, &output);
        !error.isEmpty()) {
        return command + u": "_s + error;
    }
    lines = QString::fromUtf8(output).split(u'\n', Qt::SkipEmptyParts);
    lines.sort();
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

QString TestDebianInstance::skipReason()
{
    if (::geteuid() != 0)
        return u"a Debian private instance needs root (CI runs the tests as root)"_s;
    if (!QFile::exists(u"/etc/apache2/apache2.conf"_s))
        return u"/etc/apache2 is missing: install the Debian package apache2"_s;
    return {};
}

QString TestDebianInstance::create()
{
    if (const QString reason = skipReason(); !reason.isEmpty())
        return reason;
    m_port = TestLab::freeHighPort();
    m_created = true;
    const QString script = u"set -e; C=%1; D=%2; P=%3\n"
                           "cp -a /etc/apache2 \"$C\"\n"
                           "sed -i \"s/^Listen 80\\$/Listen 127.0.0.1:$P/\" \"$C/ports.conf\"\n"
                           "sed -i -e \"s/<VirtualHost \\*:80>/<VirtualHost *:$P>/\" "
                           "-e \"s#DocumentRoot /var/www/html#DocumentRoot $D#\" "
                           "\"$C/sites-available/000-default.conf\"\n"
                           "grep -q \"Listen 127.0.0.1:$P\" \"$C/ports.conf\" "
                           "|| { echo \"sed left ports.conf without Listen 127.0.0.1:$P\" >&2; "
                           "exit 1; }\n"
                           "grep -q \"DocumentRoot $D\" \"$C/sites-available/000-default.conf\" "
                           "|| { echo \"sed left 000-default.conf without DocumentRoot $D\" >&2; "
                           "exit 1; }\n"
                           // Not created by the package scripts for a new instance (AH02291).
                           "mkdir -p /var/log/apache2-%4\n"
                           "mkdir -p \"$D\"; chmod 755 \"$D\"; echo ok > \"$D/index.html\"\n"_s
                               .arg(configDir(), documentRoot())
                               .arg(m_port)
                               .arg(m_name);
    return TestShell::run(script);
}

QString TestDebianInstance::start()
{
    if (QString error = TestShell::run(u"APACHE_CONFDIR=\"$1\" apache2ctl start"_s, {configDir()});
        !error.isEmpty()) {
        return error;
    }
    constexpr int answerTimeoutMs = 15000;
    const QDeadlineTimer deadline(answerTimeoutMs);
    while (statusPageCode() == 0) {
        if (deadline.hasExpired())
            return u"%1 did not answer on port %2 within %3 s"_s.arg(m_name).arg(m_port).arg(
                answerTimeoutMs / 1000);
        QThread::msleep(100);
    }
    return {};
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
    (void)TestShell::run(script);
    m_created = false;
}

QString TestDebianInstance::manifest(const QString &dir, std::source_location caller)
{
    // Two listings, each checked on its own: a pipe into sort would hide
    // find's exit status (dash has no pipefail). Type first in the entries:
    // "f" starts the line of each regular file.
    QStringList entries;
    QStringList hashes;
    QString problem = sortedLinesIn(dir, u"find . -printf '%y %m %u:%g %p %l\\n'"_s, entries);
    if (problem.isEmpty())
        problem = sortedLinesIn(dir, u"find . -type f -exec sha256sum {} +"_s, hashes);
    if (problem.isEmpty()) {
        const auto files =
            std::count_if(entries.cbegin(), entries.cend(),
                          [](const QString &entry) { return entry.startsWith(u"f "_s); });
        if (files == 0)
            problem = u"no regular file in it"_s;
        else if (hashes.size() != files)
            problem = u"%1 hashes for %2 regular files"_s.arg(hashes.size()).arg(files);
    }
    if (!problem.isEmpty()) {
        const QByteArray message =
            u"cannot take the manifest of %1: %2"_s.arg(dir, problem).toUtf8();
        QTest::qFail(message.constData(), caller.file_name(), int(caller.line()));
        return u"(no manifest of %1: %2)"_s.arg(dir, problem);
    }
    return (entries + hashes).join(u'\n');
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
