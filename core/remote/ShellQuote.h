#pragma once

#include <QString>
#include <QStringList>

namespace mpmlab {

// The one place where MPM Lab turns words into POSIX shell text. Every
// value that reaches a remote shell goes through here, after validation:
// single quotes, with each embedded quote closed, escaped and reopened.
QString shellQuote(const QString &word);

// Each argument quoted, separated by spaces: a command line for `sh -c`.
QString shellCommand(const QStringList &arguments);

} // namespace mpmlab
