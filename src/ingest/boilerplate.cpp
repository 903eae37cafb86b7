#include "ingest/boilerplate.hpp"

#include "core/byte_runs.hpp"
#include "text/utf8.hpp"

#include <parley/knowledge.hpp>
#include <parley/text.hpp>

#include <algorithm>
#include <array>

namespace parley::detail {

namespace {

// Byte maps for canonical_words: a word byte to itself (ASCII capitals lowered in kCanonLower),
// any other byte to ' '. Bytes >= 0x80 are word bytes.
constexpr std::array<char, 256> canon_map(bool lower) {
    std::array<char, 256> t{};
    for (int c = 0; c < 256; ++c) {
        const bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                          (c >= '0' && c <= '9') || c == '\'' || c >= 0x80;
        char m = word ? static_cast<char>(c) : ' ';
        if (lower && c >= 'A' && c <= 'Z') m = static_cast<char>(c + 32);
        t[static_cast<std::size_t>(c)] = m;
    }
    return t;
}
constexpr std::array<char, 256> kCanonLower = canon_map(true), kCanonKeep = canon_map(false);

// The canonical words of `f` into `out`; `lower` lowers ASCII capitals (fold() output has none).
// Returns false, with `out` unfinished, when `stop_at_non_ascii` and `f` is not all ASCII.
bool canonical_into(std::string_view f, bool lower, bool stop_at_non_ascii, std::string& out) {
    const auto& map = lower ? kCanonLower : kCanonKeep;
    // Written through a pointer into a buffer sized for the worst case, then cut; a space is
    // kept only after a non-space (no branch per byte).
    out.resize(f.size() + 2);
    char* o = out.data();
    *o++ = ' ';
    char prev = ' ';  // the last byte written (in a register: no store-to-load chain)
    unsigned char seen = 0;
    for (char c : f) {
        const char m = map[static_cast<unsigned char>(c)];
        seen |= static_cast<unsigned char>(c);
        *o = m;
        o += (m != ' ') | (prev != ' ');
        prev = m;  // when nothing was written, m and prev are both ' '
    }
    if (stop_at_non_ascii && (seen & 0x80)) return false;
    if (o[-1] != ' ') *o++ = ' ';
    out.resize(static_cast<std::size_t>(o - out.data()));
    return true;
}

}  // namespace

std::string canonical_words(std::string_view text) {
    std::string out;
    // ASCII folds to its lower case: one pass, no folded copy; other text is folded first.
    if (!canonical_into(text, true, true, out)) canonical_into(fold(text), false, false, out);
    return out;
}

namespace {

// `key` is " word ": index by the word's first byte, bit by the key's length.
std::size_t filter_slot(std::string_view key) {
    return static_cast<unsigned char>(key.size() > 1 ? key[1] : 0) & 63u;
}
uint64_t filter_bit(std::string_view key) {
    return uint64_t{1} << std::min<std::size_t>(key.size(), 63);
}

}  // namespace

Boilerplate::Boilerplate(const Knowledge& kb) {
    for (const auto& line : kb.lines("boilerplate.txt")) {
        std::string_view p = line;
        Match mode = Match::contains;
        if (p.front() == '=') {
            mode = Match::exact;
            p.remove_prefix(1);
        } else if (p.front() == '^') {
            mode = Match::prefix;
            p.remove_prefix(1);
        }
        std::string words = canonical_words(p);
        if (words.size() <= 1) continue;
        std::size_t nwords = 0;
        for (std::size_t i = 1; i < words.size(); ++i) nwords += words[i] == ' ';
        if (mode == Match::contains && nwords <= 2) mode = Match::exact;
        if (mode == Match::contains) {
            const std::string first = words.substr(0, words.find(' ', 1) + 1);
            int slot = m_first_index.find(first);
            if (slot < 0) {
                slot = static_cast<int>(m_by_first.size());
                m_first_index.insert(first, slot);
                m_by_first.emplace_back();
            }
            m_by_first[static_cast<std::size_t>(slot)].push_back(m_phrases.size());
            m_first_filter[filter_slot(first)] |= filter_bit(first);
            m_phrases.push_back({std::move(words), mode});
        } else {
            if (mode == Match::prefix) m_max_prefix_words = std::max(m_max_prefix_words, nwords);
            if (m_whole_len.size() <= words.size()) m_whole_len.resize(words.size() + 1, 0);
            m_whole_len[words.size()] = 1;
            m_whole.insert(words, static_cast<int>(mode));
        }
    }
}

Boilerplate::Match Boilerplate::match(std::string_view paragraph) const {
    const std::string w = canonical_words(paragraph);
    if (w.size() <= 1) return Match::none;
    const std::string_view wv = w;
    const auto listed_len = [&](std::size_t n) { return n < m_whole_len.size() && m_whole_len[n]; };
    if (listed_len(wv.size()))
        if (m_whole.find(wv) >= 0) return Match::exact;
    // Prefixes: try each leading run of up to 8 words (none longer than the longest listed).
    std::size_t pos = 0;
    for (std::size_t k = 0; k < 8 && k < m_max_prefix_words; ++k) {
        pos = w.find(' ', pos + 1);
        if (pos == std::string::npos || pos + 1 >= m_whole_len.size()) break;
        if (!listed_len(pos + 1)) continue;
        if (m_whole.find(wv.substr(0, pos + 1)) == static_cast<int>(Match::prefix))
            return Match::prefix;
    }
    // Contained phrases, indexed by their first word.
    for (std::size_t i = 0; i + 1 < w.size();) {
        const std::size_t e = find_byte(wv, i + 1, wv.size(), ' ');  // `w` ends with a space
        const std::string_view key = wv.substr(i, e - i + 1);
        if (!(m_first_filter[filter_slot(key)] & filter_bit(key))) {
            i = e;
            continue;
        }
        if (const int slot = m_first_index.find(key); slot >= 0) {
            for (std::size_t idx : m_by_first[static_cast<std::size_t>(slot)]) {
                const auto& ph = m_phrases[idx].words;
                if (w.compare(i, ph.size(), ph) == 0) return Match::contains;
            }
        }
        i = e;
    }
    return Match::none;
}

}  // namespace parley::detail
