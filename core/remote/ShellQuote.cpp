#include "ShellQuote.h"

using namespace Qt::StringLiterals;

namespace mpmlab {

QString shellQuote(const QString &word)
{
    QString quoted = word;
    quoted.replace(u'\'', u"'\\''"_s);
    return u'\'' % quoted % u'\'';
}

QString shellCommand(const QStringList &arguments)
{
    QStringList quoted;
    quoted.reserve(arguments.size());
    for (const QString &argument : arguments)
        quoted.append(shellQuote(argument));
    return quoted.join(u' ');
}

} // namespace mpmlab
