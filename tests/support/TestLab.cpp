#include "TestLab.h"

#include "common/LoopbackPort.h"
#include "local/LabConfig.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QRandomGenerator>

TestLab::TestLab(std::chrono::milliseconds settleDelay)
{
    if (!m_dir.isValid())
        return;
    // QTemporaryDir is 0700; when the tests run as root, Apache's children
    // (www-data) must be able to reach the document root.
    QFile::setPermissions(m_dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                            | QFileDevice::ExeOwner | QFileDevice::ReadGroup
                                            | QFileDevice::ExeGroup | QFileDevice::ReadOther
                                            | QFileDevice::ExeOther);
    m_port = freeHighPort();
    m_options.rootDir = m_dir.path();
    m_options.port = m_port;
    m_options.settleDelay = settleDelay;
    m_lab = std::make_unique<mpmlab::LocalLab>(m_options);
}

TestLab::~TestLab()
{
    if (m_lab)
        (void)m_lab->stop();
}

mpmlab::Status TestLab::startWith(mpmlab::MpmKind mpm) { return m_lab->chooseMpm(mpm); }

mpmlab::Result<std::unique_ptr<mpmlab::Target>> TestLab::openTarget() const
{
    return mpmlab::Target::open(mpmlab::TargetSpec::local(m_options));
}

quint16 TestLab::freeHighPort()
{
    // 20000-29999: above the usual services, below Linux's ephemeral range
    // (32768+) where outgoing test connections take their ports.
    const auto first = quint16(20000 + QRandomGenerator::global()->bounded(9800));
    const std::optional<quint16> port = mpmlab::findFreeLoopbackPort(first, 200);
    return port.value_or(0);
}

QMap<QString, QByteArray> TestLab::fileHashes() const
{
    QMap<QString, QByteArray> hashes;
    QDirIterator it(rootDir(), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString relative = QDir(rootDir()).relativeFilePath(path);
        if (relative.startsWith(u"logs/") || relative.startsWith(u"run/"))
            continue;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot read %s", qPrintable(path));
        hashes.insert(relative,
                      QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256));
    }
    return hashes;
}

mpmlab::SamplerProgram TestLab::samplerProgram(std::chrono::milliseconds interval) const
{
    mpmlab::LabConfig config;
    config.rootDir = rootDir();
    mpmlab::SamplerProgram program;
    program.pidFile = config.pidFilePath();
    program.statusPort = m_port;
    program.interval = interval;
    return program;
}
