// Text helpers: paragraphs, cleaning, tokens, folding.
#include "core/byte_runs.hpp"
#include "text/utf8.hpp"

#include <parley/text.hpp>

#include <utf8proc.h>

#include <array>
#include <cstdlib>
#include <cstring>

namespace parley {

namespace detail {

bool is_letter(char32_t cp) {
    if (cp < 0x80) return is_ascii_alpha(static_cast<char>(cp));
    const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
    return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}
bool is_upper(char32_t cp) {
    if (cp < 0x80) return is_ascii_upper(static_cast<char>(cp));
    const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
    return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}
bool is_lower(char32_t cp) {
    if (cp < 0x80) return is_ascii_lower(static_cast<char>(cp));
    return utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_LL;
}
bool is_punct(char32_t cp) {
    if (cp < 0x80) {
        const char c = static_cast<char>(cp);
        return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
               (c >= '{' && c <= '~');
    }
    const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
    return cat >= UTF8PROC_CATEGORY_PC && cat <= UTF8PROC_CATEGORY_PO;
}
bool is_unicode_space(char32_t cp) {
    if (cp < 0x80) return is_space(static_cast<char>(cp));
    return cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
           cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0x85;
}

}  // namespace detail

using namespace detail;

std::vector<Span> split_paragraphs(std::string_view text) {
    std::vector<Span> out;
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        while (i < n && is_space(text[i])) ++i;
        if (i >= n) break;
        const std::size_t begin = i;
        // A paragraph ends at a line holding only white space: jump from line end to line end.
        while (true) {
            const void* nl = std::memchr(text.data() + i, '\n', n - i);
            if (!nl) {
                i = n;
                break;
            }
            i = static_cast<std::size_t>(static_cast<const char*>(nl) - text.data());
            std::size_t j = i + 1;
            while (j < n && text[j] != '\n' && is_space(text[j])) ++j;
            if (j >= n || text[j] == '\n') break;
            i = j;
        }
        // The paragraph's last non-space byte (`begin` is one).
        std::size_t end = i;
        while (end > begin && is_space(text[end - 1])) --end;
        out.push_back({static_cast<uint32_t>(begin), static_cast<uint32_t>(end)});
    }
    return out;
}

namespace {

// Zero-width characters and the soft hyphen carry no text.
bool is_invisible(char32_t cp) {
    return cp == 0xAD || cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0xFEFF ||
           cp == 0x2060;
}

}  // namespace

std::string clean_paragraph(std::string_view para) {
    // Stretches that need no change are copied whole; only white space runs, hyphens before
    // white space and a few multi-byte characters are looked at one by one.
    const std::size_t n = para.size();
    std::string out;
    out.reserve(n);
    bool pending_space = false;
    std::size_t i = 0;
    while (i < n && is_space(para[i])) ++i;  // no leading space
    while (i < n) {
        while (i < n && is_space(para[i])) {  // a run of white space is one pending space
            pending_space = true;
            ++i;
        }
        if (i >= n) break;
        const std::size_t clean_end = detail::next_unclean(para, i);
        if (clean_end > i) {
            if (pending_space && !out.empty()) out.push_back(' ');
            pending_space = false;
            out.append(para.substr(i, clean_end - i));
            i = clean_end;
            if (i >= n) break;
        }
        const char c = para[i];
        if (is_space(c)) {
            pending_space = true;
            ++i;
            continue;
        }
        if (c == '-' && !pending_space && !out.empty() && is_ascii_alpha(out.back()) && i + 1 < n &&
            is_space(para[i + 1])) {
            // A word broken across a line or spaced after its hyphen.
            std::size_t j = i + 1;
            bool newline = false;
            while (j < n && is_space(para[j])) newline |= para[j++] == '\n';
            if (j < n) {
                std::size_t len = 0;
                const char32_t next = decode_utf8(para, j, len);
                if (newline && is_lower(next)) {
                    i = j;  // "nego-\ntiations": a line-break hyphen
                    continue;
                }
                if (is_upper(next)) {
                    out.push_back('-');  // "Vice- President"
                    i = j;
                    continue;
                }
            }
        }
        if (static_cast<unsigned char>(c) < 0x80) {
            if (pending_space && !out.empty()) out.push_back(' ');
            pending_space = false;
            out.push_back(c);
            ++i;
            continue;
        }
        std::size_t len = 0;
        const char32_t cp = decode_utf8(para, i, len);
        if (is_unicode_space(cp)) {
            pending_space = true;
        } else if (!is_invisible(cp)) {
            if (pending_space && !out.empty()) out.push_back(' ');
            pending_space = false;
            out.append(para.substr(i, len));
        }
        i += len;
    }
    return out;
}

namespace {

bool is_word_char(char32_t cp) {
    if (cp < 0x80)
        return is_ascii_alpha(static_cast<char>(cp)) || is_ascii_digit(static_cast<char>(cp));
    const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
    return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_ND) ||
           cat == UTF8PROC_CATEGORY_NL || cat == UTF8PROC_CATEGORY_NO;
}

}  // namespace

std::vector<Token> tokenize(std::string_view text, uint32_t begin, uint32_t end) {
    std::vector<Token> out;
    if (end > text.size()) end = static_cast<uint32_t>(text.size());
    std::size_t i = begin;
    while (i < end) {
        std::size_t len = 0;
        const char32_t cp = decode_utf8(text, i, len);
        if (is_unicode_space(cp)) {
            i += len;
            continue;
        }
        if (!is_word_char(cp)) {
            const Shape shape = is_punct(cp) ? Shape::punct : Shape::other;
            out.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(i + len), shape});
            i += len;
            continue;
        }
        const std::size_t start = i;
        const bool starts_digit = cp < 0x80 && is_ascii_digit(static_cast<char>(cp));
        int letters = 0, uppers = 0, lowers = 0;
        bool first_upper = false, first_seen = false, has_dot = false, short_parts = true;
        std::size_t part_len = 0;
        while (i < end) {
            const char32_t c = decode_utf8(text, i, len);
            if (is_word_char(c)) {
                if (is_letter(c)) {
                    ++letters;
                    const bool up = is_upper(c);
                    uppers += up;
                    lowers += is_lower(c);
                    if (!first_seen) first_upper = up;
                    first_seen = true;
                }
                ++part_len;
                i += len;
                continue;
            }
            // Internal connectors join two word characters: "Vice-President", "Ivanov's", "U.S".
            const bool connector =
                c == '-' || c == '\'' || c == 0x2019 || c == '.' || (c == ',' && starts_digit);
            if (!connector || i + len >= end) break;
            std::size_t nlen = 0;
            const char32_t nx = decode_utf8(text, i + len, nlen);
            if (!is_word_char(nx)) break;
            if (c == ',' && !(nx < 0x80 && is_ascii_digit(static_cast<char>(nx)))) break;
            if (c == '.') {
                has_dot = true;
                short_parts &= part_len <= 2;
            }
            part_len = 0;
            i += len;
        }
        // Initialisms keep their final period: "U.S.", "D.C.", "a.m.".
        if (has_dot && short_parts && part_len <= 2 && letters > 0 && i < end && text[i] == '.')
            ++i;
        Shape shape;
        if (starts_digit || letters == 0)
            shape = Shape::number;
        else if (first_upper)
            shape = (lowers == 0 && uppers >= 2) ? Shape::word_upper : Shape::word_cap;
        else
            shape = Shape::word_lower;
        out.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(i), shape});
    }
    return out;
}

namespace {

// Bytes of the code point at s[i] when utf8proc maps it to itself under fold()'s options (no
// decomposition, no case, not a mark): the dashes, quotes and spaces of news prose. 0 otherwise.
std::size_t fold_identity_len(std::string_view s, std::size_t i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
        const auto b2 = static_cast<unsigned char>(s[i + 2]);
        // U+2002..U+203F: General Punctuation up to the undertie (U+2000/2001 decompose).
        return b2 >= 0x82 && b2 <= 0xBF ? 3 : 0;
    }
    if (b0 == 0xC2 && i + 1 < s.size()) {
        const auto b1 = static_cast<unsigned char>(s[i + 1]);
        // U+00A0..U+00BF except the ones with a decomposition or a case (U+00A8 diaeresis,
        // U+00AA, U+00AF, U+00B2-U+00B5, U+00B8-U+00BA, U+00BC-U+00BE are not all inert).
        return b1 == 0xA0 || b1 == 0xAB || b1 == 0xBB || b1 == 0xA9 || b1 == 0xAE || b1 == 0xA3 ||
                       b1 == 0xA7 || b1 == 0xB0 || b1 == 0xB7
                   ? 2
                   : 0;
    }
    return 0;
}

}  // namespace

std::string fold(std::string_view s) {
    std::string out(s);
    bool ascii = true;
    for (std::size_t i = 0; i < out.size(); ++i) {
        char& c = out[i];
        if (static_cast<unsigned char>(c) >= 0x80) {
            ascii = false;
            break;
        }
        c = ascii_lower(c);
    }
    if (ascii) return out;
    // Fast path: ASCII plus punctuation that utf8proc leaves as it is; typographic
    // apostrophes become ASCII as below. Anything else goes through utf8proc.
    {
        out.clear();
        bool fast = true;
        for (std::size_t i = 0; i < s.size();) {
            const char c = s[i];
            if (static_cast<unsigned char>(c) < 0x80) {
                out.push_back(ascii_lower(c));
                ++i;
                continue;
            }
            const std::size_t len = fold_identity_len(s, i);
            if (!len) {
                fast = false;
                break;
            }
            if (len == 3 && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
                (static_cast<unsigned char>(s[i + 2]) == 0x99 ||
                 static_cast<unsigned char>(s[i + 2]) == 0x98))
                out.push_back('\'');
            else
                out.append(s.substr(i, len));
            i += len;
        }
        if (fast) return out;
    }
    utf8proc_uint8_t* mapped = nullptr;
    const auto n =
        utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                     static_cast<utf8proc_ssize_t>(s.size()), &mapped,
                     static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                                    UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK));
    if (n < 0) {
        // Not valid UTF-8: fold what is ASCII and keep the rest.
        out.assign(s);
        for (char& c : out) c = ascii_lower(c);
        return out;
    }
    out.clear();
    out.reserve(static_cast<std::size_t>(n));
    // Typographic apostrophes fold to ASCII so "Moscow’s" matches "Moscow's".
    for (utf8proc_ssize_t i = 0; i < n; ++i) {
        if (i + 2 < n && mapped[i] == 0xE2 && mapped[i + 1] == 0x80 &&
            (mapped[i + 2] == 0x99 || mapped[i + 2] == 0x98)) {
            out.push_back('\'');
            i += 2;
            continue;
        }
        out.push_back(static_cast<char>(mapped[i]));
    }
    std::free(mapped);
    return out;
}

}  // namespace parley
