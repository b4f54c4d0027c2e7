#include "TestShell.h"

#include "common/ProcessRunner.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

QString TestShell::run(const QString &script, const QStringList &arguments, QByteArray *output)
{
    const mpmlab::Result<mpmlab::ProcessOutput> ran = mpmlab::ProcessRunner::run(
        u"/bin/sh"_s, QStringList{u"-c"_s, script, u"sh"_s} + arguments, 60s);
    if (!ran)
        return ran.error().toString();
    if (!ran->succeeded())
        return u"script failed (%1): %2"_s.arg(ran->exitCode).arg(ran->combinedText());
    if (output)
        *output = ran->standardOutput;
    return {};
}
