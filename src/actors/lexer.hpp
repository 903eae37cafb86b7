// The token layer the extraction stages share: word tokens with shape, folded form and
// possessive flag, as offsets into the document text (FASTUS step 1).
#pragma once

#include <parley/actor.hpp>
#include <parley/document.hpp>

#include <cstdint>
#include <cstring>
#include <forward_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace parley::detail {

/// A folded word: a string_view whose comparisons with string literals compile to a length
/// test and a fixed-size compare, not a call to compare() and memcmp (the rules compare tokens
/// with literals thousands of times an article).
struct Word : std::string_view {
    Word() = default;
    constexpr Word(std::string_view s) noexcept : std::string_view(s) {}
    template <std::size_t N>
    [[gnu::always_inline]] bool operator==(const char (&lit)[N]) const noexcept {
        return size() == N - 1 && std::memcmp(data(), lit, N - 1) == 0;
    }
};

enum class TokShape : uint8_t { lower, cap, upper, number, punct };

struct Tok {
    uint32_t begin = 0;  ///< byte span in the text (without a possessive 's)
    uint32_t end = 0;
    std::string_view
        low;  ///< folded: lower case, accents stripped, possessive removed (in a FoldArena)
    TokShape shape = TokShape::punct;
    bool possessive = false;  ///< "Moscow's", "Assad'"
    bool sentence_start = false;
    bool hyphen = false;   ///< `low` holds a '-' ("al-assad")
    bool spaced = false;   ///< `low` holds a ' ' (a few folded characters become two words)
    uint16_t cls = 0;      ///< word-class bits (ActorRules::word_class), set by the actor stage
    std::size_t hash = 0;  ///< word_hash(low), set by the actor stage with `cls`
    bool is_word() const { return shape != TokShape::punct; }
    bool capitalised() const { return shape == TokShape::cap || shape == TokShape::upper; }
};

/// Where tokens' folded words live: one lower-cased copy of the text (an ASCII word's folded
/// form is a view into it, with no copy per token) and the folded forms of words with other
/// letters. The bytes never move, so views stay valid while the arena lives.
class FoldArena {
  public:
    /// Lowers bytes [b, e) of `text` (ASCII capitals only) into the copy, sized to `text`.
    void lower(std::string_view text, std::size_t b, std::size_t e);
    /// The lowered bytes [b, e); lower() must have covered them.
    std::string_view lowered(std::size_t b, std::size_t e) const {
        return {m_lowered.get() + b, e - b};
    }
    /// Keeps a folded word that is not a slice of the lowered text.
    std::string_view keep(std::string word) { return m_other.emplace_front(std::move(word)); }

  private:
    std::unique_ptr<char[]> m_lowered;
    std::size_t m_size = 0;
    // Never moves its elements, and allocates nothing while empty (a deque allocates at once:
    // an arena is made for every sentence the event stage lexes again).
    std::forward_list<std::string> m_other;
};

/// Tokenises one sentence [s.begin, s.end) of text, its folded words kept in `arena`. Square
/// brackets (editorial insertions such as "Prime Minister [Yitzhak] Rabin") are dropped so the
/// name reads through.
std::vector<Tok> lex_sentence(std::string_view text, const Sentence& s, FoldArena& arena);

/// Every sentence's tokens as lex_sentence() made them, for one document.
struct SentenceTokens {
    const char* text = nullptr;  ///< the document text they were lexed from
    std::size_t text_size = 0;
    std::vector<Span> sentences;  ///< the sentence spans they were lexed from
    FoldArena arena;              ///< the tokens' folded words
    std::vector<std::vector<Tok>> by_sentence;
};

/// The tokens of sentence `si` of `doc` that the actor stage kept in `table`, or nullptr when
/// it kept none or they were lexed from another text (then call lex_sentence()).
const std::vector<Tok>* shared_tokens(const ActorTable& table, const Document& doc, uint32_t si);

/// Lower case with accents stripped; ASCII fast path.
std::string fold_word(std::string_view s);
/// fold_word() into `out`, reusing its buffer.
void fold_word_into(std::string_view s, std::string& out);

}  // namespace parley::detail
