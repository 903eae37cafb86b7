// The token layer the extraction stages share: word tokens with shape, folded form and
// possessive flag, as offsets into the document text (FASTUS step 1).
#pragma once

#include <parley/document.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace parley::detail {

enum class TokShape : uint8_t { lower, cap, upper, number, punct };

struct Tok {
    uint32_t begin = 0;  ///< byte span in the text (without a possessive 's)
    uint32_t end = 0;
    std::string low;  ///< folded: lower case, accents stripped, possessive removed
    TokShape shape = TokShape::punct;
    bool possessive = false;  ///< "Moscow's", "Assad'"
    bool sentence_start = false;
    bool is_word() const { return shape != TokShape::punct; }
    bool capitalised() const { return shape == TokShape::cap || shape == TokShape::upper; }
};

/// Tokenises one sentence [s.begin, s.end) of text. Square brackets (editorial insertions
/// such as "Prime Minister [Yitzhak] Rabin") are dropped so the name reads through.
std::vector<Tok> lex_sentence(std::string_view text, const Sentence& s);

/// Lower case with accents stripped; ASCII fast path.
std::string fold_word(std::string_view s);

}  // namespace parley::detail
