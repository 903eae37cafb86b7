// Word scanning sixteen bytes at a time. A byte loop that stops at the end of each word costs
// one mispredicted branch per word (word lengths are random); a mask over sixteen bytes and a
// count of trailing ones costs none. SSE2 is part of x86-64; other targets use the byte loop.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace parley::detail {

/// Bit k set when byte k of the sixteen at `p` is of the class.
struct ByteMasks {
    uint32_t alnum = 0;  ///< ASCII letter or digit
    uint32_t alpha = 0;  ///< ASCII letter
    uint32_t upper = 0;  ///< ASCII capital
    uint32_t lower = 0;  ///< ASCII small letter
    uint32_t digit = 0;
    uint32_t high = 0;  ///< byte >= 0x80 (part of a multi-byte character)
};

inline bool ascii_alnum_byte(unsigned char c) {
    return static_cast<unsigned char>((c | 0x20) - 'a') < 26 ||
           static_cast<unsigned char>(c - '0') < 10;
}

#if defined(__SSE2__)
/// The classes of the sixteen bytes at `p`; all sixteen must be readable.
inline ByteMasks byte_masks16(const char* p) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    // Signed compares: bytes >= 0x80 are negative, so they fall in no ASCII range.
    const auto in_range = [](__m128i x, char lo, char hi) {
        return _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8(static_cast<char>(lo - 1))),
                             _mm_cmplt_epi8(x, _mm_set1_epi8(static_cast<char>(hi + 1))));
    };
    const __m128i up = in_range(v, 'A', 'Z');
    const __m128i lo = in_range(v, 'a', 'z');
    const __m128i dg = in_range(v, '0', '9');
    ByteMasks m;
    m.upper = static_cast<uint32_t>(_mm_movemask_epi8(up));
    m.lower = static_cast<uint32_t>(_mm_movemask_epi8(lo));
    m.digit = static_cast<uint32_t>(_mm_movemask_epi8(dg));
    m.high = static_cast<uint32_t>(_mm_movemask_epi8(v));
    m.alpha = m.upper | m.lower;
    m.alnum = m.alpha | m.digit;
    return m;
}
#endif

/// The length of the run of bytes of one class at text[i] (with `Invert`, of bytes outside it),
/// not past `end`: `Class` is a ByteMasks member (&ByteMasks::alnum) and `byte_in` the same test
/// on one byte.
template <uint32_t ByteMasks::*Class, bool Invert = false, class ByteTest>
std::size_t byte_run(std::string_view text, std::size_t i, std::size_t end, ByteTest byte_in) {
    std::size_t j = i;
#if defined(__SSE2__)
    while (j + 16 <= text.size()) {
        const uint32_t in = byte_masks16(text.data() + j).*Class;
        const uint32_t stop = Invert ? (in | 0x10000u) : ~in;  // bit 16 set: at most 16
        const auto n = static_cast<std::size_t>(std::countr_zero(stop));
        j += n;
        if (n < 16 || j >= end) return (j < end ? j : end) - i;
    }
#endif
    while (j < end && byte_in(static_cast<unsigned char>(text[j])) != Invert) ++j;
    return j - i;
}

/// The length of the run of ASCII letters and digits at text[i], not past `end`.
inline std::size_t alnum_run(std::string_view text, std::size_t i, std::size_t end) {
    return byte_run<&ByteMasks::alnum>(text, i, end, ascii_alnum_byte);
}

/// The length of the run at text[i] (not past `end`) of bytes that are no ASCII letter or digit.
inline std::size_t non_alnum_run(std::string_view text, std::size_t i, std::size_t end) {
    return byte_run<&ByteMasks::alnum, true>(text, i, end, ascii_alnum_byte);
}

/// The length of the run of ASCII letters at text[i], not past `end`.
inline std::size_t alpha_run(std::string_view text, std::size_t i, std::size_t end) {
    return byte_run<&ByteMasks::alpha>(text, i, end, [](unsigned char c) {
        return static_cast<unsigned char>((c | 0x20) - 'a') < 26;
    });
}

/// The length of the run of ASCII digits at text[i], not past `end`.
inline std::size_t digit_run(std::string_view text, std::size_t i, std::size_t end) {
    return byte_run<&ByteMasks::digit>(
        text, i, end, [](unsigned char c) { return static_cast<unsigned char>(c - '0') < 10; });
}

#if defined(__SSE2__)
/// Bit k set when byte k of the sixteen at `p` is ASCII white space (' ', \t \n \v \f \r).
inline uint32_t space_mask16(__m128i v) {
    const __m128i ctl =
        _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(8)), _mm_cmplt_epi8(v, _mm_set1_epi8(14)));
    return static_cast<uint32_t>(
        _mm_movemask_epi8(_mm_or_si128(ctl, _mm_cmpeq_epi8(v, _mm_set1_epi8(' ')))));
}
#endif

/// The position of the first `c` in text[i, end), or `end`.
inline std::size_t find_byte(std::string_view text, std::size_t i, std::size_t end, char c) {
#if defined(__SSE2__)
    while (i + 16 <= text.size()) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
        const auto hit =
            static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(c))));
        const auto n = static_cast<std::size_t>(std::countr_zero(hit | 0x10000u));
        i += n;
        if (n < 16 || i >= end) return i < end ? i : end;
    }
#endif
    while (i < end && text[i] != c) ++i;
    return i;
}

/// Lead bytes of the characters that paragraph cleaning changes: U+00A0, U+00AD, U+0085
/// (0xC2), U+1680 (0xE1), U+2000-U+2060 (0xE2), U+3000 (0xE3), U+FEFF (0xEF).
inline bool cleaning_lead(unsigned char c) {
    return c == 0xC2 || c == 0xE1 || c == 0xE2 || c == 0xE3 || c == 0xEF;
}

/// The first position at or after `i` in `p` that paragraph cleaning may change: white space
/// other than one ' ' between words, a hyphen before white space, or the lead byte of a
/// character that may be white space or invisible. `p.size()` when there is none.
inline std::size_t next_unclean(std::string_view p, std::size_t i) {
    const std::size_t n = p.size();
    const auto ws = [](unsigned char c) { return c == ' ' || (c >= 9 && c <= 13); };
#if defined(__SSE2__)
    for (; i + 17 <= n; i += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p.data() + i));
        const __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p.data() + i + 1));
        const __m128i ctl = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(8)),
                                          _mm_cmplt_epi8(v, _mm_set1_epi8(14)));
        const auto eq = [](__m128i x, unsigned char c) {
            return _mm_cmpeq_epi8(x, _mm_set1_epi8(static_cast<char>(c)));
        };
        const auto lead = [&eq](__m128i x) {
            return _mm_or_si128(_mm_or_si128(eq(x, 0xC2), eq(x, 0xE1)),
                                _mm_or_si128(_mm_or_si128(eq(x, 0xE2), eq(x, 0xE3)), eq(x, 0xEF)));
        };
        const auto m = [](__m128i x) { return static_cast<uint32_t>(_mm_movemask_epi8(x)); };
        // A space or hyphen before white space, or before a character that may be one.
        const uint32_t before_ws = space_mask16(next) | m(lead(next));
        const uint32_t hit = m(ctl) | m(lead(v)) | ((m(eq(v, ' ')) | m(eq(v, '-'))) & before_ws);
        if (hit) return i + static_cast<std::size_t>(std::countr_zero(hit));
    }
#endif
    for (; i < n; ++i) {
        const auto c = static_cast<unsigned char>(p[i]);
        if ((c >= 9 && c <= 13) || cleaning_lead(c)) return i;
        if ((c == ' ' || c == '-') && (i + 1 == n || ws(static_cast<unsigned char>(p[i + 1])) ||
                                       cleaning_lead(static_cast<unsigned char>(p[i + 1]))))
            return i;
    }
    return n;
}

/// Bytes [b, e) of `text` into out[b, e) with ASCII capitals lowered; other bytes as they are.
/// Branch-free, so the compiler vectorises it.
inline void lower_ascii(std::string_view text, std::size_t b, std::size_t e, char* out) {
    for (std::size_t k = b; k < e; ++k) {
        const auto c = static_cast<unsigned char>(text[k]);
        out[k] = static_cast<char>(c + (static_cast<unsigned char>(c - 'A') < 26u ? 32 : 0));
    }
}

/// What a word's bytes hold, for words of up to sixteen bytes inside `text` (others: the loop).
struct WordBytes {
    bool any_lower = false, any_upper = false, any_digit = false, any_high = false;
};

inline WordBytes word_bytes(std::string_view text, std::size_t b, std::size_t e) {
    WordBytes w;
#if defined(__SSE2__)
    if (e - b <= 16 && b + 16 <= text.size()) {
        const ByteMasks m = byte_masks16(text.data() + b);
        const uint32_t keep = (1u << (e - b)) - 1;
        w.any_lower = (m.lower & keep) != 0;
        w.any_upper = (m.upper & keep) != 0;
        w.any_digit = (m.digit & keep) != 0;
        w.any_high = (m.high & keep) != 0;
        return w;
    }
#endif
    for (std::size_t k = b; k < e; ++k) {
        const auto c = static_cast<unsigned char>(text[k]);
        w.any_lower |= c >= 'a' && c <= 'z';
        w.any_upper |= c >= 'A' && c <= 'Z';
        w.any_digit |= c >= '0' && c <= '9';
        w.any_high |= c >= 0x80;
    }
    return w;
}

}  // namespace parley::detail
