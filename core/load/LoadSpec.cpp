#include "LoadSpec.h"

#include <algorithm>
#include <cctype>

using namespace Qt::StringLiterals;

namespace mpmlab {

namespace {

Error invalid(const QString &message) { return Error{Error::Kind::InvalidInput, message, {}}; }

bool isToken(const std::string &text)
{
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c))
               || std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
    });
}

constexpr std::chrono::milliseconds maxThinkTime{std::chrono::hours(1)};

} // namespace

bool LoadSpec::methodIsIdempotent() const
{
    for (const char *safe : {"GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE"}) {
        if (method == safe)
            return true;
    }
    return false;
}

Status LoadSpec::validate() const
{
    if (concurrency < 1)
        return invalid(u"concurrency must be at least 1"_s);
    if (threads < 0)
        return invalid(u"threads cannot be negative (0 chooses)"_s);
    if (requests == 0 && duration.count() <= 0)
        return invalid(u"give a number of requests or a duration"_s);
    if (requests != 0 && requests < std::uint64_t(concurrency) && rate <= 0)
        return invalid(u"cannot use concurrency level greater than total number of requests"_s);
    if (timeout.count() <= 0)
        return invalid(u"the timeout must be positive"_s);
    if (maxDuration.count() <= 0)
        return invalid(u"the maximum duration must be positive"_s);
    if (rate < 0)
        return invalid(u"the rate must be positive"_s);
    if (idleConnections < 0)
        return invalid(u"idle connections cannot be negative"_s);
    if (thinkTimeMin.count() < 0 || thinkTimeMax < thinkTimeMin)
        return invalid(u"the think time must be a range from 0 up: MIN-MAX with MIN <= MAX"_s);
    if (thinkTimeMax > maxThinkTime)
        return invalid(u"the think time cannot exceed %1 s"_s.arg(maxThinkTime.count() / 1000));
    if (thinks() && rate > 0)
        return invalid(
            u"think time is for closed-loop clients: an open-loop run (--rate) sends on a schedule"_s);
    if (!isToken(method))
        return invalid(u"'%1' is not an HTTP method"_s.arg(QString::fromStdString(method)));
    for (const auto &[name, value] : headers) {
        if (!isToken(name))
            return invalid(u"'%1' is not a header name"_s.arg(QString::fromStdString(name)));
        if (value.find_first_of("\r\n") != std::string::npos)
            return invalid(
                u"header '%1' has a line break in its value"_s.arg(QString::fromStdString(name)));
    }
    if (contentType.find_first_of("\r\n") != std::string::npos)
        return invalid(u"the content type has a line break"_s);
    return {};
}

} // namespace mpmlab
