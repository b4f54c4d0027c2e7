#include "ManagedOverride.h"

#include "remote/ShellQuote.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace mpmlab {

namespace {

constexpr QByteArrayView limitBegin = "# BEGIN mpmlab memory limit";
constexpr QByteArrayView limitEnd = "# END mpmlab memory limit";
constexpr QStringView statusBegin = u"# BEGIN mpmlab status page";
constexpr QStringView statusEnd = u"# END mpmlab status page";

QString sectionName(MpmKind mpm) { return u"mpm_%1_module"_s.arg(mpmName(mpm)); }

} // namespace

void ManagedOverride::apply(const DirectiveSet &changes, MpmKind mpm)
{
    apply(changes, QList<MpmKind>{mpm});
}

void ManagedOverride::apply(const DirectiveSet &changes, const QList<MpmKind> &mpms)
{
    for (auto it = changes.values().cbegin(); it != changes.values().cend(); ++it) {
        if (!DirectiveSet::isPerMpm(it.key())) {
            global.set(it.key(), it.value());
            continue;
        }
        for (const MpmKind mpm : mpms) {
            if (DirectiveSet::appliesTo(it.key(), mpm))
                perMpm[mpm].set(it.key(), it.value());
        }
    }
}

bool ManagedOverride::isEmpty() const
{
    for (const DirectiveSet &set : perMpm) {
        if (!set.isEmpty())
            return false;
    }
    return global.isEmpty() && !statusPage;
}

QByteArray ManagedOverride::render() const
{
    QString text = QString::fromLatin1(header)
                   + u"`mpmlab-cli server set` rewrites this file and\n"
                     "# `mpmlab-cli server restore` removes it. Read after every stock file, so\n"
                     "# the values here win.\n"_s;
    for (auto it = global.values().cbegin(); it != global.values().cend(); ++it)
        text += it.key() % u' ' % it.value() % u'\n';
    for (auto section = perMpm.cbegin(); section != perMpm.cend(); ++section) {
        if (section->isEmpty())
            continue;
        text += u"<IfModule "_s % sectionName(section.key()) % u">\n"_s;
        for (auto it = section->values().cbegin(); it != section->values().cend(); ++it)
            text += u"    "_s % it.key() % u' ' % it.value() % u'\n';
        text += u"</IfModule>\n"_s;
    }
    if (statusPage) {
        text += statusBegin % u": mod_status for MPM Lab's sampler, from this host only\n"_s;
        if (!statusModuleFile.isEmpty()) {
            text += u"<IfModule !status_module>\n    LoadModule status_module "_s % statusModuleFile
                    % u"\n</IfModule>\n"_s;
        }
        text += u"<Location \"/server-status\">\n    SetHandler server-status\n"
                "    Require local\n</Location>\n"_s
                % statusEnd % u'\n';
    }
    return text.toUtf8();
}

ManagedOverride ManagedOverride::parse(const QByteArray &text)
{
    ManagedOverride result;
    std::optional<MpmKind> section;
    bool inStatusPage = false;
    for (const QString &raw : QString::fromUtf8(text).split(u'\n')) {
        const QString line = raw.trimmed();
        if (line.startsWith(statusBegin)) {
            inStatusPage = true;
            result.statusPage = true;
            continue;
        }
        if (inStatusPage) {
            inStatusPage = !line.startsWith(statusEnd);
            static const QString loadModule = u"LoadModule status_module "_s;
            if (line.startsWith(loadModule))
                result.statusModuleFile = line.mid(loadModule.size()).trimmed();
            continue;
        }
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        if (line.startsWith(u"<IfModule"_s, Qt::CaseInsensitive)) {
            section = mpmOfModule(line.mid(9).chopped(1).trimmed());
            continue;
        }
        if (line.startsWith(u"</"_s)) {
            section.reset();
            continue;
        }
        const QStringList words = line.split(u' ', Qt::SkipEmptyParts);
        QString value;
        if (words.size() != 2 || !DirectiveSet::validate(words[0], words[1], &value).ok())
            continue;
        if (section)
            result.perMpm[*section].set(words[0], value);
        else
            result.global.set(words[0], value);
    }
    return result;
}

QByteArray withRhelMpm(const QByteArray &text, MpmKind mpm)
{
    static const QRegularExpression loadLine(
        u"^(\\s*)#?\\s*(LoadModule\\s+mpm_([a-z]+)_module\\s.*)$"_s);
    QStringList lines = QString::fromUtf8(text).split(u'\n');
    for (QString &line : lines) {
        const QRegularExpressionMatch match = loadLine.match(line);
        if (!match.hasMatch())
            continue;
        const bool wanted = match.captured(3) == mpmName(mpm);
        line = match.captured(1) % (wanted ? QString() : u"#"_s) % match.captured(2);
    }
    return lines.join(u'\n').toUtf8();
}

QByteArray withMemoryLimit(const QByteArray &envvars, std::optional<qint64> kibibytes)
{
    QByteArray result = envvars;
    const qsizetype begin = result.indexOf(limitBegin);
    if (begin >= 0) {
        const qsizetype end = result.indexOf(limitEnd, begin);
        qsizetype stop = end < 0 ? result.size() : end + limitEnd.size();
        if (stop < result.size() && result.at(stop) == '\n')
            ++stop;
        result.remove(begin, stop - begin);
    }
    if (kibibytes) {
        if (!result.isEmpty() && !result.endsWith('\n'))
            result += '\n';
        result += limitBegin.toByteArray() + '\n' + "ulimit -v " + QByteArray::number(*kibibytes)
                  + '\n' + limitEnd.toByteArray() + '\n';
    }
    return result;
}

QByteArray rhelMemoryLimitFile(qint64 kibibytes)
{
    return "# Managed by MPM Lab: its start commands run httpd under `ulimit -v` of this many\n"
           "# KiB (RHEL without systemd); `mpmlab-cli server restore` removes this file.\n"
           + QByteArray::number(kibibytes) + '\n';
}

QByteArray systemdMemoryLimitDropIn(qint64 kibibytes)
{
    return "# Managed by MPM Lab: the address space limit of every httpd process, as\n"
           "# `ulimit -v`. `mpmlab-cli server restore` removes this file.\n"
           "[Service]\n"
           "LimitAS="
           + QByteArray::number(kibibytes) + "K\n";
}

QString systemdDropInScript(const QString &path, bool remove)
{
    const QString file = shellQuote(path);
    if (remove) {
        return u"set -e; rm -f %1; rmdir %2 2>/dev/null || true; systemctl daemon-reload"_s.arg(
            file, shellQuote(path.section(u'/', 0, -2)));
    }
    return u"set -e; umask 022; mkdir -p %2; cat > %1.mpmlab-new; mv -f %1.mpmlab-new %1; "
           "systemctl daemon-reload"_s.arg(file, shellQuote(path.section(u'/', 0, -2)));
}

} // namespace mpmlab
