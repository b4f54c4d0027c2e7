#include "TestSkip.h"

#include <QByteArray>
#include <QtGlobal>

bool TestSkip::forbidden()
{
    const QByteArray value = qgetenv("MPMLAB_NO_SKIP");
    return !value.isEmpty() && value != "0";
}

void TestSkip::skip(const char *reason, const char *file, int line)
{
    if (!forbidden()) {
        QTest::qSkip(reason, file, line);
        return;
    }
    const QByteArray refusal =
        QByteArray("MPMLAB_NO_SKIP forbids skips, and this test would have skipped: ") + reason;
    QTest::qFail(refusal.constData(), file, line);
}
