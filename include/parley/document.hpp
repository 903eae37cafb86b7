// A cleaned article: the body text with paragraph and sentence offsets and its publication date.
#pragma once

#include <date/date.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parley {

/// A half-open byte range [begin, end) into Document::text.
struct Span {
    uint32_t begin = 0;
    uint32_t end = 0;
    uint32_t size() const { return end - begin; }
    friend bool operator==(const Span&, const Span&) = default;
};

struct Sentence {
    uint32_t begin = 0;  ///< byte offset of the first character
    uint32_t end = 0;    ///< one past the last character (trailing space excluded)
    uint32_t paragraph = 0;
};

/// Where the publication date came from.
enum class DateOrigin { none, override_, meta, time_element, json_ld, dateline };
const char* to_string(DateOrigin);

struct Document {
    std::string id;      ///< 16 hex digits, a hash of the cleaned text
    std::string source;  ///< path or URL as given; "-" for stdin
    std::string title;
    /// Where the title stands in `text` once lead_with_title() has put it there (the
    /// extractor reads headlines too); empty otherwise.
    Span title_span;
    std::optional<date::sys_days> publication;  ///< the anchor for relative dates
    std::string publication_text;  ///< as written, e.g. "Wednesday 21 July 1999 23:02 BST"
    DateOrigin publication_origin = DateOrigin::none;
    /// Cleaned body: paragraphs separated by "\n\n", boilerplate removed, words broken
    /// across a line joined ("Vice- President" -> "Vice-President").
    std::string text;
    std::vector<Span> paragraphs;
    std::vector<Sentence> sentences;

    std::string_view slice(uint32_t b, uint32_t e) const {
        return std::string_view(text).substr(b, e - b);
    }
    std::string_view sentence_text(const Sentence& s) const { return slice(s.begin, s.end); }
};

}  // namespace parley
