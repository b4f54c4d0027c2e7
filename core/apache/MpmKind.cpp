#include "MpmKind.h"

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

} // namespace mpmlab
