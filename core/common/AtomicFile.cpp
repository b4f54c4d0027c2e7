#include "AtomicFile.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace mpmlab {

bool writeAll(QFileDevice &file, const QByteArray &contents)
{
    qint64 written = 0;
    while (written < contents.size()) {
        const qint64 n = file.write(contents.constData() + written, contents.size() - written);
        if (n <= 0)
            return false;
        written += n;
    }
    return true;
}

namespace {

// A device or a pipe (/dev/stdout, /dev/full, a FIFO) cannot be replaced by
// a rename, and must not be: QSaveFile would put a regular file in its place.
Status writeDirectly(const QString &path, const QByteArray &contents)
{
    QFile file(path);
    const auto failed = [&] {
        return Status{
            Error{Error::Kind::Io, u"cannot write %1: %2"_s.arg(path, file.errorString()), {}}};
    };
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return failed();
    if (!writeAll(file, contents))
        return failed();
    file.close();
    if (file.error() != QFileDevice::NoError)
        return failed();
    return {};
}

} // namespace

Status writeFileAtomically(const QString &path, const QByteArray &contents,
                           QFileDevice::Permissions permissions)
{
    if (const QFileInfo target(path); target.exists() && !target.isFile() && !target.isDir())
        return writeDirectly(path, contents);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return Error{Error::Kind::Io, u"cannot write %1: %2"_s.arg(path, file.errorString()), {}};
    if (!writeAll(file, contents) || !file.setPermissions(permissions) || !file.commit()) {
        return Error{Error::Kind::Io, u"cannot write %1: %2"_s.arg(path, file.errorString()), {}};
    }
    return {};
}

Status checkWritable(const QString &path)
{
    const QFileInfo target(path);
    const auto refused = [&path](const QString &reason) {
        return Status{Error{Error::Kind::Io, u"cannot write %1: %2"_s.arg(path, reason), {}}};
    };
    if (target.isDir())
        return refused(u"Is a directory"_s);
    if (target.exists() && !target.isFile()) // never opened here: a FIFO would block
        return target.isWritable() ? Status{} : refused(u"Permission denied"_s);
    // What writeFileAtomically will do, up to the first byte: a temporary
    // beside the target, discarded when `probe` goes.
    QSaveFile probe(path);
    if (!probe.open(QIODevice::WriteOnly))
        return refused(probe.errorString());
    return {};
}

Result<QByteArray> readWholeFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{Error::Kind::Io, u"cannot read %1: %2"_s.arg(path, file.errorString()), {}};
    return file.readAll();
}

Result<QByteArray> readBoundedFile(const QString &path, qint64 maxBytes)
{
    constexpr qint64 mebibyte = 1 << 20; // bytes
    // Before the open: opening a FIFO would wait for a writer.
    if (const QFileInfo info(path); info.exists() && !info.isFile()) {
        return Error{Error::Kind::InvalidInput,
                     u"%1: not a regular file (a device or a pipe has no size to check); give a "
                     "file of at most %2 MiB"_s.arg(path)
                         .arg(maxBytes / mebibyte),
                     {}};
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{Error::Kind::Io, u"cannot read %1: %2"_s.arg(path, file.errorString()), {}};
    const qint64 size = file.size();
    if (size > maxBytes) {
        return Error{Error::Kind::InvalidInput,
                     u"%1: %2 MiB, more than the %3 MiB allowed"_s.arg(path)
                         .arg((size + mebibyte - 1) / mebibyte)
                         .arg(maxBytes / mebibyte),
                     {}};
    }
    // One byte more than the size tells a file that grew since: no body
    // cut at an arbitrary place.
    const QByteArray bytes = file.read(size + 1);
    if (bytes.size() > size)
        return Error{Error::Kind::Io, u"cannot read %1: it grew while read"_s.arg(path), {}};
    if (file.error() != QFileDevice::NoError)
        return Error{Error::Kind::Io, u"cannot read %1: %2"_s.arg(path, file.errorString()), {}};
    return bytes;
}

Result<QJsonObject> readJsonObject(const QString &path)
{
    const Result<QByteArray> bytes = readWholeFile(path);
    if (!bytes)
        return bytes.error();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(*bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return Error{Error::Kind::InvalidInput,
                     u"%1 is not valid JSON: %2 at byte %3"_s.arg(path, parseError.errorString())
                         .arg(parseError.offset),
                     {}};
    }
    if (!document.isObject())
        return Error{Error::Kind::InvalidInput, u"%1 does not hold a JSON object"_s.arg(path), {}};
    return document.object();
}

} // namespace mpmlab
