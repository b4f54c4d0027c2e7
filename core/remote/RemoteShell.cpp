#include "RemoteShell.h"

#include "ShellQuote.h"

using namespace Qt::StringLiterals;

namespace mpmlab {

Status RemoteShell::uploadAsRoot(const QString &path, const QByteArray &contents)
{
    const QString target = shellQuote(path);
    const QString temporary = shellQuote(path + u".mpmlab-new"_s);
    // cp -p over the temporary first copies mode and owner of the old file.
    const QString script = u"set -e; umask 022; "
                           "if [ -e %1 ]; then cp -p %1 %2; fi; "
                           "cat > %2; mv -f %2 %1"_s.arg(target, temporary);
    const Result<ProcessOutput> done = runAsRoot(script, contents);
    if (!done)
        return done.error();
    if (!done->succeeded()) {
        return Error{Error::Kind::Io, u"cannot write %1 on %2"_s.arg(path, targetName()),
                     done->combinedText()};
    }
    return {};
}

Result<QByteArray> RemoteShell::downloadAsRoot(const QString &path)
{
    const Result<ProcessOutput> done = runAsRoot(u"cat -- "_s + shellQuote(path));
    if (!done)
        return done.error();
    if (!done->succeeded()) {
        return Error{Error::Kind::Io, u"cannot read %1 on %2"_s.arg(path, targetName()),
                     done->combinedText()};
    }
    return done->standardOutput;
}

} // namespace mpmlab
