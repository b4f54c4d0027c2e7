#include "ResponseParser.h"

#include <algorithm>
#include <cstring>

namespace mpmlab {

namespace {

constexpr char httpPrefix[] = "HTTP/";
constexpr int httpPrefixLength = 5;

char lower(char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; }

bool isDigit(char c) { return c >= '0' && c <= '9'; }

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = lower(c);
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

std::string_view trimmed(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
        text.remove_suffix(1);
    return text;
}

// Whether a comma-separated header value holds `token` (lower-case).
bool hasToken(std::string_view value, std::string_view token)
{
    while (!value.empty()) {
        const std::size_t comma = value.find(',');
        const std::string_view item = trimmed(value.substr(0, comma));
        if (item.size() == token.size()
            && std::equal(item.begin(), item.end(), token.begin(),
                          [](char a, char b) { return lower(a) == b; }))
            return true;
        if (comma == std::string_view::npos)
            break;
        value.remove_prefix(comma + 1);
    }
    return false;
}

} // namespace

void ResponseParser::reset(bool headRequest)
{
    // The captured Server header outlives the response it came with.
    const bool capture = m_captureServer;
    const auto server = m_server;
    const std::size_t serverLength = m_serverLength;
    *this = ResponseParser();
    m_headRequest = headRequest;
    m_captureServer = capture;
    m_server = server;
    m_serverLength = serverLength;
}

ResponseParser::Outcome ResponseParser::fail(Problem problem)
{
    m_problem = problem;
    m_state = State::Failed;
    return Outcome::Error;
}

bool ResponseParser::headerByte() { return ++m_headerBytes <= maxHeaderBytes; }

bool ResponseParser::keepAlive() const
{
    if (m_readToClose || m_connectionClose)
        return false;
    if (m_major > 1 || (m_major == 1 && m_minor >= 1))
        return true;
    return m_connectionKeepAlive;
}

const char *ResponseParser::problemName(Problem problem)
{
    switch (problem) {
    case Problem::None: return "none";
    case Problem::BadStatusLine: return "bad status line";
    case Problem::HeadersTooLarge: return "headers too large";
    case Problem::BadHeader: return "bad header line";
    case Problem::BadContentLength: return "bad Content-Length";
    case Problem::BadChunk: return "bad chunked encoding";
    case Problem::Truncated: return "truncated response";
    }
    return "unknown";
}

bool ResponseParser::endOfHeaderLine()
{
    if (m_nameTooLong)
        return true;
    const std::string_view name(m_name.data(), m_nameLength);
    const std::string_view value = trimmed(std::string_view(m_value.data(), m_valueLength));
    if (name == "content-length") {
        if (value.empty() || value.size() > 18 || !std::all_of(value.begin(), value.end(), isDigit))
            return false;
        std::int64_t length = 0;
        for (char c : value)
            length = length * 10 + (c - '0');
        if (m_contentLength >= 0 && m_contentLength != length)
            return false;
        m_contentLength = length;
    } else if (name == "transfer-encoding") {
        // Chunked only counts as the last coding; anything else runs to the close.
        const std::size_t comma = value.rfind(',');
        const std::string_view last =
            trimmed(comma == std::string_view::npos ? value : value.substr(comma + 1));
        m_chunked = hasToken(last, "chunked");
        if (!m_chunked)
            m_contentLength = -2; // a coding without chunked: the close ends the body
    } else if (name == "connection") {
        m_connectionClose = m_connectionClose || hasToken(value, "close");
        m_connectionKeepAlive = m_connectionKeepAlive || hasToken(value, "keep-alive");
    } else if (name == "server" && m_captureServer && m_serverLength == 0) {
        m_serverLength = std::min(value.size(), m_server.size());
        std::memcpy(m_server.data(), value.data(), m_serverLength);
    }
    return true;
}

ResponseParser::Outcome ResponseParser::endOfHeaders()
{
    if (m_status >= 100 && m_status < 200 && m_status != 101) {
        // An interim response (100 Continue): the real one follows.
        const std::uint64_t bytes = m_headerBytes;
        const bool head = m_headRequest;
        reset(head);
        m_headerBytes = bytes;
        return Outcome::NeedMore;
    }
    if (m_headRequest || m_status == 204 || m_status == 304 || m_status == 101) {
        m_state = State::Done;
        return Outcome::Complete;
    }
    if (m_chunked) {
        startChunkSize();
        return Outcome::NeedMore;
    }
    if (m_contentLength >= 0) {
        m_remaining = std::uint64_t(m_contentLength);
        m_state = m_remaining ? State::Body : State::Done;
        return m_remaining ? Outcome::NeedMore : Outcome::Complete;
    }
    m_state = State::BodyToClose;
    m_readToClose = true;
    return Outcome::NeedMore;
}

void ResponseParser::startChunkSize()
{
    m_state = State::ChunkSize;
    m_remaining = 0;
    m_chunkSizeSeen = false;
}

ResponseParser::Outcome ResponseParser::endOfChunkSizeLine()
{
    if (!m_chunkSizeSeen)
        return fail(Problem::BadChunk);
    m_state = m_remaining ? State::ChunkData : State::TrailerLineStart;
    return Outcome::NeedMore;
}

ResponseParser::Outcome ResponseParser::feed(const char *data, std::size_t length,
                                             std::size_t &consumed)
{
    std::size_t i = 0;
    Outcome outcome = Outcome::NeedMore;
    const auto done = [&](Outcome result) {
        consumed = i;
        return result;
    };
    if (m_state == State::Done)
        return done(Outcome::Complete);
    if (m_state == State::Failed)
        return done(Outcome::Error);

    while (i < length) {
        // Bodies are consumed in bulk; everything else byte by byte.
        if (m_state == State::Body || m_state == State::ChunkData) {
            const std::uint64_t take = std::min<std::uint64_t>(m_remaining, length - i);
            m_remaining -= take;
            m_bodyBytes += take;
            i += std::size_t(take);
            if (m_remaining == 0) {
                if (m_state == State::Body) {
                    m_state = State::Done;
                    return done(Outcome::Complete);
                }
                m_state = State::ChunkDataCr;
            }
            continue;
        }
        if (m_state == State::BodyToClose) {
            m_bodyBytes += length - i;
            i = length;
            break;
        }

        const char c = data[i++];
        if (m_state < State::Body && !headerByte())
            return done(fail(Problem::HeadersTooLarge));

        switch (m_state) {
        case State::StatusHttp:
            if (c != httpPrefix[m_index])
                return done(fail(Problem::BadStatusLine));
            if (++m_index == httpPrefixLength)
                m_state = State::StatusMajor;
            break;
        case State::StatusMajor:
            if (!isDigit(c))
                return done(fail(Problem::BadStatusLine));
            m_major = c - '0';
            m_state = State::StatusDot;
            break;
        case State::StatusDot:
            if (c != '.')
                return done(fail(Problem::BadStatusLine));
            m_state = State::StatusMinor;
            break;
        case State::StatusMinor:
            if (!isDigit(c))
                return done(fail(Problem::BadStatusLine));
            m_minor = c - '0';
            m_state = State::StatusSpace;
            break;
        case State::StatusSpace:
            if (c != ' ')
                return done(fail(Problem::BadStatusLine));
            m_state = State::StatusCode;
            m_index = 0;
            break;
        case State::StatusCode:
            if (!isDigit(c))
                return done(fail(Problem::BadStatusLine));
            m_status = m_status * 10 + (c - '0');
            if (++m_index == 3) {
                if (m_status < 100)
                    return done(fail(Problem::BadStatusLine));
                m_state = State::StatusAfterCode;
            }
            break;
        case State::StatusAfterCode:
            if (c == ' ')
                m_state = State::StatusReason;
            else if (c == '\r')
                m_state = State::StatusReason;
            else if (c == '\n')
                m_state = State::HeaderLineStart;
            else
                return done(fail(Problem::BadStatusLine));
            break;
        case State::StatusReason:
            if (c == '\n')
                m_state = State::HeaderLineStart;
            break;
        case State::HeaderLineStart:
            if (c == '\r') {
                m_state = State::HeadersAlmostDone;
            } else if (c == '\n') {
                outcome = endOfHeaders();
                if (outcome == Outcome::Complete)
                    return done(outcome);
            } else if (c == ':' || c == ' ' || c == '\t') {
                return done(fail(Problem::BadHeader));
            } else {
                m_nameLength = 0;
                m_valueLength = 0;
                m_nameTooLong = false;
                m_name[m_nameLength++] = lower(c);
                m_state = State::HeaderName;
            }
            break;
        case State::HeaderName:
            if (c == ':') {
                m_state = State::HeaderValueStart;
            } else if (c == '\r' || c == '\n' || c == ' ' || c == '\t') {
                return done(fail(Problem::BadHeader));
            } else if (m_nameLength < m_name.size()) {
                m_name[m_nameLength++] = lower(c);
            } else {
                m_nameTooLong = true;
            }
            break;
        case State::HeaderValueStart:
        case State::HeaderValue:
            if (c == '\n') {
                if (!endOfHeaderLine())
                    return done(fail(Problem::BadContentLength));
                m_state = State::HeaderLineStart;
            } else {
                m_state = State::HeaderValue;
                if (m_valueLength < m_value.size())
                    m_value[m_valueLength++] = c;
            }
            break;
        case State::HeadersAlmostDone:
            if (c != '\n')
                return done(fail(Problem::BadHeader));
            outcome = endOfHeaders();
            if (outcome == Outcome::Complete)
                return done(outcome);
            break;
        case State::ChunkSize: {
            const int digit = hexValue(c);
            if (digit >= 0) {
                if (m_remaining > (std::uint64_t(1) << 56))
                    return done(fail(Problem::BadChunk));
                m_remaining = m_remaining * 16 + std::uint64_t(digit);
                m_chunkSizeSeen = true;
            } else if (c == ';' || c == ' ' || c == '\t') {
                m_state = State::ChunkExtension;
            } else if (c == '\r') {
                m_state = State::ChunkSizeLf;
            } else if (c == '\n') {
                if (endOfChunkSizeLine() == Outcome::Error)
                    return done(Outcome::Error);
            } else {
                return done(fail(Problem::BadChunk));
            }
            break;
        }
        case State::ChunkExtension:
            if (c == '\n' && endOfChunkSizeLine() == Outcome::Error)
                return done(Outcome::Error);
            break;
        case State::ChunkSizeLf:
            if (c != '\n')
                return done(fail(Problem::BadChunk));
            if (endOfChunkSizeLine() == Outcome::Error)
                return done(Outcome::Error);
            break;
        case State::ChunkDataCr:
            if (c == '\r')
                m_state = State::ChunkDataLf;
            else if (c == '\n')
                startChunkSize();
            else
                return done(fail(Problem::BadChunk));
            break;
        case State::ChunkDataLf:
            if (c != '\n')
                return done(fail(Problem::BadChunk));
            startChunkSize();
            break;
        case State::TrailerLineStart:
            if (!headerByte())
                return done(fail(Problem::HeadersTooLarge));
            if (c == '\r') {
                m_state = State::TrailerAlmostDone;
            } else if (c == '\n') {
                m_state = State::Done;
                return done(Outcome::Complete);
            } else {
                m_state = State::TrailerLine;
            }
            break;
        case State::TrailerLine:
            if (!headerByte())
                return done(fail(Problem::HeadersTooLarge));
            if (c == '\n')
                m_state = State::TrailerLineStart;
            break;
        case State::TrailerAlmostDone:
            if (c != '\n')
                return done(fail(Problem::BadChunk));
            m_state = State::Done;
            return done(Outcome::Complete);
        case State::Body:
        case State::BodyToClose:
        case State::ChunkData:
        case State::Done:
        case State::Failed: break;
        }
    }
    return done(Outcome::NeedMore);
}

ResponseParser::Outcome ResponseParser::finish()
{
    if (m_state == State::Done)
        return Outcome::Complete;
    if (m_state == State::Failed)
        return Outcome::Error;
    if (m_state == State::BodyToClose) {
        m_state = State::Done;
        return Outcome::Complete;
    }
    return fail(Problem::Truncated);
}

} // namespace mpmlab
