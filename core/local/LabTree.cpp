#include "LabTree.h"

#include "LabConfig.h"
#include "apache/TestFilesSpec.h"
#include "common/AtomicFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <optional>
#include <pwd.h>

using namespace Qt::StringLiterals;

namespace mpmlab {

namespace {

QByteArray testPage()
{
    QByteArray page = "<!DOCTYPE html>\n<html><head><title>MPM Lab test page</title></head>\n"
                      "<body><h1>MPM Lab</h1><p>A small static page served by the local lab.</p>\n";
    // Pad to exactly 1 KiB so lengths are easy to check by eye in reports.
    const QByteArray tail = "</body></html>\n";
    page += "<!--" + QByteArray(1024 - page.size() - tail.size() - 8, '-') + "-->\n";
    return page + tail;
}

// Whether `user` can walk down to `dir` (every ancestor searchable by it).
// Root's own home is 0700: a lab under it would serve 403 to every request.
std::optional<QString> firstUnreachableAncestor(const QString &dir, uid_t uid, gid_t gid)
{
    QFileInfo info(dir);
    for (QString path = info.absoluteFilePath(); !path.isEmpty();) {
        const QFileInfo here(path);
        if (here.exists()) {
            const bool searchable =
                here.permission(QFileDevice::ExeOther)
                || (here.ownerId() == uid && here.permission(QFileDevice::ExeOwner))
                || (here.groupId() == gid && here.permission(QFileDevice::ExeGroup));
            if (!searchable)
                return path;
        }
        if (path == u"/"_s)
            break;
        path = here.absolutePath();
    }
    return std::nullopt;
}

} // namespace

Status LabTree::checkIsLab(const QString &rootDir)
{
    const QDir root(rootDir);
    if (!root.exists()
        || root.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System))
        return {};
    if (root.exists(u"lab.json"_s) || root.exists(u"run/lab.lock"_s))
        return {};
    QFile config(root.filePath(u"conf/httpd.conf"_s));
    if (config.open(QIODevice::ReadOnly)
        && config.read(qint64(qstrlen(LabConfig::signature))) == LabConfig::signature) {
        return {};
    }
    return Error{Error::Kind::InvalidInput,
                 u"%1 is not an MPM Lab lab (no lab.json) and is not empty: MPM Lab writes "
                 "nothing into it. Choose a new or empty directory with --lab-dir"_s.arg(rootDir),
                 {}};
}

Status LabTree::createDirectories(const QString &rootDir)
{
    // Directories the lab creates are 0755 whatever the umask: Apache's
    // children (www-data when started by root) must reach the document root.
    QString firstCreated;
    for (QString dir = rootDir; !QFileInfo::exists(dir); dir = QFileInfo(dir).path())
        firstCreated = dir;
    const QDir root(rootDir);
    for (const QString &sub : {u"conf"_s, u"htdocs"_s, u"logs"_s, u"run"_s}) {
        if (!root.mkpath(sub)) {
            return Error{Error::Kind::Io,
                         u"cannot create %1: check the permissions of the lab directory"_s.arg(
                             root.filePath(sub)),
                         {}};
        }
    }
    const auto readableByAll = QFileDevice::ReadOwner | QFileDevice::WriteOwner
                               | QFileDevice::ExeOwner | QFileDevice::ReadGroup
                               | QFileDevice::ExeGroup | QFileDevice::ReadOther
                               | QFileDevice::ExeOther;
    for (QString dir = rootDir; !firstCreated.isEmpty() && dir.startsWith(firstCreated);
         dir = QFileInfo(dir).path()) {
        QFile::setPermissions(dir, readableByAll);
    }
    QFile::setPermissions(rootDir, readableByAll);
    QFile::setPermissions(root.filePath(u"htdocs"_s), readableByAll);
    return {};
}

Status LabTree::prepare(const LabConfig &config)
{
    if (Status created = createDirectories(config.rootDir); !created)
        return created;
    if (!config.runAsUser.isEmpty()) {
        const passwd *user = ::getpwnam(config.runAsUser.toLocal8Bit().constData());
        if (user) {
            if (const auto blocked =
                    firstUnreachableAncestor(config.documentRoot(), user->pw_uid, user->pw_gid)) {
                return Error{
                    Error::Kind::InvalidInput,
                    u"the lab directory %1 is not reachable by %2, which serves the "
                    "pages (%3 is not searchable by others): choose another lab "
                    "directory with --lab-dir"_s.arg(config.rootDir, config.runAsUser, *blocked),
                    {}};
            }
        }
    }
    const QString page = config.documentRoot() + QString::fromLatin1(TestFilesSpec::pagePath);
    if (!QFile::exists(page)) {
        if (Status written = writeFileAtomically(page, testPage()); !written)
            return written;
    }
    return writeFileAtomically(config.configPath(), config.render());
}

} // namespace mpmlab
