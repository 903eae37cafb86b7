#include "ingest/boilerplate.hpp"

#include "text/utf8.hpp"

#include <parley/knowledge.hpp>
#include <parley/text.hpp>

#include <algorithm>

namespace parley::detail {

std::string canonical_words(std::string_view text) {
    const std::string f = fold(text);
    std::string out;
    out.reserve(f.size() + 2);
    out.push_back(' ');
    for (char c : f) {
        const bool word = is_ascii_alpha(c) || is_ascii_digit(c) || c == '\'' ||
                          static_cast<unsigned char>(c) >= 0x80;
        if (word)
            out.push_back(c);
        else if (out.back() != ' ')
            out.push_back(' ');
    }
    if (out.back() != ' ') out.push_back(' ');
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
            m_by_first[first].push_back(m_phrases.size());
            m_first_filter[filter_slot(first)] |= filter_bit(first);
            m_phrases.push_back({std::move(words), mode});
        } else {
            if (mode == Match::prefix) m_max_prefix_words = std::max(m_max_prefix_words, nwords);
            m_whole.emplace(std::move(words), mode);
        }
    }
}

Boilerplate::Match Boilerplate::match(std::string_view paragraph) const {
    const std::string w = canonical_words(paragraph);
    if (w.size() <= 1) return Match::none;
    const std::string_view wv = w;
    if (auto it = m_whole.find(wv); it != m_whole.end()) return Match::exact;
    // Prefixes: try each leading run of up to 8 words (none longer than the longest listed).
    std::size_t pos = 0;
    for (std::size_t k = 0; k < 8 && k < m_max_prefix_words; ++k) {
        pos = w.find(' ', pos + 1);
        if (pos == std::string::npos) break;
        auto it = m_whole.find(wv.substr(0, pos + 1));
        if (it != m_whole.end() && it->second == Match::prefix) return Match::prefix;
    }
    // Contained phrases, indexed by their first word.
    for (std::size_t i = 0; i + 1 < w.size();) {
        const std::size_t e = w.find(' ', i + 1);
        const std::string_view key = wv.substr(i, e - i + 1);
        if (!(m_first_filter[filter_slot(key)] & filter_bit(key))) {
            i = e;
            continue;
        }
        if (auto it = m_by_first.find(key); it != m_by_first.end()) {
            for (std::size_t idx : it->second) {
                const auto& ph = m_phrases[idx].words;
                if (w.compare(i, ph.size(), ph) == 0) return Match::contains;
            }
        }
        i = e;
    }
    return Match::none;
}

}  // namespace parley::detail
