#pragma once

#include "DirectiveReading.h"
#include "DirectiveSet.h"
#include "ManagedOverride.h"
#include "MpmKind.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace mpmlab {

// How MPM Lab reads an Apache configuration's text for the directives it
// manages, whatever the target: the files in Apache's reading order, the
// last value winning, the sections of other MPMs and the <VirtualHost>,
// <Directory>-like blocks skipped.

// One file of a configuration, as Apache reads it.
struct ConfigFile {
    QString path; // empty when unknown
    QByteArray text;
    // One of the distribution's own files (Debian's apache2.conf and
    // mpm_*.conf): a value there that equals the packaged one is Debian's
    // default, not a choice of the server's administrator.
    bool stock = false;
};

// Apache's DUMP_CONFIG output (mod_info), or files printed one after the
// other each after a "# In file: PATH" line, as one ConfigFile per run of
// lines from the same file; Debian's apache2.conf and mpm_*.conf are stock.
QList<ConfigFile> splitConfigDump(const QByteArray &dump);

// The values of the managed directives that Apache ends up with, reading
// `files` in order, for a server running `mpm`. Directives no file sets
// are absent (compiled defaults apply).
DirectiveSet effectiveDirectives(const QList<QByteArray> &files, MpmKind mpm);

// The managed directives set inside <VirtualHost> blocks of `files`, as
// "KeepAliveTimeout 15 in <VirtualHost *:80>". They win over the global
// value (the managed override's too) for that virtual host's connections.
QStringList virtualHostDirectives(const QList<QByteArray> &files);

// Every managed directive that applies to `mpm`, as `files` set it: its
// value (or Apache's compiled default), the file it comes from (Managed
// when that is `managedFile`, Distribution for Debian's value in a stock
// file), what MPM Lab's `managed` file sets for each
// MPM, what Apache will use instead and why (MPM Lab's reading of Apache's
// rules, and `apacheLines`, configtest's AH lines, each given to the first
// directive it names), and the virtual hosts with a value of their own.
QList<DirectiveReading> readDirectives(const QList<ConfigFile> &files, MpmKind mpm,
                                       const QString &managedFile, const ManagedOverride &managed,
                                       const QStringList &apacheLines);

} // namespace mpmlab
