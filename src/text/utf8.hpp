// Small UTF-8 helpers shared by the text and ingest stages (no allocation).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace parley::detail {

/// Decodes the code point at `i` (which must be < s.size()); sets `len` to its byte length.
/// Invalid bytes decode as U+FFFD with length 1.
inline char32_t decode_utf8(std::string_view s, std::size_t i, std::size_t& len) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
        len = 1;
        return b0;
    }
    auto cont = [&](std::size_t k) -> int {
        if (i + k >= s.size()) return -1;
        const auto b = static_cast<unsigned char>(s[i + k]);
        return (b & 0xC0) == 0x80 ? (b & 0x3F) : -1;
    };
    if (b0 >= 0xC2 && b0 < 0xE0) {
        const int c1 = cont(1);
        if (c1 >= 0) {
            len = 2;
            return static_cast<char32_t>(((b0 & 0x1F) << 6) | c1);
        }
    } else if (b0 >= 0xE0 && b0 < 0xF0) {
        const int c1 = cont(1), c2 = c1 >= 0 ? cont(2) : -1;
        if (c2 >= 0) {
            len = 3;
            return static_cast<char32_t>(((b0 & 0x0F) << 12) | (c1 << 6) | c2);
        }
    } else if (b0 >= 0xF0 && b0 < 0xF5) {
        const int c1 = cont(1), c2 = c1 >= 0 ? cont(2) : -1, c3 = c2 >= 0 ? cont(3) : -1;
        if (c3 >= 0) {
            len = 4;
            return static_cast<char32_t>(((b0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3);
        }
    }
    len = 1;
    return 0xFFFD;
}

inline bool is_ascii_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
inline bool is_ascii_digit(char c) {
    return c >= '0' && c <= '9';
}
inline bool is_ascii_upper(char c) {
    return c >= 'A' && c <= 'Z';
}
inline bool is_ascii_lower(char c) {
    return c >= 'a' && c <= 'z';
}
inline char ascii_lower(char c) {
    return is_ascii_upper(c) ? static_cast<char>(c + 32) : c;
}
inline bool is_space(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/// Unicode-aware letter tests (utf8proc categories); ASCII answered inline.
bool is_letter(char32_t cp);
bool is_upper(char32_t cp);
bool is_lower(char32_t cp);
bool is_punct(char32_t cp);
/// Unicode white space, including NO-BREAK SPACE and the typographic spaces.
bool is_unicode_space(char32_t cp);

/// Offset of the first byte that is not valid UTF-8 (overlongs, surrogates and code points
/// past U+10FFFF are invalid), or npos.
inline std::size_t invalid_utf8_offset(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        // ASCII fast path, 8 bytes at a time.
        if (i + 8 <= n) {
            uint64_t w;
            std::memcpy(&w, p + i, 8);
            if ((w & 0x8080808080808080ULL) == 0) {
                i += 8;
                continue;
            }
        }
        const unsigned char b = p[i];
        if (b < 0x80) {
            ++i;
            continue;
        }
        std::size_t len;
        unsigned char lo = 0x80, hi = 0xBF;
        if (b >= 0xC2 && b <= 0xDF)
            len = 2;
        else if (b == 0xE0)
            len = 3, lo = 0xA0;
        else if (b >= 0xE1 && b <= 0xEC)
            len = 3;
        else if (b == 0xED)
            len = 3, hi = 0x9F;
        else if (b >= 0xEE && b <= 0xEF)
            len = 3;
        else if (b == 0xF0)
            len = 4, lo = 0x90;
        else if (b >= 0xF1 && b <= 0xF3)
            len = 4;
        else if (b == 0xF4)
            len = 4, hi = 0x8F;
        else
            return i;
        if (i + len > n) return i;
        if (p[i + 1] < lo || p[i + 1] > hi) return i;
        for (std::size_t k = 2; k < len; ++k)
            if ((p[i + k] & 0xC0) != 0x80) return i;
        i += len;
    }
    return std::string_view::npos;
}

}  // namespace parley::detail
