#pragma once

#include "Result.h"

#include <QByteArray>
#include <QFileDevice>
#include <QJsonObject>
#include <QString>

namespace mpmlab {

// Writes `contents` to `path` so that readers see either the old file or the
// new one, never a half-written file (write to a temporary, fsync, rename).
// A device or a pipe (/dev/full, a FIFO) is written to as it is, never
// replaced. Every write, flush and close is checked: an Io error names the
// path and the reason (a full disk...).
Status writeFileAtomically(const QString &path, const QByteArray &contents,
                           QFileDevice::Permissions permissions = QFileDevice::ReadOwner
                                                                  | QFileDevice::WriteOwner
                                                                  | QFileDevice::ReadGroup
                                                                  | QFileDevice::ReadOther);

// Whether writeFileAtomically(path) can succeed, for a check before long
// work whose results must not be lost to a path mistake: the directory
// exists and takes a new file, or the path is a device or a pipe open to
// writing (whose writes are checked when they happen: /dev/full passes).
// An Io error in writeFileAtomically's words otherwise.
Status checkWritable(const QString &path);

// All of `contents` into `file` (opened Unbuffered): a short write is
// retried, and the next one fails with the reason (a full disk...) that
// file.errorString() then gives. False on failure.
bool writeAll(QFileDevice &file, const QByteArray &contents);

// The whole file, or an Io error naming it.
Result<QByteArray> readWholeFile(const QString &path);

// The whole of a regular file of at most `maxBytes`, its size checked
// before any byte is read; an InvalidInput error naming the file for a
// device or pipe (no size: /dev/zero) or a larger file, an Io error when it
// cannot be read.
Result<QByteArray> readBoundedFile(const QString &path, qint64 maxBytes);

// The JSON object a file holds; an Io error when it cannot be read, an
// InvalidInput error naming the file and the place when it is not JSON or
// not an object.
Result<QJsonObject> readJsonObject(const QString &path);

} // namespace mpmlab
