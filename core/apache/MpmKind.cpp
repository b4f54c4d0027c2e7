#include "MpmKind.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace mpmlab {

QString mpmName(MpmKind kind)
{
    switch (kind) {
    case MpmKind::Prefork: return u"prefork"_s;
    case MpmKind::Worker: return u"worker"_s;
    case MpmKind::Event: return u"event"_s;
    }
    return {};
}

std::optional<MpmKind> mpmFromName(QStringView name)
{
    QStringView bare = name.trimmed();
    if (bare.startsWith(u"mpm_", Qt::CaseInsensitive))
        bare = bare.mid(4);
    for (MpmKind kind : allMpmKinds) {
        if (bare.compare(mpmName(kind), Qt::CaseInsensitive) == 0)
            return kind;
    }
    return std::nullopt;
}

std::optional<MpmKind> mpmOfModule(QStringView module)
{
    static const QRegularExpression pattern(u"^!?mpm_([a-z]+)_module$|^!?mod_mpm_([a-z]+)\\.c$"_s);
    const QRegularExpressionMatch match = pattern.match(module.toString());
    if (!match.hasMatch())
        return std::nullopt;
    return mpmFromName(match.captured(1).isEmpty() ? match.captured(2) : match.captured(1));
}

} // namespace mpmlab
