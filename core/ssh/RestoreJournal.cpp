#include "RestoreJournal.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace mpmlab {

namespace {

// "/etc/apache2-lab" -> "etc-apache2-lab": one safe file name per tree.
QString flattened(const QString &text)
{
    static const QRegularExpression unsafe(u"[^A-Za-z0-9._]+"_s);
    QString name = text;
    name.replace(unsafe, u"-"_s);
    while (name.startsWith(u'-'))
        name.remove(0, 1);
    return name;
}

} // namespace

QByteArray RestoreJournal::toJson() const
{
    const QJsonObject object{
        {u"version"_s, formatVersion},
        {u"target"_s, target},
        {u"configDir"_s, configDir},
        {u"originalArchive"_s, originalArchive},
        {u"wasRunning"_s, wasRunning},
        {u"originalMpm"_s, originalMpm ? QJsonValue(mpmName(*originalMpm)) : QJsonValue()},
        {u"hadStatusPage"_s, hadStatusPage},
        {u"createdFiles"_s, QJsonArray::fromStringList(createdFiles)},
        {u"startedAt"_s, startedAt},
    };
    return QJsonDocument(object).toJson();
}

Result<RestoreJournal> RestoreJournal::fromJson(const QByteArray &json, const QString &origin)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    const QJsonObject object = doc.object();
    if (!doc.isObject() || object.value(u"version"_s).toInt() != formatVersion
        || object.value(u"configDir"_s).toString().isEmpty()) {
        return Error{Error::Kind::Io,
                     u"the restore journal %1 is unreadable: restore by hand from the archive "
                     "next to it"_s.arg(origin),
                     {}};
    }
    RestoreJournal journal;
    journal.target = object.value(u"target"_s).toString();
    journal.configDir = object.value(u"configDir"_s).toString();
    journal.originalArchive = object.value(u"originalArchive"_s).toString();
    journal.wasRunning = object.value(u"wasRunning"_s).toBool();
    journal.originalMpm = mpmFromName(object.value(u"originalMpm"_s).toString());
    journal.hadStatusPage = object.value(u"hadStatusPage"_s).toBool(true);
    for (const QJsonValue &file : object.value(u"createdFiles"_s).toArray())
        journal.createdFiles << file.toString();
    journal.startedAt = object.value(u"startedAt"_s).toString();
    return journal;
}

QString RestoreJournal::serverDirFor(const QString &configDir)
{
    return u"/var/lib/mpmlab/restore/"_s + flattened(configDir);
}

QString RestoreJournal::lockPathFor(const QString &configDir)
{
    return u"/run/mpmlab/"_s + flattened(configDir) + u".lock"_s;
}

QString RestoreJournal::clientPathFor(const QString &journalDir, const QString &target,
                                      const QString &configDir)
{
    return journalDir % u'/' % flattened(target % u'-' % configDir) % u".json"_s;
}

QString RestoreJournal::defaultClientDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
           + u"/mpmlab/journals"_s;
}

} // namespace mpmlab
