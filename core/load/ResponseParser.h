#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace mpmlab {

// An incremental HTTP/1.x response parser for the load engine: bytes go in
// as they arrive, in pieces of any size; nothing is allocated or buffered
// beyond a few fixed fields, so one parser per connection costs ~200 bytes.
// It knows Content-Length, chunked transfer coding (with extensions and
// trailers) and bodies that end when the server closes, and whether the
// connection may be reused. It is strict where the load engine must tell
// failures apart, lenient where servers commonly are (bare LF line ends,
// a missing reason phrase).
class ResponseParser {
public:
    enum class Outcome : std::uint8_t { NeedMore, Complete, Error };
    enum class Problem : std::uint8_t {
        None,
        BadStatusLine,    // not "HTTP/x.y NNN ..."
        HeadersTooLarge,  // status line and headers above maxHeaderBytes
        BadHeader,        // a header line without a name or colon
        BadContentLength, // not a number, or two different values
        BadChunk,         // a chunk size that is not hex, or data not followed by CRLF
        Truncated,        // the peer closed before the end of the response
    };

    static constexpr std::size_t maxHeaderBytes = 64 * 1024; // bytes

    // Ready for the next response; a HEAD request's response has no body.
    void reset(bool headRequest = false);
    // Keep the first Server header seen (for the report's Server Software).
    void setCaptureServer(bool capture) { m_captureServer = capture; }

    // Parses up to `length` bytes and stops right after the end of the
    // response: `consumed` says how many bytes belonged to it.
    Outcome feed(const char *data, std::size_t length, std::size_t &consumed);
    // The peer closed the connection: completes a body that runs to the
    // close, otherwise the response is truncated (Error, Problem::Truncated).
    Outcome finish();

    [[nodiscard]] bool started() const { return m_headerBytes > 0; }
    [[nodiscard]] bool headersDone() const { return m_state >= State::Body; }
    [[nodiscard]] bool complete() const { return m_state == State::Done; }
    [[nodiscard]] Problem problem() const { return m_problem; }
    [[nodiscard]] int statusCode() const { return m_status; }
    // The server allows another request on this connection.
    [[nodiscard]] bool keepAlive() const;
    [[nodiscard]] std::uint64_t bodyBytes() const { return m_bodyBytes; }
    [[nodiscard]] std::uint64_t headerBytes() const { return m_headerBytes; }
    [[nodiscard]] bool chunked() const { return m_chunked; }
    [[nodiscard]] std::int64_t contentLength() const { return m_contentLength; }
    [[nodiscard]] std::string_view server() const { return {m_server.data(), m_serverLength}; }

    [[nodiscard]] static const char *problemName(Problem problem);

private:
    enum class State : std::uint8_t {
        StatusHttp,
        StatusMajor,
        StatusDot,
        StatusMinor,
        StatusSpace,
        StatusCode,
        StatusAfterCode,
        StatusReason,
        HeaderLineStart,
        HeaderName,
        HeaderValueStart,
        HeaderValue,
        HeadersAlmostDone,
        // Everything from here on is past the headers (see headersDone()).
        Body,
        BodyToClose,
        ChunkSize,
        ChunkExtension,
        ChunkSizeLf,
        ChunkData,
        ChunkDataCr,
        ChunkDataLf,
        TrailerLineStart,
        TrailerLine,
        TrailerAlmostDone,
        Done,
        Failed
    };

    Outcome fail(Problem problem);
    bool headerByte();      // counts a header byte, false when over the limit
    bool endOfHeaderLine(); // acts on the header just read
    Outcome endOfHeaders();
    Outcome endOfChunkSizeLine();
    void startChunkSize();

    State m_state = State::StatusHttp;
    Problem m_problem = Problem::None;
    bool m_headRequest = false;
    bool m_captureServer = false;
    bool m_chunked = false;
    bool m_readToClose = false;
    bool m_connectionClose = false;
    bool m_connectionKeepAlive = false;
    bool m_nameTooLong = false;
    bool m_chunkSizeSeen = false;
    int m_major = 0;
    int m_minor = 0;
    int m_status = 0;
    int m_index = 0; // position within a fixed token
    std::int64_t m_contentLength = -1;
    std::uint64_t m_remaining = 0; // of the body or the current chunk
    std::uint64_t m_headerBytes = 0;
    std::uint64_t m_bodyBytes = 0;
    std::uint8_t m_nameLength = 0;
    std::uint8_t m_valueLength = 0;
    std::array<char, 20> m_name{};  // lower-cased; only short names matter
    std::array<char, 96> m_value{}; // truncated: only short values matter
    std::array<char, 96> m_server{};
    std::size_t m_serverLength = 0;
};

} // namespace mpmlab
