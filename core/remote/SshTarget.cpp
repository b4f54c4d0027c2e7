#include "SshTarget.h"

#include <QHostAddress>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace mpmlab {

namespace {

Error invalid(const QString &text, const QString &why)
{
    return Error{Error::Kind::InvalidInput,
                 u"invalid target '%1': %2 (expected ssh://user@host[:port])"_s.arg(text, why),
                 {}};
}

} // namespace

Result<SshTarget> SshTarget::parse(const QString &text)
{
    // POSIX user names as useradd accepts them, and DNS host names.
    static const QRegularExpression userPattern(u"^[A-Za-z_][A-Za-z0-9_.-]{0,31}$"_s);
    static const QRegularExpression hostPattern(
        u"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}))*\\.?$"_s);
    static const QRegularExpression shape(
        u"^ssh://([^@/]+)@(\\[[^\\]/]+\\]|[^:/\\[\\]]+)(?::([0-9]{1,5}))?/?$"_s);

    const QRegularExpressionMatch match = shape.match(text);
    if (!match.hasMatch())
        return invalid(text, u"not of the form ssh://user@host[:port]"_s);

    SshTarget target;
    target.user = match.captured(1);
    if (!userPattern.match(target.user).hasMatch())
        return invalid(text, u"'%1' is not a valid user name"_s.arg(target.user));

    QString host = match.captured(2);
    if (host.startsWith(u'[')) {
        host = host.mid(1, host.size() - 2);
        if (QHostAddress(host).protocol() != QAbstractSocket::IPv6Protocol)
            return invalid(text, u"'%1' is not an IPv6 address"_s.arg(host));
    } else if (!hostPattern.match(host).hasMatch() || host.size() > 253) {
        return invalid(text, u"'%1' is not a valid host name"_s.arg(host));
    }
    target.host = host;

    if (match.hasCaptured(3)) {
        const uint port = match.captured(3).toUInt();
        if (port == 0 || port > 65535)
            return invalid(text, u"port must be 1-65535"_s);
        target.port = quint16(port);
    }
    return target;
}

QString SshTarget::toString() const
{
    const QString shownHost = host.contains(u':') ? u'[' % host % u']' : host;
    return u"ssh://%1@%2:%3"_s.arg(user, shownHost).arg(port);
}

} // namespace mpmlab
