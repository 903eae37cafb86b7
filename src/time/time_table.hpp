// The time stage's compiled knowledge (data/time/*), built once per Knowledge with
// kb.get<parley::detail::TimeTable>(), and the tokeniser the tagger and the tables share.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace parley {
class Knowledge;
}

namespace parley::detail {

enum class TUnit : uint8_t {
    none,
    day,
    week,
    weekend,
    fortnight,
    month,
    quarter,
    year,
    decade,
    century,
    hour,
    minute,
    second
};
enum class Part : uint8_t { none, early, mid, late, earlier, later };
enum class Tense : uint8_t { none, past, present, future };

/// Word classes (bits of TimeWord::cls).
enum : uint32_t {
    W_MONTH = 1u << 0,
    W_WEEKDAY = 1u << 1,
    W_NUMBER = 1u << 2,   ///< cardinal number word ("two", "a")
    W_ORDINAL = 1u << 3,  ///< "third"
    W_VAGUE = 1u << 4,    ///< vague count ("several")
    W_UNIT = 1u << 5,
    W_SEASON = 1u << 6,
    W_PART = 1u << 7,  ///< single-word part-of-period ("early")
    W_REL = 1u << 8,   ///< this / last / next
    W_TOD = 1u << 9,   ///< morning, night
    W_MONTH_CTX = 1u << 10,
    W_PHRASE = 1u << 11,   ///< first word of a multi-word phrase (deictic, set, part)
    W_TRIGGER = 1u << 12,  ///< since / from / between / in / the ... : tried by the matcher
};
/// Classes that may begin a time expression (quick rejection of every other word).
constexpr uint32_t W_START = W_MONTH | W_WEEKDAY | W_NUMBER | W_ORDINAL | W_VAGUE | W_SEASON |
                             W_PART | W_REL | W_PHRASE | W_TRIGGER;

struct TimeWord {
    uint32_t cls = 0;
    int8_t month = 0;
    bool month_abbr = false;
    bool month_ambiguous = false;
    int8_t weekday = 0;
    bool weekday_abbr = false;
    int16_t number = 0;
    int16_t ordinal = 0;
    TUnit unit = TUnit::none;
    Part part = Part::none;
    int8_t rel = 0;
    bool rel_anaphoric = false;
    char season[3] = {0, 0, 0};
    char tod[3] = {0, 0, 0};
};

/// A fixed expression from deictic.tsv.
struct Deictic {
    enum class Ref : uint8_t { dct, last, vague };
    Ref ref = Ref::dct;
    TUnit unit = TUnit::none;
    int offset = 0;
    Part part = Part::none;
    std::string tod;    ///< "MO", "NI", ... or empty
    std::string value;  ///< for vague: PRESENT_REF, PAST_REF, FUTURE_REF
};

/// An open-addressing map from short strings to int, no allocation on lookup.
class StringMap {
  public:
    void insert(std::string_view key, int value);  ///< later insertions of a key are ignored
    /// -1 when absent. Inline: most words of a text are rejected by the filter, without a call.
    int find(std::string_view key) const {
        if (m_filter.empty() || !(m_filter[filter_slot(key)] & filter_bit(key))) return -1;
        return probe(key);
    }
    bool empty() const { return m_count == 0; }

  private:
    static uint64_t hash(std::string_view s);
    int probe(std::string_view key) const;
    // Slot of m_filter for a key: its first two bytes (most words of a text are not keys).
    static std::size_t filter_slot(std::string_view s) {
        const auto c0 = static_cast<unsigned char>(s.empty() ? 0 : s[0]);
        const auto c1 = static_cast<unsigned char>(s.size() < 2 ? 0 : s[1]);
        return (c0 & 31u) * 32u + (c1 & 31u);
    }
    static uint32_t filter_bit(std::string_view s) { return 1u << (s.size() < 31 ? s.size() : 31); }
    void grow();
    struct Slot {
        uint32_t off = 0, len = 0;
        int value = -1;
        uint32_t tag = 0;  ///< high half of the key's hash: most mismatches skip the compare
    };
    std::string m_store;
    std::vector<Slot> m_slots;
    std::size_t m_count = 0;
    std::vector<uint32_t> m_filter;  ///< by filter_slot(): bit filter_bit() of each key
};

/// Multi-word phrases over lower-cased tokens: keys are the tokens joined by one space.
struct PhraseTable {
    StringMap full;    ///< phrase -> value
    StringMap prefix;  ///< every proper prefix -> 1
    int max_words = 0;
    void add(std::string_view phrase, int value);
};

enum class TokKind : uint8_t { word, number, punct };
enum : uint8_t { T_CAP = 1, T_SPACE = 2, T_PARA = 4 };

struct TimeTok {
    uint32_t b = 0, e = 0;  ///< byte range in the text
    TokKind kind = TokKind::punct;
    uint8_t flags = 0;  ///< T_CAP, T_SPACE (whitespace before), T_PARA (blank line before)
    int16_t info = -1;  ///< TimeWord index, -1 when not in the lexicon
    int32_t num = -1;   ///< value of a digit token (up to 9 digits), else -1
    uint32_t sent = 0;  ///< sentence number
};

/// Splits text into word / number / punctuation tokens. `lower` receives the ASCII-lower-cased
/// text (same offsets). No per-token allocation: `out` is reused.
void tokenize_time(std::string_view text, std::string& lower, std::vector<TimeTok>& out);

class TimeTable {
  public:
    explicit TimeTable(const Knowledge& kb);

    std::vector<TimeWord> words;
    StringMap word_index;  ///< lower-cased word -> index into words
    PhraseTable deictic;   ///< -> index into deictics
    std::vector<Deictic> deictics;
    PhraseTable sets;  ///< -> index into set_values
    std::vector<std::string> set_values;
    PhraseTable parts;          ///< -> Part
    PhraseTable tense;          ///< -> Tense
    StringMap not_past_before;  ///< words after which "-ed" is not a past verb
    std::size_t max_word_len = 0;

    const TimeWord* info(std::string_view lower_word) const {
        if (lower_word.size() > max_word_len) return nullptr;
        int i = word_index.find(lower_word);
        return i < 0 ? nullptr : &words[static_cast<std::size_t>(i)];
    }

  private:
    TimeWord& word(std::string_view w);
};

}  // namespace parley::detail
