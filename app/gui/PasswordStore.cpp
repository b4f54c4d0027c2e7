#include "PasswordStore.h"

#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace {

constexpr const char *probeKey = "mpmlab-keyring-probe";

} // namespace

PasswordStore::PasswordStore(QObject *parent)
    : QObject(parent)
{
}

void PasswordStore::probe()
{
    if (m_available || m_probing)
        return;
    m_probing = true;
    auto *job = new QKeychain::ReadPasswordJob(QString::fromLatin1(service), this);
    job->setKey(QString::fromLatin1(probeKey));
    connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job *done) {
        // A keyring that answers says the probe has no entry.
        m_available = done->error() == QKeychain::NoError
                      || done->error() == QKeychain::EntryNotFound;
        m_probing = false;
        Q_EMIT availabilityKnown(*m_available);
    });
    job->start();
}

void PasswordStore::read(const QString &key, std::function<void(const QString &)> done)
{
    if (!m_available.value_or(false)) {
        done({});
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(QString::fromLatin1(service), this);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *read) {
        const auto *answer = static_cast<QKeychain::ReadPasswordJob *>(read);
        done(answer->error() == QKeychain::NoError ? answer->textData() : QString());
    });
    job->start();
}

void PasswordStore::write(const QString &key, const QString &password)
{
    if (!m_available.value_or(false) || password.isEmpty())
        return;
    auto *job = new QKeychain::WritePasswordJob(QString::fromLatin1(service), this);
    job->setKey(key);
    job->setTextData(password);
    job->start();
}

void PasswordStore::remove(const QString &key)
{
    if (!m_available.value_or(false))
        return;
    auto *job = new QKeychain::DeletePasswordJob(QString::fromLatin1(service), this);
    job->setKey(key);
    job->start();
}
