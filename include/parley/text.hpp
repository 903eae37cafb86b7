// Text: sentence splitting with byte offsets, and cleaning helpers.
#pragma once

#include <parley/document.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace parley {

class Knowledge;

/// Splits `text` into sentences, keeping byte offsets. Does not split after abbreviations
/// from the knowledge base ("Mr", "Dr", "Gen", "U.S."), initials ("George H. W. Bush") or
/// inside quotations. Paragraph breaks ("\n\n") always end a sentence.
std::vector<Sentence> split_sentences(std::string_view text, const Knowledge& kb);

/// Paragraph spans of `text` (separated by blank lines).
std::vector<Span> split_paragraphs(std::string_view text);

/// Normalises whitespace inside paragraphs and joins words broken across a line
/// ("Vice- President" -> "Vice-President", "nego-\ntiations" -> "negotiations").
std::string clean_paragraph(std::string_view para);

/// Token over the text: a byte range and its shape.
enum class Shape : uint8_t { word_lower, word_cap, word_upper, number, punct, other };
struct Token {
    uint32_t begin = 0;
    uint32_t end = 0;
    Shape shape = Shape::other;
};

/// Tokenises [begin,end) of text: words (letters, digits, internal - ' .), numbers, punctuation.
std::vector<Token> tokenize(std::string_view text, uint32_t begin, uint32_t end);

/// Lower-cases ASCII and strips accents from a UTF-8 string (utf8proc).
std::string fold(std::string_view s);

}  // namespace parley
