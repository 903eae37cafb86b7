#include "time/time_table.hpp"

#include "core/byte_runs.hpp"
#include "core/word_hash.hpp"

#include <parley/error.hpp>
#include <parley/knowledge.hpp>

#include <charconv>
#include <cstring>

namespace parley::detail {

// ---------------------------------------------------------------- StringMap

uint64_t StringMap::hash(std::string_view s) {
    return fast_hash(s);  // the extractor's word hash: no loop over a word's last bytes
}

void StringMap::grow() {
    std::vector<Slot> old = std::move(m_slots);
    m_slots.assign(old.empty() ? 64 : old.size() * 2, Slot{});
    const std::size_t mask = m_slots.size() - 1;
    for (const auto& s : old) {
        if (s.value < 0) continue;
        std::size_t i = hash(std::string_view(m_store).substr(s.off, s.len)) & mask;
        while (m_slots[i].value >= 0) i = (i + 1) & mask;
        m_slots[i] = s;
    }
}

void StringMap::insert(std::string_view key, int value) {
    if (find(key) >= 0) return;
    // At most a quarter full: most lookups are of absent words, and end at an empty slot.
    if ((m_count + 1) * 4 > m_slots.size()) grow();
    const std::size_t mask = m_slots.size() - 1;
    const uint64_t h = hash(key);
    std::size_t i = h & mask;
    while (m_slots[i].value >= 0) i = (i + 1) & mask;
    m_slots[i] = Slot{static_cast<uint32_t>(m_store.size()), static_cast<uint32_t>(key.size()),
                      value, static_cast<uint32_t>(h >> 32)};
    m_store.append(key);
    ++m_count;
    if (m_filter.empty()) m_filter.assign(32 * 32, 0);
    m_filter[filter_slot(key)] |= filter_bit(key);
}

int StringMap::probe(std::string_view key) const {
    const std::size_t mask = m_slots.size() - 1;
    const uint64_t h = hash(key);
    const auto tag = static_cast<uint32_t>(h >> 32);
    std::size_t i = h & mask;
    while (m_slots[i].value >= 0) {
        const Slot& s = m_slots[i];
        if (s.tag == tag && s.len == key.size() &&
            std::memcmp(m_store.data() + s.off, key.data(), key.size()) == 0)
            return s.value;
        i = (i + 1) & mask;
    }
    return -1;
}

// ---------------------------------------------------------------- tokeniser

namespace {

bool is_alpha(unsigned char c) {
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}
bool is_digit(unsigned char c) {
    return c >= '0' && c <= '9';
}
bool is_space(unsigned char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

// Length of a UTF-8 punctuation sequence from U+2000..U+206F (dashes, curly quotes), else 0.
std::size_t general_punct(std::string_view t, std::size_t i) {
    if (i + 2 < t.size() && static_cast<unsigned char>(t[i]) == 0xE2 &&
        static_cast<unsigned char>(t[i + 1]) >= 0x80 &&
        static_cast<unsigned char>(t[i + 1]) <= 0x81)
        return 3;
    if (i + 1 < t.size() && static_cast<unsigned char>(t[i]) == 0xC2 &&
        static_cast<unsigned char>(t[i + 1]) == 0xA0)
        return 2;  // no-break space: treated as punctuation-free space below
    return 0;
}

}  // namespace

void tokenize_time(std::string_view text, std::string& lower, std::vector<TimeTok>& out) {
    out.clear();
    lower.resize(text.size());
    lower_ascii(text, 0, text.size(), lower.data());
    out.reserve(text.size() / 4 + 8);
    const std::size_t n = text.size();
    std::size_t i = 0;
    uint8_t pending = 0;
    int newlines = 0;
    while (i < n) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (is_space(c)) {
            pending |= T_SPACE;
            if (c == '\n' && ++newlines >= 2) pending |= T_PARA;
            ++i;
            continue;
        }
        std::size_t gp = c >= 0x80 ? general_punct(text, i) : 0;
        if (gp == 2) {  // no-break space
            pending |= T_SPACE;
            i += 2;
            continue;
        }
        newlines = 0;
        TimeTok t;
        t.b = static_cast<uint32_t>(i);
        t.flags = pending;
        pending = 0;
        if (is_digit(c)) {
            const std::size_t j = i + digit_run(text, i, n);
            t.kind = TokKind::number;
            if (j - i <= 9) {
                int v = 0;
                std::from_chars(text.data() + i, text.data() + j, v);
                t.num = v;
            }
            i = j;
        } else if (is_alpha(c) || (c >= 0x80 && gp == 0)) {
            std::size_t j = i;
            while (j < n) {
                j += alpha_run(text, j, n);  // no test per byte
                if (j >= n) break;
                const unsigned char d = static_cast<unsigned char>(text[j]);
                if (d >= 0x80 && general_punct(text, j) == 0) {
                    ++j;
                    continue;
                }
                break;
            }
            t.kind = TokKind::word;
            if (c >= 'A' && c <= 'Z') t.flags |= T_CAP;
            i = j;
        } else {
            t.kind = TokKind::punct;
            i += gp ? gp : 1;
        }
        t.e = static_cast<uint32_t>(i);
        out.push_back(t);
    }
}

// ---------------------------------------------------------------- PhraseTable

namespace {

// Normalises a data phrase the way text is tokenised: tokens joined by one space.
std::string phrase_key(std::string_view phrase) {
    std::string lower;
    std::vector<TimeTok> toks;
    tokenize_time(phrase, lower, toks);
    std::string key;
    for (const auto& t : toks) {
        if (!key.empty()) key += ' ';
        std::string_view w = std::string_view(lower).substr(t.b, t.e - t.b);
        key += (w == "\xE2\x80\x99") ? std::string_view("'") : w;
    }
    return key;
}

int to_int(const std::string& s, const std::string& file) {
    int v = 0;
    const char* b = s.data();
    if (!s.empty() && s[0] == '+') ++b;
    auto [p, ec] = std::from_chars(b, s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size())
        throw Error(file + ": expected a number, got \"" + s + "\"");
    return v;
}

TUnit unit_from(const std::string& s, const std::string& file) {
    static const std::pair<const char*, TUnit> kUnits[] = {
        {"day", TUnit::day},         {"week", TUnit::week},
        {"weekend", TUnit::weekend}, {"fortnight", TUnit::fortnight},
        {"month", TUnit::month},     {"quarter", TUnit::quarter},
        {"year", TUnit::year},       {"decade", TUnit::decade},
        {"century", TUnit::century}, {"hour", TUnit::hour},
        {"minute", TUnit::minute},   {"second", TUnit::second}};
    for (const auto& [name, u] : kUnits)
        if (s == name) return u;
    throw Error(file + ": unknown unit \"" + s + "\"");
}

Part part_from(const std::string& s) {
    if (s == "early") return Part::early;
    if (s == "mid") return Part::mid;
    if (s == "late") return Part::late;
    if (s == "earlier") return Part::earlier;
    if (s == "later") return Part::later;
    return Part::none;
}

const std::string& col(const std::vector<std::string>& row, std::size_t i,
                       const std::string& file) {
    if (i >= row.size()) throw Error(file + ": expected " + std::to_string(i + 1) + " columns");
    return row[i];
}

}  // namespace

void PhraseTable::add(std::string_view phrase, int value) {
    std::string key = phrase_key(phrase);
    int words = 1;
    for (std::size_t i = 0; i < key.size(); ++i) {
        if (key[i] != ' ') continue;
        prefix.insert(std::string_view(key).substr(0, i), 1);
        ++words;
    }
    full.insert(key, value);
    if (words > max_words) max_words = words;
}

// ---------------------------------------------------------------- TimeTable

TimeWord& TimeTable::word(std::string_view w) {
    int i = word_index.find(w);
    if (i >= 0) return words[static_cast<std::size_t>(i)];
    word_index.insert(w, static_cast<int>(words.size()));
    if (w.size() > max_word_len) max_word_len = w.size();
    return words.emplace_back();
}

TimeTable::TimeTable(const Knowledge& kb) {
    const std::string dir = "time/";
    auto first_word = [&](const std::string& phrase) {
        std::string key = phrase_key(phrase);
        word(key.substr(0, key.find(' '))).cls |= W_PHRASE;
    };

    for (const auto& r : kb.rows(dir + "months.tsv")) {
        auto& w = word(col(r, 0, "months.tsv"));
        w.cls |= W_MONTH;
        w.month = static_cast<int8_t>(to_int(col(r, 1, "months.tsv"), "months.tsv"));
        const std::string flags = r.size() > 2 ? r[2] : "";
        w.month_abbr = flags.find("abbr") != std::string::npos;
        w.month_ambiguous = flags.find("ambiguous") != std::string::npos;
    }
    for (const auto& l : kb.lines(dir + "month_context.txt")) word(l).cls |= W_MONTH_CTX;
    for (const auto& r : kb.rows(dir + "weekdays.tsv")) {
        auto& w = word(col(r, 0, "weekdays.tsv"));
        w.cls |= W_WEEKDAY;
        w.weekday = static_cast<int8_t>(to_int(col(r, 1, "weekdays.tsv"), "weekdays.tsv"));
        w.weekday_abbr = r.size() > 2 && r[2] == "abbr";
    }
    for (const auto& r : kb.rows(dir + "numbers.tsv")) {
        const std::string& kind = col(r, 2, "numbers.tsv");
        const int v = to_int(col(r, 1, "numbers.tsv"), "numbers.tsv");
        auto& w = word(col(r, 0, "numbers.tsv"));
        if (kind == "ordinal") {
            w.cls |= W_ORDINAL;
            w.ordinal = static_cast<int16_t>(v);
        } else if (kind == "vague") {
            w.cls |= W_VAGUE;
        } else {
            w.cls |= W_NUMBER;
            w.number = static_cast<int16_t>(v);
        }
    }
    for (const auto& r : kb.rows(dir + "units.tsv")) {
        auto& w = word(col(r, 0, "units.tsv"));
        w.cls |= W_UNIT;
        w.unit = unit_from(col(r, 1, "units.tsv"), "units.tsv");
    }
    for (const auto& r : kb.rows(dir + "seasons.tsv")) {
        auto& w = word(col(r, 0, "seasons.tsv"));
        w.cls |= W_SEASON;
        const std::string& code = col(r, 1, "seasons.tsv");
        w.season[0] = code.size() > 0 ? code[0] : 0;
        w.season[1] = code.size() > 1 ? code[1] : 0;
    }
    for (const auto& r : kb.rows(dir + "times_of_day.tsv")) {
        auto& w = word(col(r, 0, "times_of_day.tsv"));
        w.cls |= W_TOD;
        const std::string& code = col(r, 1, "times_of_day.tsv");
        w.tod[0] = code.size() > 0 ? code[0] : 0;
        w.tod[1] = code.size() > 1 ? code[1] : 0;
    }
    for (const auto& r : kb.rows(dir + "relatives.tsv")) {
        auto& w = word(col(r, 0, "relatives.tsv"));
        w.cls |= W_REL;
        w.rel = static_cast<int8_t>(to_int(col(r, 1, "relatives.tsv"), "relatives.tsv"));
        w.rel_anaphoric = col(r, 2, "relatives.tsv") == "last";
    }
    for (const auto& r : kb.rows(dir + "parts.tsv")) {
        const std::string& phrase = col(r, 0, "parts.tsv");
        const Part p = part_from(col(r, 1, "parts.tsv"));
        if (phrase.find(' ') == std::string::npos) {
            auto& w = word(phrase);
            w.cls |= W_PART;
            w.part = p;
        } else {
            parts.add(phrase, static_cast<int>(p));
            first_word(phrase);
        }
    }
    for (const auto& r : kb.rows(dir + "deictic.tsv")) {
        Deictic d;
        const std::string& ref = col(r, 1, "deictic.tsv");
        d.ref = ref == "dct"    ? Deictic::Ref::dct
                : ref == "last" ? Deictic::Ref::last
                                : Deictic::Ref::vague;
        if (d.ref == Deictic::Ref::vague) {
            d.value = col(r, 2, "deictic.tsv");
        } else {
            d.unit = unit_from(col(r, 2, "deictic.tsv"), "deictic.tsv");
            d.offset = to_int(col(r, 3, "deictic.tsv"), "deictic.tsv");
            const std::string p = r.size() > 4 ? r[4] : "-";
            d.part = part_from(p);
            if (d.part == Part::none && p != "-") d.tod = p;
        }
        deictic.add(col(r, 0, "deictic.tsv"), static_cast<int>(deictics.size()));
        deictics.push_back(std::move(d));
        first_word(col(r, 0, "deictic.tsv"));
    }
    for (const auto& r : kb.rows(dir + "sets.tsv")) {
        sets.add(col(r, 0, "sets.tsv"), static_cast<int>(set_values.size()));
        set_values.push_back(col(r, 1, "sets.tsv"));
        first_word(col(r, 0, "sets.tsv"));
    }
    for (const auto& r : kb.rows(dir + "tense.tsv")) {
        const std::string& t = col(r, 1, "tense.tsv");
        const Tense tv = t == "past" ? Tense::past : t == "future" ? Tense::future : Tense::present;
        tense.add(col(r, 0, "tense.tsv"), static_cast<int>(tv));
    }
    for (const auto& l : kb.lines(dir + "not_past_before.txt")) not_past_before.insert(l, 1);
    // Words the matcher tries even though they carry no value of their own.
    for (const char* w : {"since", "from", "between", "in", "the", "mid"}) word(w).cls |= W_TRIGGER;
}

}  // namespace parley::detail
