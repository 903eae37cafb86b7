// Input checks and file reading: refuse what is not UTF-8 text, with a one-line reason.
#include "text/utf8.hpp"

#include <parley/error.hpp>
#include <parley/ingest.hpp>
#include <parley/knowledge.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>

namespace parley {

namespace {

[[noreturn]] void refuse(const std::string& source, const std::string& reason) {
    throw InputError(source + ": " + reason);
}

}  // namespace

void check_text_input(std::string_view bytes, const std::string& source) {
    if (bytes.empty()) refuse(source, "empty file");
    if (const void* nul = std::memchr(bytes.data(), 0, bytes.size()))
        refuse(source, "binary data, not text (NUL byte at offset " +
                           std::to_string(static_cast<const char*>(nul) - bytes.data()) + ")");
    // Text has almost no control characters besides tab, newline, form feed and return.
    const std::size_t sample = std::min<std::size_t>(bytes.size(), 1 << 16);
    std::size_t controls = 0;
    for (std::size_t i = 0; i < sample; ++i) {
        // Eight bytes at a time while none is below 0x20 or 0x7F (text has few line breaks).
        while (i + 8 <= sample) {
            uint64_t w;
            std::memcpy(&w, bytes.data() + i, 8);
            constexpr uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
            const uint64_t below = (w - ones * 0x20) & ~w & highs;
            const uint64_t x = w ^ (ones * 0x7F);
            const uint64_t del = (x - ones) & ~x & highs;
            if (below | del) break;
            i += 8;
        }
        if (i >= sample) break;
        const auto c = static_cast<unsigned char>(bytes[i]);
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) ||
            c == 0x7F)
            ++controls;
    }
    if (controls >= 3 && controls * 50 > sample) refuse(source, "binary data, not text");
    if (const auto off = detail::invalid_utf8_offset(bytes); off != std::string_view::npos) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(bytes[off]));
        refuse(source, std::string("not UTF-8 (invalid byte ") + hex + " at offset " +
                           std::to_string(off) + ")");
    }
    std::string_view rest = bytes;
    if (rest.substr(0, 3) == "\xEF\xBB\xBF") rest.remove_prefix(3);
    bool any = false;
    for (char c : rest)
        if (!detail::is_space(c)) {
            any = true;
            break;
        }
    if (!any) refuse(source, "empty file (only white space)");
}

bool looks_like_html(std::string_view bytes) {
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    std::size_t i = 0;
    while (i < bytes.size() && detail::is_space(bytes[i])) ++i;
    const std::string_view head = bytes.substr(i, 2048);
    if (head.find('<') == std::string_view::npos) return false;  // every test below needs a tag
    std::string low(head);
    for (char& c : low) c = detail::ascii_lower(c);
    for (const char* tag : {"<!doctype html", "<html", "<head", "<body"})
        if (low.find(tag) != std::string::npos) return true;
    if (low.empty() || low[0] != '<') return false;
    for (const char* tag : {"<meta", "<title", "<div", "<p>", "<p ", "<article", "<h1", "<!--"})
        if (low.find(tag) != std::string::npos) return true;
    return false;
}

Document load_document(const std::filesystem::path& path, const Knowledge& kb,
                       const IngestOptions& opts) {
    const std::string source = path.string();
    std::string bytes;
    if (source == "-") {
        char buf[1 << 16];
        while (std::cin.read(buf, sizeof buf) || std::cin.gcount() > 0) {
            bytes.append(buf, static_cast<std::size_t>(std::cin.gcount()));
            if (bytes.size() > opts.max_bytes)
                refuse(source,
                       "too large (more than " + std::to_string(opts.max_bytes) + " bytes)");
        }
    } else {
        std::error_code ec;
        const auto status = std::filesystem::status(path, ec);
        if (ec || !std::filesystem::exists(status))
            refuse(source, "cannot open (No such file or directory)");
        if (std::filesystem::is_directory(status)) refuse(source, "is a directory, not a file");
        const auto size = std::filesystem::file_size(path, ec);
        if (!ec && size > opts.max_bytes)
            refuse(source, "too large (" + std::to_string(size) + " bytes; limit " +
                               std::to_string(opts.max_bytes) + ")");
        std::ifstream in(path, std::ios::binary);
        if (!in) refuse(source, std::string("cannot open (") + std::strerror(errno) + ")");
        bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        if (in.bad()) refuse(source, "read error");
    }
    return parse_document(bytes, source, kb, opts);
}

}  // namespace parley
