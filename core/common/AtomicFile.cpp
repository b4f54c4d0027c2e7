#include "AtomicFile.h"

#include <QFile>
#include <QJsonDocument>
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
