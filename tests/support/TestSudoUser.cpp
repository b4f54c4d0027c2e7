#include "TestSudoUser.h"

#include "common/ProcessRunner.h"

#include <QFile>
#include <QRandomGenerator>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

TestSudoUser::TestSudoUser()
    : m_name(u"mpmlabsu%1"_s.arg(QRandomGenerator::global()->bounded(100000, 999999)))
    , m_password(u"pw-%1-x"_s.arg(QRandomGenerator::global()->generate64()))
{
}

TestSudoUser::~TestSudoUser()
{
    if (!m_created)
        return;
    // -f: sshd may still be closing the account's last session.
    (void)mpmlab::ProcessRunner::run(
        u"/bin/sh"_s,
        {u"-c"_s,
         u"rm -f /etc/sudoers.d/%1; userdel -f %1 || { sleep 1; userdel -f %1; }"_s.arg(m_name)},
        30s);
}

QString TestSudoUser::skipReason()
{
    if (::geteuid() != 0)
        return u"creating a sudo test account needs root"_s;
    if (!QFile::exists(u"/usr/bin/sudo"_s))
        return u"sudo is not installed: install the Debian package sudo"_s;
    return {};
}

QString TestSudoUser::create(bool passwordless)
{
    if (const QString reason = skipReason(); !reason.isEmpty())
        return reason;
    m_created = true;
    const QString rule =
        u"%1 ALL=(ALL) %2ALL"_s.arg(m_name, passwordless ? u"NOPASSWD: "_s : QString());
    // The password reaches chpasswd's stdin through the environment, never
    // a command line (which any user can read in /proc/PID/cmdline).
    const QString script =
        u"set -e; useradd -M -d /nonexistent -s /bin/sh %1; "
        "printf '%s:%s\\n' %1 \"$MPMLAB_TEST_PASSWORD\" | chpasswd; "
        "printf '%s\\n' \"$1\" > /etc/sudoers.d/%1; chmod 0440 /etc/sudoers.d/%1; "
        "visudo -cf /etc/sudoers.d/%1 >/dev/null"_s.arg(m_name);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"MPMLAB_TEST_PASSWORD"_s, m_password);
    const mpmlab::Result<mpmlab::ProcessOutput> output = mpmlab::ProcessRunner::run(
        u"/bin/sh"_s, {u"-c"_s, script, u"sh"_s, rule}, 30s, environment);
    if (!output)
        return output.error().toString();
    if (!output->succeeded())
        return u"cannot create the account: "_s + output->combinedText();
    return {};
}
