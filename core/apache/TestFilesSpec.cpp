#include "TestFilesSpec.h"

using namespace Qt::StringLiterals;

namespace mpmlab {

Status TestFilesSpec::validate() const
{
    if (pageBytes >= 1 && pageBytes <= maxPageBytes && largeBytes >= 1
        && largeBytes <= maxLargeBytes)
        return {};
    return Error{
        Error::Kind::InvalidInput,
        u"test file sizes: test.html 1 to %1 bytes, large.bin 1 to %2 bytes"_s.arg(maxPageBytes)
            .arg(maxLargeBytes),
        {}};
}

QByteArray TestFilesSpec::pageOfSize(qint64 bytes)
{
    const QByteArray head = "<!DOCTYPE html>\n<html><head><title>MPM Lab test page</title></head>"
                            "<body><p>MPM Lab</p><!--";
    const QByteArray tail = "--></body></html>\n";
    if (bytes < head.size() + tail.size())
        return QByteArray(bytes, 'x');
    return head + QByteArray(bytes - head.size() - tail.size(), '-') + tail;
}

} // namespace mpmlab
