// Publisher boilerplate: a phrase list (data/boilerplate.txt) matched against paragraphs.
#pragma once

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
    std::vector<Phrase> m_phrases;
    std::unordered_map<std::string, std::vector<std::size_t>> m_by_first;  // contains-phrases
    std::unordered_map<std::string, Match> m_whole;                        // exact and prefix
};

}  // namespace parley::detail
