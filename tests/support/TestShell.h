#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

// Shell scripts the test fixtures run on this machine (as root in CI).
namespace TestShell {

// Runs `script` with /bin/sh, `arguments` as $1...; empty on success, else
// what failed (its exit code and output). Its standard output goes to
// `output` when given.
QString run(const QString &script, const QStringList &arguments = {}, QByteArray *output = nullptr);

} // namespace TestShell
