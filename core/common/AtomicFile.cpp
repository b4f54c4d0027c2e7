#include "AtomicFile.h"

#include <QFile>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace mpmlab {

Status writeFileAtomically(const QString &path, const QByteArray &contents,
                           QFileDevice::Permissions permissions)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{Error::Kind::Io, u"cannot write %1: %2"_s.arg(path, file.errorString()), {}};
    if (file.write(contents) != contents.size() || !file.setPermissions(permissions)
        || !file.commit()) {
        return Error{Error::Kind::Io, u"cannot write %1: %2"_s.arg(path, file.errorString()), {}};
    }
    return {};
}

Result<QByteArray> readWholeFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{Error::Kind::Io, u"cannot read %1: %2"_s.arg(path, file.errorString()), {}};
    return file.readAll();
}

} // namespace mpmlab
