#include "actors/lexer.hpp"

#include "actors/gazetteer.hpp"
#include "core/byte_runs.hpp"

namespace parley::detail {

namespace {

bool is_ascii_alpha(unsigned char c) {
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}
bool is_digit(unsigned char c) {
    return c >= '0' && c <= '9';
}
bool is_space(unsigned char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

// Letters include any non-ASCII byte: names like "Çelik" or "Lavrov’s" stay one word;
// the curly apostrophe and dashes are handled below.
bool is_letter_byte(unsigned char c) {
    return is_ascii_alpha(c) || c >= 0x80;
}

bool starts_with(std::string_view s, std::size_t i, std::string_view p) {
    return s.compare(i, p.size(), p) == 0;
}

// Multi-byte punctuation that must split words: em/en dashes, curly quotes, ellipsis,
// guillemets. Byte tests instead of string compares: this runs on every byte of a word.
inline std::size_t punct_len(std::string_view t, std::size_t i) {
    const unsigned char lead = static_cast<unsigned char>(t[i]);
    if (lead == 0xE2) {
        if (i + 2 >= t.size() || static_cast<unsigned char>(t[i + 1]) != 0x80) return 0;
        switch (static_cast<unsigned char>(t[i + 2])) {
            case 0x94:  // U+2014
            case 0x93:  // U+2013
            case 0x9C:  // U+201C
            case 0x9D:  // U+201D
            case 0x98:  // U+2018
            case 0x99:  // U+2019
            case 0xA6:  // U+2026
                return 3;
            default:
                return 0;
        }
    }
    if (lead == 0xC2) {
        if (i + 1 >= t.size()) return 0;
        const unsigned char d = static_cast<unsigned char>(t[i + 1]);
        return d == 0xAB || d == 0xBB ? 2 : 0;  // U+00AB, U+00BB
    }
    return 0;
}

// The shape of word `w`, whose bytes hold `wb`.
TokShape shape_of(std::string_view w, const WordBytes& wb) {
    unsigned char first = w.empty() ? 0 : static_cast<unsigned char>(w[0]);
    if (wb.any_digit && !wb.any_lower && !wb.any_upper) return TokShape::number;
    if (first >= 'A' && first <= 'Z') return wb.any_lower ? TokShape::cap : TokShape::upper;
    if (first >= 0xC3 && first <= 0xC5 && w.size() > 1) {
        // Latin-1/Extended-A capitals (e.g. "Él", "Łukasz"): compare with the folded form.
        std::string f = fold_word(w.substr(0, 2));
        if (f != w.substr(0, 2) && !f.empty()) return TokShape::cap;
    }
    if (wb.any_lower || first >= 0x80) return TokShape::lower;
    return wb.any_upper ? TokShape::upper : TokShape::punct;
}

}  // namespace

void fold_word_into(std::string_view s, std::string& out) {
    out.assign(s);  // copy, then lower in place: no zero-fill first
    for (auto& ch : out) {
        const unsigned char c = static_cast<unsigned char>(ch);
        if (c >= 0x80) {
            out = fold_phrase(s);
            return;
        }
        if (c >= 'A' && c <= 'Z') ch = static_cast<char>(c + 32);
    }
}

std::string fold_word(std::string_view s) {
    std::string out;
    fold_word_into(s, out);
    return out;
}

const std::vector<Tok>* shared_tokens(const ActorTable& table, const Document& doc, uint32_t si) {
    const auto* st = table.tokens.get();
    if (!st || st->text != doc.text.data() || st->text_size != doc.text.size() ||
        si >= st->by_sentence.size() || st->sentences.size() != doc.sentences.size())
        return nullptr;
    const Span& s = st->sentences[si];
    if (s.begin != doc.sentences[si].begin || s.end != doc.sentences[si].end) return nullptr;
    return &st->by_sentence[si];
}

void FoldArena::lower(std::string_view text, std::size_t b, std::size_t e) {
    if (m_size != text.size() || !m_lowered) {
        m_lowered = std::make_unique_for_overwrite<char[]>(text.size() + 1);
        m_size = text.size();
    }
    lower_ascii(text, b, e, m_lowered.get());
}

std::vector<Tok> lex_sentence(std::string_view text, const Sentence& s, FoldArena& arena) {
    std::vector<Tok> toks;
    std::size_t i = s.begin;
    const std::size_t end = std::min<std::size_t>(s.end, text.size());
    if (end > i) arena.lower(text, i, end);
    if (end > i) toks.reserve((end - i) / 4 + 4);  // news prose: about one token per 5 bytes
    bool first_word = true;
    while (i < end) {
        unsigned char c = text[i];
        if (is_space(c)) {
            ++i;
            continue;
        }
        if (c == '[' || c == ']') {
            ++i;
            continue;
        }
        std::size_t start = i;
        if (is_letter_byte(c) || is_digit(c)) {
            if (punct_len(text, i)) {
                Tok t;
                t.begin = static_cast<uint32_t>(i);
                i += punct_len(text, i);
                t.end = static_cast<uint32_t>(i);
                t.low = arena.lowered(t.begin, t.end);
                toks.push_back(t);
                continue;
            }
            // A word: letters/digits with internal hyphens, dots (U.S.) and apostrophes.
            bool dash = false;
            while (i < end) {
                i += alnum_run(text, i, end);  // the common case: no test per byte
                if (i >= end) break;
                unsigned char d = text[i];
                if (punct_len(text, i)) {
                    // Curly apostrophe inside a word ("Lavrov’s", "O’Brien") stays in it.
                    if (starts_with(text, i, "\u2019") && i + 3 < end &&
                        is_letter_byte(static_cast<unsigned char>(text[i + 3])))
                        i += 3;
                    else
                        break;
                } else if (is_letter_byte(d) || is_digit(d)) {
                    ++i;
                } else if (d == '.' && i == start + 1 && text[start] >= 'A' && text[start] <= 'Z' &&
                           i + 2 < end && text[i + 1] >= 'A' && text[i + 1] <= 'Z' &&
                           text[i + 2] >= 'a' && text[i + 2] <= 'z') {
                    ++i;  // "W.Bush": an initial glued to the next name
                    break;
                } else if ((d == '-' || d == '\'' || d == '.' || d == '&') && i + 1 < end &&
                           (is_letter_byte(static_cast<unsigned char>(text[i + 1])) ||
                            is_digit(static_cast<unsigned char>(text[i + 1])))) {
                    dash |= d == '-';
                    ++i;
                } else if (d == '.' && i > start && i + 1 <= end) {
                    // Keep the final dot of "U.S." and of initials "M." -- not a sentence end.
                    std::string_view w = text.substr(start, i - start);
                    bool dotted = w.find('.') != std::string_view::npos;
                    bool initial = w.size() == 1 && w[0] >= 'A' && w[0] <= 'Z';
                    if (dotted || initial) ++i;
                    break;
                } else {
                    break;
                }
            }
            Tok t;
            t.begin = static_cast<uint32_t>(start);
            t.end = static_cast<uint32_t>(i);
            std::string_view w = text.substr(start, i - start);
            // Possessive: "Moscow's", "Moscow’s", "Assad'" (the last is handled below).
            // Byte tests, not substring compares: this runs on every word.
            std::size_t suf = 0;
            if (w.size() > 2 && w.back() == 's') {
                if (w[w.size() - 2] == '\'')
                    suf = 2;
                else if (w.size() > 4 && w.compare(w.size() - 4, 3, "\u2019") == 0)
                    suf = 4;
            }
            if (suf) {
                t.possessive = true;
                w.remove_suffix(suf);
                t.end = static_cast<uint32_t>(start + w.size());
            }
            const WordBytes wb = word_bytes(text, start, start + w.size());
            t.shape = shape_of(w, wb);
            // An ASCII word folds to its lowered bytes; others go through fold_phrase().
            t.low =
                wb.any_high ? arena.keep(fold_phrase(w)) : arena.lowered(start, start + w.size());
            if (t.low.size() > 2 && t.low.back() == '.' && t.low.find('.') == t.low.size() - 1)
                t.low.remove_suffix(1);
            t.hyphen = wb.any_high ? t.low.find('-') != std::string_view::npos : dash;
            t.spaced = wb.any_high && t.low.find(' ') != std::string_view::npos;
            t.sentence_start = first_word;
            first_word = false;
            toks.push_back(t);
            continue;
        }
        Tok t;
        t.begin = static_cast<uint32_t>(i);
        std::size_t pl = punct_len(text, i);
        if (pl) {
            i += pl;
        } else if (c >= 0x80) {
            // Some other multi-byte symbol: take the whole code point.
            ++i;
            while (i < end && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
        } else {
            ++i;
            // "--" as one dash token
            if (c == '-' && i < end && text[i] == '-') ++i;
        }
        t.end = static_cast<uint32_t>(i);
        t.low = arena.lowered(t.begin, t.end);
        t.hyphen = c == '-';  // "-" or "--"; no multi-byte symbol holds one
        if (c == '\'' && !toks.empty() && toks.back().is_word() && t.begin == toks.back().end &&
            !toks.back().low.empty() && toks.back().low.back() == 's' && i < end &&
            is_space(static_cast<unsigned char>(text[i]))) {
            toks.back().possessive = true;  // "the Palestinians' leader"
            continue;
        }
        toks.push_back(t);
    }
    return toks;
}

}  // namespace parley::detail
