#include "SshHostKeyCheck.h"

#include "SshHandles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace mpmlab {

QString sha256Fingerprint(ssh_key key)
{
    unsigned char *hash = nullptr;
    size_t length = 0;
    if (ssh_get_publickey_hash(key, SSH_PUBLICKEY_HASH_SHA256, &hash, &length) != SSH_OK)
        return {};
    const ssh::String text(ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash, length));
    ssh_clean_pubkey_hash(&hash);
    return text ? QString::fromLatin1(text.get()) : QString();
}

namespace {

// The fingerprint a known_hosts file records for the target: libssh's
// session lookup does not return the old entry when the key changed.
QString knownFingerprint(const SshTarget &target, const QString &knownHostsFile)
{
    QFile file(knownHostsFile);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    // known_hosts names non-standard ports as "[host]:port".
    const QByteArray pattern =
        target.port == SshTarget::defaultPort
            ? target.host.toUtf8()
            : "[" + target.host.toUtf8() + "]:" + QByteArray::number(target.port);
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        ssh_knownhosts_entry *raw = nullptr;
        // SSH_AGAIN: a line for another host.
        if (ssh_known_hosts_parse_line(pattern.constData(), line.constData(), &raw) != SSH_OK)
            continue;
        const ssh::KnownHostsEntry entry(raw);
        if (entry && entry->publickey)
            return sha256Fingerprint(entry->publickey);
    }
    return {};
}

} // namespace

Result<QString> checkHostKey(ssh_session session, const SshTarget &target,
                             const HostKeyPolicy &policy)
{
    ssh_key rawKey = nullptr;
    if (ssh_get_server_publickey(session, &rawKey) != SSH_OK) {
        return Error{Error::Kind::Network,
                     u"%1 sent no host key: %2"_s.arg(
                         target.toString(), QString::fromLocal8Bit(ssh_get_error(session))),
                     {}};
    }
    const ssh::Key key(rawKey);
    const QString fingerprint = sha256Fingerprint(key.get());
    const QString keyType = QString::fromLatin1(ssh_key_type_to_char(ssh_key_type(key.get())));

    const ssh_known_hosts_e verdict = ssh_session_is_known_server(session);
    switch (verdict) {
    case SSH_KNOWN_HOSTS_OK: return fingerprint;
    case SSH_KNOWN_HOSTS_CHANGED:
    case SSH_KNOWN_HOSTS_OTHER: {
        // Never connect: this is what a man-in-the-middle looks like.
        QString known = knownFingerprint(target, policy.userKnownHostsFile);
        if (known.isEmpty())
            known = knownFingerprint(target, policy.mpmlabKnownHostsFile);
        return Error{Error::Kind::HostKey,
                     u"the host key of %1 has CHANGED: refusing to connect.\n"
                     "Known key:         %2\n"
                     "Key presented now: %3 %4\n"
                     "Either the server was reinstalled or given a new key, or someone between "
                     "you and it is impersonating it to read what you send (a man-in-the-middle "
                     "attack). Ask its administrator for the new fingerprint (ssh-keygen -lf "
                     "/etc/ssh/ssh_host_*_key.pub on the server); only if it matches, remove "
                     "the old line from %5 or %6."_s.arg(target.toString(), known, keyType,
                                                         fingerprint, policy.userKnownHostsFile,
                                                         policy.mpmlabKnownHostsFile),
                     {}};
    }
    case SSH_KNOWN_HOSTS_UNKNOWN:
    case SSH_KNOWN_HOSTS_NOT_FOUND: {
        if (!policy.trustedFingerprint.isEmpty() && policy.trustedFingerprint == fingerprint)
            return fingerprint;
        const UnknownHostKey unknown{target.host, target.port, keyType, fingerprint};
        const HostKeyTrust trust =
            policy.confirmUnknown ? policy.confirmUnknown(unknown) : HostKeyTrust::Refuse;
        if (trust == HostKeyTrust::Refuse) {
            return Error{Error::Kind::HostKey,
                         u"the host key of %1 is unknown (%2 %3): not connecting without "
                         "confirmation. Check the fingerprint with the server's administrator "
                         "(ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub on the server), then "
                         "accept it (mpmlab-cli: --accept-new-host-key)."_s.arg(
                             target.toString(), keyType, fingerprint),
                         {}};
        }
        if (trust == HostKeyTrust::ThisTime)
            return fingerprint;
        QDir().mkpath(QFileInfo(policy.mpmlabKnownHostsFile).absolutePath());
        if (ssh_session_update_known_hosts(session) != SSH_OK) {
            return Error{Error::Kind::Io,
                         u"cannot record the host key of %1 in %2: %3"_s.arg(
                             target.toString(), policy.mpmlabKnownHostsFile,
                             QString::fromLocal8Bit(ssh_get_error(session))),
                         {}};
        }
        return fingerprint;
    }
    case SSH_KNOWN_HOSTS_ERROR: break;
    }
    return Error{Error::Kind::Io,
                 u"cannot check the host key of %1: %2"_s.arg(
                     target.toString(), QString::fromLocal8Bit(ssh_get_error(session))),
                 {}};
}

} // namespace mpmlab
