#include "RecentTargets.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace {

const QString group = u"connections"_s;

QString authenticationName(RecentTarget::Authentication authentication)
{
    switch (authentication) {
    case RecentTarget::Authentication::Agent: return u"agent"_s;
    case RecentTarget::Authentication::KeyFile: return u"key"_s;
    case RecentTarget::Authentication::Password: return u"password"_s;
    }
    return u"agent"_s;
}

RecentTarget::Authentication authenticationFrom(const QString &name)
{
    if (name == u"key")
        return RecentTarget::Authentication::KeyFile;
    if (name == u"password")
        return RecentTarget::Authentication::Password;
    return RecentTarget::Authentication::Agent;
}

} // namespace

QList<RecentTarget> RecentTarget::load()
{
    QSettings settings;
    QList<RecentTarget> entries;
    const int size = settings.beginReadArray(group);
    for (int i = 0; i < size && i < kept; ++i) {
        settings.setArrayIndex(i);
        RecentTarget entry;
        entry.target = settings.value(u"target"_s).toString();
        entry.authentication = authenticationFrom(settings.value(u"authentication"_s).toString());
        entry.identityFile = settings.value(u"identityFile"_s).toString();
        entry.sudo = settings.value(u"sudo"_s).toBool();
        entry.instance = settings.value(u"instance"_s).toString();
        entry.rememberPasswords = settings.value(u"rememberPasswords"_s).toBool();
        if (entry.target.startsWith(u"ssh://"))
            entries << entry;
    }
    settings.endArray();
    return entries;
}

void RecentTarget::remember(const RecentTarget &entry)
{
    QList<RecentTarget> entries = load();
    entries.removeIf([&entry](const RecentTarget &old) { return old.target == entry.target; });
    entries.prepend(entry);
    QSettings settings;
    settings.beginWriteArray(group, int(std::min<qsizetype>(entries.size(), kept)));
    for (int i = 0; i < entries.size() && i < kept; ++i) {
        settings.setArrayIndex(i);
        const RecentTarget &stored = entries[i];
        settings.setValue(u"target"_s, stored.target);
        settings.setValue(u"authentication"_s, authenticationName(stored.authentication));
        settings.setValue(u"identityFile"_s, stored.identityFile);
        settings.setValue(u"sudo"_s, stored.sudo);
        settings.setValue(u"instance"_s, stored.instance);
        settings.setValue(u"rememberPasswords"_s, stored.rememberPasswords);
    }
    settings.endArray();
}
