#include "SeriesCsv.h"

#include "PointColumns.h"
#include "common/AtomicFile.h"

#include <QDir>

using namespace Qt::StringLiterals;

namespace mpmlab {

namespace {

template <typename Point, typename Row>
QByteArray csv(const QStringList &header, const std::vector<Point> &points, Row row)
{
    QByteArray text = header.join(u',').toUtf8() + '\n';
    for (const Point &point : points)
        text += row(point).join(u',').toUtf8() + '\n';
    return text;
}

} // namespace

Result<QStringList> SeriesCsv::write(const CampaignResult &campaign, const QString &directory)
{
    QStringList written;
    for (const RunRecord &run : campaign.runs) {
        const QString stem = u"%1-%2.csv"_s.arg(mpmName(run.mpm)).arg(run.repeat + 1);
        const QString loadPath = QDir(directory).filePath(u"load-"_s + stem);
        const QString serverPath = QDir(directory).filePath(u"server-"_s + stem);
        if (Status done = writeFileAtomically(
                loadPath, csv(PointColumns::loadCsvHeader(), run.load, &PointColumns::loadCsvRow));
            !done)
            return done.error();
        if (Status done =
                writeFileAtomically(serverPath, csv(PointColumns::serverCsvHeader(), run.server,
                                                    &PointColumns::serverCsvRow));
            !done)
            return done.error();
        written << loadPath << serverPath;
    }
    return written;
}

} // namespace mpmlab
