// Publisher boilerplate: a phrase list (data/boilerplate.txt) matched against paragraphs.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
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
    // Transparent hashing: look up views of the paragraph without building keys.
    struct SvHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept {
            return std::hash<std::string_view>{}(s);
        }
    };
    template <class V>
    using Map = std::unordered_map<std::string, V, SvHash, std::equal_to<>>;
    std::vector<Phrase> m_phrases;
    Map<std::vector<std::size_t>> m_by_first;  // contains-phrases
    Map<Match> m_whole;                        // exact and prefix
    std::size_t m_max_prefix_words = 0;        // words in the longest prefix phrase
    // Which (first byte, length) pairs start a contains-phrase: most words of a paragraph are
    // rejected without hashing. Bit min(length, 63) of m_first_filter[byte & 63].
    std::array<uint64_t, 64> m_first_filter{};
};

}  // namespace parley::detail
