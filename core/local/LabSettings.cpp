#include "LabSettings.h"

#include "common/AtomicFile.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace mpmlab {

Result<LabSettings> LabSettings::load(const QString &path)
{
    if (!QFile::exists(path))
        return LabSettings{};
    const Result<QByteArray> bytes = readWholeFile(path);
    if (!bytes)
        return bytes.error();
    return fromJson(*bytes, path);
}

Result<LabSettings> LabSettings::fromJson(const QByteArray &json, const QString &path)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    const auto malformed = [&path](const QString &why) {
        return Error{Error::Kind::Io,
                     u"%1 is malformed (%2): fix it or delete it to start afresh"_s.arg(path, why),
                     {}};
    };
    if (!doc.isObject())
        return malformed(parseError.errorString());
    const QJsonObject object = doc.object();
    LabSettings settings;
    const int port = object.value(u"port"_s).toInt(-1);
    if (port < 1 || port > 65535)
        return malformed(u"port must be 1-65535"_s);
    settings.port = quint16(port);
    const std::optional<MpmKind> mpm = mpmFromName(object.value(u"mpm"_s).toString());
    if (!mpm)
        return malformed(u"mpm must be prefork, worker or event"_s);
    settings.mpm = *mpm;
    settings.directives = ManagedOverride::parse(object.value(u"directives"_s).toString().toUtf8());
    if (const QJsonValue limit = object.value(u"memoryLimitKib"_s); !limit.isUndefined()) {
        const qint64 kib = limit.toInteger(-1);
        if (kib <= 0)
            return malformed(u"memoryLimitKib must be a number of KiB above 0"_s);
        settings.memoryLimitKib = kib;
    }
    return settings;
}

Status LabSettings::save(const QString &path) const { return writeFileAtomically(path, toJson()); }

QByteArray LabSettings::toJson() const
{
    QJsonObject object{{u"port"_s, int(port)}, {u"mpm"_s, mpmName(mpm)}};
    if (!directives.isEmpty())
        object.insert(u"directives"_s, QString::fromUtf8(directives.render()));
    if (memoryLimitKib)
        object.insert(u"memoryLimitKib"_s, *memoryLimitKib);
    return QJsonDocument(object).toJson();
}

} // namespace mpmlab
