// Publisher boilerplate: a phrase list (data/boilerplate.txt) matched against paragraphs.
#pragma once

#include "time/time_table.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace parley {
class Knowledge;
}

namespace parley::detail {

/// Lower-cased, accent-free words joined by single spaces, with a space at each end:
/// "Join our commenting forum!" -> " join our commenting forum ".
std::string canonical_words(std::string_view text);

/// data/boilerplate.txt compiled once. Lines: "phrase" (3+ words: a paragraph containing it is
/// boilerplate; 1-2 words: only a paragraph that is exactly the phrase), "=phrase" (exact
/// only), "^phrase" (a paragraph starting with it).
class Boilerplate {
  public:
    enum class Match { none, exact, prefix, contains };

    explicit Boilerplate(const Knowledge& kb);

    /// How the paragraph matches the list (none when it is not boilerplate).
    Match match(std::string_view paragraph) const;

  private:
    struct Phrase {
        std::string words;  // canonical, with surrounding spaces
        Match mode;
    };
    std::vector<Phrase> m_phrases;
    StringMap m_first_index;                           // first word -> index into m_by_first
    std::vector<std::vector<std::size_t>> m_by_first;  // contains-phrases sharing a first word
    StringMap m_whole;                                 // exact and prefix phrases -> Match
    std::size_t m_max_prefix_words = 0;                // words in the longest prefix phrase
    // m_whole_len[n] is 1 when a key of m_whole has n bytes: most paragraphs and their leading
    // runs are looked up only when some key is as long.
    std::vector<uint8_t> m_whole_len;
    // Which (first byte, length) pairs start a contains-phrase: most words of a paragraph are
    // rejected without hashing. Bit min(length, 63) of m_first_filter[byte & 63].
    std::array<uint64_t, 64> m_first_filter{};
};

}  // namespace parley::detail
