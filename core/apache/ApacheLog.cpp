#include "ApacheLog.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace mpmlab {

bool hasSevereLogLines(const QString &log)
{
    static const QRegularExpression severe(u"\\[[a-z_0-9]*:(alert|emerg|crit)\\]"_s);
    return log.contains(severe);
}

} // namespace mpmlab
