#pragma once

#include "Result.h"

#include <QByteArray>
#include <QFileDevice>
#include <QJsonObject>
#include <QString>

namespace mpmlab {

// Writes `contents` to `path` so that readers see either the old file or the
// new one, never a half-written file (write to a temporary, fsync, rename).
Status writeFileAtomically(const QString &path, const QByteArray &contents,
                           QFileDevice::Permissions permissions = QFileDevice::ReadOwner
                                                                  | QFileDevice::WriteOwner
                                                                  | QFileDevice::ReadGroup
                                                                  | QFileDevice::ReadOther);

// The whole file, or an Io error naming it.
Result<QByteArray> readWholeFile(const QString &path);

// The JSON object a file holds; an Io error when it cannot be read, an
// InvalidInput error naming the file and the place when it is not JSON or
// not an object.
Result<QJsonObject> readJsonObject(const QString &path);

} // namespace mpmlab
