#include "SamplerProgram.h"

#include "SamplerScript.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace mpmlab {

namespace {

Error invalid(const QString &message) { return Error{Error::Kind::InvalidInput, message, {}}; }

} // namespace

Status SamplerProgram::validate() const
{
    // Printable, no quotes or backslashes: the values also reach awk -v
    // (which interprets backslashes) and an HTTP request line.
    static const QRegularExpression safePath(uR"(^/[A-Za-z0-9._~/%?=&+:@,-]*$)"_s);
    static const QRegularExpression safeHost(uR"(^[A-Za-z0-9.:-]+$)"_s);
    // The pid file only reaches the script as a quoted word: any printable
    // path will do (a lab directory may have spaces).
    static const QRegularExpression controlCharacter(u"[\\x00-\\x1f\\x7f]"_s);
    if (!pidFile.startsWith(u'/') || pidFile.contains(controlCharacter))
        return invalid(
            u"the pid file must be an absolute path without control characters, not '%1'"_s.arg(
                pidFile));
    if (interval < minimumInterval || interval > maximumInterval) {
        return invalid(
            u"the sampling interval must be from %1 to %2 ms, not %3"_s.arg(minimumInterval.count())
                .arg(maximumInterval.count())
                .arg(interval.count()));
    }
    if (!safeHost.match(statusHost).hasMatch())
        return invalid(u"'%1' is not a host name or address"_s.arg(statusHost));
    if (statusPort == 0)
        return invalid(u"the mod_status port must be from 1 to 65535"_s);
    if (!safePath.match(statusPath).hasMatch())
        return invalid(
            u"the mod_status path must start with / and hold no spaces or quotes, not '%1'"_s.arg(
                statusPath));
    if (smapsPerFrame < 0)
        return invalid(u"smaps_rollup reads per frame cannot be negative"_s);
    return {};
}

QStringList SamplerProgram::scriptArguments() const
{
    return {pidFile,
            QString::number(interval.count()),
            statusHost,
            QString::number(statusPort),
            statusPath,
            QString::number(smapsPerFrame),
            fetcherName(fetcher)};
}

QStringList SamplerProgram::shArguments() const
{
    return QStringList{u"-c"_s, QString::fromUtf8(SamplerScript::launcher()),
                       QString::fromUtf8(SamplerScript::text()),
                       shell == Shell::PosixSh ? u"sh"_s : u"bash"_s}
           + scriptArguments();
}

QByteArray SamplerProgram::shellCommandLine() const
{
    QByteArray line = "sh";
    for (const QString &word : shArguments())
        line += ' ' + shellQuoted(word.toUtf8());
    return line;
}

QString SamplerProgram::fetcherName(Fetcher fetcher)
{
    switch (fetcher) {
    case Fetcher::Auto: return u"auto"_s;
    case Fetcher::Curl: return u"curl"_s;
    case Fetcher::Wget: return u"wget"_s;
    case Fetcher::Bash: return u"bash"_s;
    case Fetcher::None: return u"none"_s;
    }
    return u"auto"_s;
}

std::optional<SamplerProgram::Fetcher> SamplerProgram::fetcherFromName(QStringView name)
{
    for (Fetcher f : {Fetcher::Auto, Fetcher::Curl, Fetcher::Wget, Fetcher::Bash, Fetcher::None}) {
        if (name.compare(fetcherName(f), Qt::CaseInsensitive) == 0)
            return f;
    }
    return std::nullopt;
}

QByteArray SamplerProgram::shellQuoted(const QByteArray &text)
{
    QByteArray quoted = "'";
    for (char c : text) {
        if (c == '\'')
            quoted += "'\\''";
        else
            quoted += c;
    }
    return quoted + '\'';
}

} // namespace mpmlab
