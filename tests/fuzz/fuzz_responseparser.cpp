// libFuzzer target for the load engine's HTTP response parser
// (core/load/ResponseParser). The first input byte chooses how the rest is
// split into pieces and whether the request was a HEAD, so the fuzzer also
// explores every way a response can arrive in reads. Invariants that must
// hold on any input are checked; a violation traps.
#include "load/ResponseParser.h"

#include <cstddef>
#include <cstdint>

using mpmlab::ResponseParser;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const std::uint8_t control = data[0];
    const std::size_t piece = std::size_t(control & 0x3f) + 1;
    const bool head = control & 0x40;
    const char *text = reinterpret_cast<const char *>(data + 1);
    const std::size_t length = size - 1;

    ResponseParser parser;
    parser.setCaptureServer(control & 0x80);
    parser.reset(head);
    std::size_t offset = 0;
    ResponseParser::Outcome outcome = ResponseParser::Outcome::NeedMore;
    while (offset < length) {
        const std::size_t chunk = piece < length - offset ? piece : length - offset;
        std::size_t consumed = 0;
        outcome = parser.feed(text + offset, chunk, consumed);
        if (consumed > chunk)
            __builtin_trap();
        if (outcome == ResponseParser::Outcome::NeedMore && consumed != chunk)
            __builtin_trap();
        offset += consumed;
        if (outcome != ResponseParser::Outcome::NeedMore)
            break;
    }
    if (outcome == ResponseParser::Outcome::NeedMore)
        outcome = parser.finish();
    if (outcome == ResponseParser::Outcome::Error
        && parser.problem() == ResponseParser::Problem::None)
        __builtin_trap();
    if (outcome == ResponseParser::Outcome::Complete) {
        if (!parser.complete() || parser.statusCode() < 100 || parser.statusCode() > 999)
            __builtin_trap();
        if (parser.headerBytes() > ResponseParser::maxHeaderBytes * 2)
            __builtin_trap();
    }
    if (parser.bodyBytes() > length)
        __builtin_trap();
    if (parser.server().size() > 96)
        __builtin_trap();
    return 0;
}
