#pragma once

#include "MpmKind.h"
#include "common/Result.h"

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>
#include <optional>

namespace mpmlab {

// The Apache directives MPM Lab reads and sets: KeepAlive and timeouts for
// every MPM, and the process/thread limits of each MPM. Names are Apache's,
// canonical case; values are validated text, ready to write into a config.
// A value type: what a driver read, or what a user asked to change.
class DirectiveSet {
public:
    // Every directive MPM Lab manages, in display order.
    static QStringList knownNames();
    // Whether `name` only makes sense under some MPMs (ThreadsPerChild
    // under prefork is a hard configtest error, AH00526).
    static bool isPerMpm(const QString &name);
    static bool appliesTo(const QString &name, MpmKind mpm);
    // Apache's compiled-in value when no config sets it (ServerLimit: 256
    // under prefork, 16 under worker and event), if it has one.
    static std::optional<QString> compiledDefault(const QString &name, MpmKind mpm);
    // The value Debian 12's packaged apache2.conf or mods-available/mpm_*.conf
    // sets for `mpm`, if it sets one.
    static std::optional<QString> debianDefault(const QString &name, MpmKind mpm);

    // Checks name (any case) and value: type, range, no spaces, quotes or
    // shell characters. Returns the canonical name. InvalidInput otherwise,
    // saying what is accepted.
    static Result<QString> validate(const QString &name, const QString &value,
                                    QString *canonicalValue);
    // "Name=Value" words from a command line, validated; the MPM decides
    // which per-MPM directives are allowed (none: any, for every MPM).
    static Result<DirectiveSet> fromAssignments(const QStringList &assignments,
                                                std::optional<MpmKind> mpm);

    // Every value valid, every directive meaningful under `mpm` (which the
    // server `where` is configured with); InvalidInput otherwise.
    [[nodiscard]] Status checkFor(MpmKind mpm, const QString &where) const;

    void set(const QString &name, const QString &value) { m_values.insert(name, value); }
    [[nodiscard]] std::optional<QString> value(const QString &name) const;
    [[nodiscard]] bool isEmpty() const { return m_values.isEmpty(); }
    [[nodiscard]] const QMap<QString, QString> &values() const { return m_values; }
    // `other`'s values replace ours.
    void merge(const DirectiveSet &other);

    // A value Apache will not use as set, with these effective values under
    // an MPM: configtest says "Syntax OK" and Apache quietly uses another.
    struct Adjustment {
        QString name;      // the directive Apache changes
        QString usedValue; // what it uses instead
        QString reason;    // in words, with Apache's message code
    };
    // What Apache would silently lower or raise with these effective values
    // under `mpm` (MaxRequestWorkers vs ServerLimit x ThreadsPerChild,
    // ThreadsPerChild vs ThreadLimit, ...), compiled defaults filling the
    // gaps, in the order Apache applies them.
    [[nodiscard]] QList<Adjustment> adjustments(MpmKind mpm) const;
    // The same, in words.
    [[nodiscard]] QStringList inconsistencies(MpmKind mpm) const;

    // The lines of configtest or start output where Apache says it changed
    // or refused a value (AH00180, AH00513, AH00515, AH00507 and the worker
    // twins...): never swallowed. AH00558 (ServerName) is left out.
    static QStringList apacheWarnings(const QString &output);

    [[nodiscard]] QJsonObject toJson() const;

private:
    QMap<QString, QString> m_values;
};

} // namespace mpmlab
