// Sentence splitting with byte offsets. Rules (abbreviations, sentence starters) come from data/.
#include "core/view_hash.hpp"
#include "text/utf8.hpp"

#include <parley/knowledge.hpp>
#include <parley/text.hpp>

#include <array>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace parley {

namespace {

using namespace detail;

enum class AbbrKind { title, number, either };

/// data/abbreviations.txt ("Mr<TAB>title") and data/sentence-starters.txt, compiled once.
struct SentenceRules {
    // Transparent hashing: words are looked up as views of the text.
    // without the final period
    detail::ViewMap<AbbrKind> abbreviations;
    detail::ViewSet starters;

    explicit SentenceRules(const Knowledge& kb) {
        for (const auto& row : kb.rows("abbreviations.txt")) {
            std::string a = row[0];
            if (!a.empty() && a.back() == '.') a.pop_back();
            if (a.empty()) continue;
            AbbrKind kind = AbbrKind::either;
            if (row.size() > 1 && row[1] == "title") kind = AbbrKind::title;
            if (row.size() > 1 && row[1] == "number") kind = AbbrKind::number;
            abbreviations[a] = kind;
        }
        for (const auto& w : kb.lines("sentence-starters.txt")) starters.insert(w);
    }
};

constexpr std::array<bool, 256> kMayEnd = [] {
    std::array<bool, 256> t{};
    t['.'] = t['!'] = t['?'] = t[0xE2] = true;
    return t;
}();

bool is_closer(char32_t cp) {
    return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x201D || cp == 0x2019 ||
           cp == 0xBB;
}
bool is_opener(char32_t cp) {
    return cp == '"' || cp == '\'' || cp == '(' || cp == '[' || cp == 0x201C || cp == 0x2018 ||
           cp == 0xAB;
}

// Whether the period at `dot` ends a sentence, given the word that follows at `next`.
bool period_ends_sentence(std::string_view t, std::size_t dot, std::size_t next,
                          const SentenceRules& rules) {
    // The word before the period: back to white space or an opening bracket/quote.
    std::size_t b = dot;
    while (b > 0 && !is_space(t[b - 1]) && t[b - 1] != '(' && t[b - 1] != '"' && t[b - 1] != '[')
        --b;
    const std::string_view before = t.substr(b, dot - b);
    if (before.empty()) return true;
    // The word after, with any opening quote skipped.
    std::size_t k = next, len = 0;
    while (k < t.size() && is_opener(decode_utf8(t, k, len))) k += len;
    std::size_t e = k;
    while (e < t.size() && !is_space(t[e]) && t[e] != ',' && t[e] != '.' && t[e] != ';' &&
           t[e] != ':')
        ++e;
    const std::string_view after = t.substr(k, e - k);
    const bool next_digit = !after.empty() && is_ascii_digit(after[0]);
    const bool next_starter = rules.starters.find(after) != rules.starters.end();

    if (auto it = rules.abbreviations.find(before); it != rules.abbreviations.end()) {
        switch (it->second) {
            case AbbrKind::title:
                return false;
            case AbbrKind::number:
                return !next_digit;
            case AbbrKind::either:
                return next_starter;
        }
    }
    // Initials ("Mikhail S. Gorbachev", "George H. W. Bush") and unlisted initialisms ("N.A.T.O.").
    // An initial is one capital letter standing alone: "S." in "Mikhail S.", "E." in "Photo/E.".
    const bool initial = is_ascii_upper(before.back()) &&
                         (before.size() == 1 || !is_ascii_alpha(before[before.size() - 2])) &&
                         (before.size() == 1 || before[before.size() - 2] != '.');
    bool initialism = before.size() >= 3;
    for (std::size_t i = 0; initialism && i < before.size(); ++i)
        initialism = (i % 2 == 0) ? is_ascii_alpha(before[i]) : before[i] == '.';
    if (initial || initialism) return next_starter;
    return true;
}

}  // namespace

std::vector<Sentence> split_sentences(std::string_view text, const Knowledge& kb) {
    const auto& rules = kb.get<SentenceRules>();
    std::vector<Sentence> out;
    const auto paras = split_paragraphs(text);
    for (uint32_t p = 0; p < paras.size(); ++p) {
        const std::size_t pend = paras[p].end;
        std::size_t start = paras[p].begin;
        std::size_t i = start;
        auto emit = [&](std::size_t end) {
            while (end > start && is_space(text[end - 1])) --end;
            if (end > start)
                out.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(end), p});
        };
        while (i < pend) {
            // Skip to the next '.', '!', '?' or 0xE2 (which leads U+2026, the ellipsis): no
            // other byte, not even inside a multi-byte character, can start a terminator.
            while (i < pend && !kMayEnd[static_cast<unsigned char>(text[i])]) ++i;
            if (i >= pend) break;
            const char c = text[i];
            std::size_t len = 1;
            bool term = c == '.' || c == '!' || c == '?';
            if (!term) {
                const char32_t cp = decode_utf8(text, i, len);
                term = cp == 0x2026;  // ellipsis
            }
            if (!term) {
                i += len;
                continue;
            }
            const std::size_t mark = i;
            std::size_t j = i + len;
            // Runs of terminators, then closing quotes/brackets: '?!', '...', '."', '.)'.
            while (j < pend) {
                std::size_t l = 0;
                const char32_t cp = decode_utf8(text, j, l);
                if (cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 || is_closer(cp))
                    j += l;
                else
                    break;
            }
            if (j >= pend) break;
            if (!is_space(text[j])) {  // "U.S.-led", "3.5", "W.Bush"
                i = j;
                continue;
            }
            std::size_t k = j;
            while (k < pend && is_space(text[k])) ++k;
            if (k >= pend) break;
            // A lower-case word never starts a sentence: '"...," he said', '"Why?" he asked'.
            std::size_t l = 0, q = k;
            while (q < pend && is_opener(decode_utf8(text, q, l))) q += l;
            bool split = true;
            if (q < pend) {
                const char32_t nx = decode_utf8(text, q, l);
                if (is_lower(nx)) split = false;
            }
            if (split && c == '.' && j == mark + 1)
                split = period_ends_sentence(text, mark, k, rules);
            if (split) {
                emit(j);
                start = k;
            }
            i = k;
        }
        emit(pend);
    }
    return out;
}

}  // namespace parley
