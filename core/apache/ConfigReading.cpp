#include "ConfigReading.h"

#include <QRegularExpression>
#include <functional>

using namespace Qt::StringLiterals;

namespace mpmlab {

namespace {

constexpr QByteArrayView fileMarker = "# In file: ";

// Calls `assign` for each managed directive that counts for a server
// running `mpm`, in reading order, with its canonical name and value.
void forEachAssignment(const QList<ConfigFile> &files, MpmKind mpm,
                       const std::function<void(const QString &name, const QString &value,
                                                const ConfigFile &file)> &assign)
{
    const QStringList managed = DirectiveSet::knownNames();
    static const QRegularExpression spaces(u"\\s+"_s);
    for (const ConfigFile &file : files) {
        // Each open section: whether its contents count for this server.
        QList<bool> counts;
        for (const QString &raw : QString::fromUtf8(file.text).split(u'\n')) {
            const QString line = raw.trimmed();
            if (line.isEmpty() || line.startsWith(u'#'))
                continue;
            if (line.startsWith(u"</"_s)) {
                if (!counts.isEmpty())
                    counts.removeLast();
                continue;
            }
            if (line.startsWith(u'<')) {
                const QStringList words = line.mid(1)
                                              .chopped(line.endsWith(u'>') ? 1 : 0)
                                              .split(u' ', Qt::SkipEmptyParts);
                bool open = false;
                if (!words.isEmpty() && words[0].compare(u"IfModule"_s, Qt::CaseInsensitive) == 0) {
                    const QString module = words.value(1);
                    const std::optional<MpmKind> of = mpmOfModule(module);
                    const bool negated = module.startsWith(u'!');
                    // Non-MPM modules: assumed loaded (mod_status, ...).
                    open = !of || ((*of == mpm) != negated);
                }
                counts.append(open);
                continue;
            }
            if (counts.contains(false))
                continue;
            const QStringList words = line.split(spaces, Qt::SkipEmptyParts);
            if (words.size() < 2 || !managed.contains(words[0], Qt::CaseInsensitive))
                continue;
            QString value;
            const Result<QString> name = DirectiveSet::validate(words[0], words[1], &value);
            if (name)
                assign(*name, value, file);
        }
    }
}

QList<ConfigFile> unnamed(const QList<QByteArray> &texts)
{
    QList<ConfigFile> files;
    for (const QByteArray &text : texts)
        files << ConfigFile{QString(), text};
    return files;
}

// The managed directive `line` names first, if any.
QString firstDirectiveNamed(const QString &line)
{
    QString first;
    qsizetype at = -1;
    for (const QString &name : DirectiveSet::knownNames()) {
        const QRegularExpression word(u"\\b%1\\b"_s.arg(name));
        const QRegularExpressionMatch match = word.match(line);
        if (match.hasMatch() && (at < 0 || match.capturedStart() < at)) {
            at = match.capturedStart();
            first = name;
        }
    }
    return first;
}

} // namespace

QList<ConfigFile> splitConfigDump(const QByteArray &dump)
{
    QList<ConfigFile> files;
    ConfigFile current;
    for (const QByteArray &line : dump.split('\n')) {
        if (line.startsWith(fileMarker)) {
            if (!current.text.isEmpty() || !current.path.isEmpty())
                files << current;
            const QString path = QString::fromUtf8(line.mid(fileMarker.size()).trimmed());
            static const QRegularExpression stock(
                u"/apache2(-[^/]+)?/(apache2\\.conf|mods-(enabled|available)/mpm_[a-z]+\\.conf)$"_s);
            current = ConfigFile{path, {}, stock.match(path).hasMatch()};
            continue;
        }
        current.text += line + '\n';
    }
    if (!current.text.trimmed().isEmpty() || !current.path.isEmpty())
        files << current;
    return files;
}

DirectiveSet effectiveDirectives(const QList<QByteArray> &files, MpmKind mpm)
{
    DirectiveSet result;
    forEachAssignment(unnamed(files), mpm,
                      [&result](const QString &name, const QString &value, const ConfigFile &) {
                          result.set(name, value);
                      });
    return result;
}

QStringList virtualHostDirectives(const QList<QByteArray> &files)
{
    const QStringList managed = DirectiveSet::knownNames();
    QStringList result;
    for (const QByteArray &file : files) {
        QString host; // the open <VirtualHost ...> line, empty outside one
        for (const QString &raw : QString::fromUtf8(file).split(u'\n')) {
            const QString line = raw.simplified();
            if (line.startsWith(u"<VirtualHost"_s, Qt::CaseInsensitive)) {
                host = line;
                continue;
            }
            if (line.startsWith(u"</VirtualHost"_s, Qt::CaseInsensitive)) {
                host.clear();
                continue;
            }
            const QStringList words = line.split(u' ');
            if (host.isEmpty() || words.size() < 2)
                continue;
            for (const QString &name : managed) {
                if (name.compare(words[0], Qt::CaseInsensitive) == 0) {
                    result << u"%1 %2 in %3"_s.arg(name, words[1], host);
                    break;
                }
            }
        }
    }
    return result;
}

QList<DirectiveReading> readDirectives(const QList<ConfigFile> &files, MpmKind mpm,
                                       const QString &managedFile, const ManagedOverride &managed,
                                       const QStringList &apacheLines)
{
    DirectiveSet effective;
    QMap<QString, QString> fileOf;
    QMap<QString, bool> stockOf;
    forEachAssignment(files, mpm,
                      [&](const QString &name, const QString &value, const ConfigFile &file) {
                          effective.set(name, value);
                          fileOf.insert(name, file.path);
                          stockOf.insert(name, file.stock);
                      });
    QList<QByteArray> texts;
    for (const ConfigFile &file : files)
        texts << file.text;
    const QStringList perHost = virtualHostDirectives(texts);
    const QList<DirectiveSet::Adjustment> adjustments = effective.adjustments(mpm);

    QList<DirectiveReading> readings;
    for (const QString &name : DirectiveSet::knownNames()) {
        if (!DirectiveSet::appliesTo(name, mpm))
            continue;
        DirectiveReading reading;
        reading.name = name;
        reading.perMpm = DirectiveSet::isPerMpm(name);
        if (const std::optional<QString> set = effective.value(name)) {
            reading.value = *set;
            reading.file = fileOf.value(name);
            if (!managedFile.isEmpty() && reading.file == managedFile)
                reading.source = DirectiveReading::Source::Managed;
            else if (stockOf.value(name) && DirectiveSet::debianDefault(name, mpm) == *set)
                reading.source = DirectiveReading::Source::Distribution;
            else
                reading.source = DirectiveReading::Source::ServerConfig;
        } else {
            reading.value = DirectiveSet::compiledDefault(name, mpm).value_or(QString());
        }
        if (reading.perMpm) {
            for (auto it = managed.perMpm.cbegin(); it != managed.perMpm.cend(); ++it) {
                if (const std::optional<QString> value = it->value(name))
                    reading.managedPerMpm.insert(it.key(), *value);
            }
        }
        for (const DirectiveSet::Adjustment &adjustment : adjustments) {
            if (adjustment.name == name) {
                reading.usedValue = adjustment.usedValue;
                reading.warnings << adjustment.reason;
            }
        }
        for (const QString &line : apacheLines) {
            if (firstDirectiveNamed(line) == name && !reading.warnings.contains(line))
                reading.warnings << line;
        }
        for (const QString &setting : perHost) {
            if (setting.section(u' ', 0, 0) == name)
                reading.virtualHosts << setting.section(u' ', 1);
        }
        readings << reading;
    }
    return readings;
}

} // namespace mpmlab
