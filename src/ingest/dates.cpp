// Date stamps ("Wednesday 21 July 1999 23:02 BST", "July 21, 1999", "1999-07-21") and metadata
// date values. Month and weekday names are the calendar's, not the article's: kept here.
#include "ingest/dates.hpp"

#include "core/byte_runs.hpp"
#include "text/utf8.hpp"

#include <array>

namespace parley {

namespace detail {

namespace {

struct Name {
    std::string_view text;
    unsigned value;
};

constexpr std::array<Name, 24> kMonths = {{
    {"january", 1},   {"february", 2},  {"march", 3},  {"april", 4},     {"may", 5},
    {"june", 6},      {"july", 7},      {"august", 8}, {"september", 9}, {"october", 10},
    {"november", 11}, {"december", 12}, {"jan", 1},    {"feb", 2},       {"mar", 3},
    {"apr", 4},       {"jun", 6},       {"jul", 7},    {"aug", 8},       {"sep", 9},
    {"sept", 9},      {"oct", 10},      {"nov", 11},   {"dec", 12},
}};
constexpr std::array<std::string_view, 18> kWeekdays = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
    "tues",   "wed",     "thu",       "thur",     "thurs",  "fri",      "sat",    "sun", "weds"};

bool iequals(std::string_view a, std::string_view lower) {
    if (a.size() != lower.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (ascii_lower(a[i]) != lower[i]) return false;
    return true;
}

/// A cursor over one line of text.
struct Cursor {
    std::string_view s;
    std::size_t i;

    bool done() const { return i >= s.size(); }
    char peek() const { return done() ? '\0' : s[i]; }
    void skip_blanks() {
        while (!done()) {
            if (s[i] == ' ' || s[i] == '\t') {
                ++i;
            } else if (static_cast<unsigned char>(s[i]) == 0xC2 && i + 1 < s.size() &&
                       static_cast<unsigned char>(s[i + 1]) == 0xA0) {
                i += 2;  // no-break space
            } else {
                break;
            }
        }
    }
    bool eat(char c) {
        if (peek() != c) return false;
        ++i;
        return true;
    }
    std::string_view word() {
        const std::size_t b = i;
        while (!done() && is_ascii_alpha(s[i])) ++i;
        return s.substr(b, i - b);
    }
    /// Digits, at most `max` of them; -1 when none.
    int number(std::size_t max, std::size_t* ndigits = nullptr) {
        const std::size_t b = i;
        int v = 0;
        while (!done() && is_ascii_digit(s[i]) && i - b < max) v = v * 10 + (s[i++] - '0');
        if (ndigits) *ndigits = i - b;
        if (i == b || (!done() && is_ascii_digit(s[i]))) {
            i = b;
            return -1;
        }
        return v;
    }
};

std::optional<unsigned> month_of(std::string_view w) {
    for (const auto& m : kMonths)
        if (iequals(w, m.text)) return m.value;
    return std::nullopt;
}
bool is_weekday(std::string_view w) {
    for (auto d : kWeekdays)
        if (iequals(w, d)) return true;
    return false;
}

// Bit `len` of kNameLengths[letter - 'a'] is set when a month or weekday name of that length
// starts with that letter: every other word is rejected before the name lists are compared.
constexpr std::array<uint32_t, 26> kNameLengths = [] {
    std::array<uint32_t, 26> t{};
    for (const auto& m : kMonths)
        t[static_cast<std::size_t>(m.text[0] - 'a')] |= 1u << m.text.size();
    for (auto d : kWeekdays) t[static_cast<std::size_t>(d[0] - 'a')] |= 1u << d.size();
    return t;
}();

// Whether the ASCII word `w` could be a month or weekday name (no false negatives).
bool may_be_name(std::string_view w) {
    if (w.empty() || w.size() > 31) return false;
    return (kNameLengths[static_cast<std::size_t>(ascii_lower(w[0]) - 'a')] >> w.size()) & 1u;
}

std::optional<date::sys_days> make_day(int y, unsigned m, int d) {
    if (y < 1800 || y > 2200 || d < 1) return std::nullopt;
    const date::year_month_day ymd{date::year{y}, date::month{m},
                                   date::day{static_cast<unsigned>(d)}};
    if (!ymd.ok()) return std::nullopt;
    return date::sys_days{ymd};
}

int read_day(Cursor& c) {
    const int d = c.number(2);
    if (d < 0) return -1;
    // Ordinal suffixes: "21st", "2nd", "3rd", "4th".
    const std::size_t save = c.i;
    const auto w = c.word();
    if (!(iequals(w, "st") || iequals(w, "nd") || iequals(w, "rd") || iequals(w, "th"))) c.i = save;
    return d;
}

// The time after a date: ", 23:02 BST", " at 10:30 a.m. EST", "T10:00:00+03:00", "| 20:36 UTC+3".
void read_time(Cursor& c) {
    const std::size_t save = c.i;
    c.skip_blanks();
    c.eat(',');
    c.skip_blanks();
    const std::size_t at = c.i;
    if (iequals(c.word(), "at"))
        c.skip_blanks();
    else
        c.i = at;
    const int h = c.number(2);
    if (h < 0 || h > 23 || !c.eat(':')) {
        c.i = save;
        return;
    }
    if (c.number(2) < 0) {
        c.i = save;
        return;
    }
    if (c.eat(':') && c.number(2) < 0) --c.i;
    std::size_t end = c.i;
    c.skip_blanks();
    const std::size_t ampm = c.i;
    const auto w = c.word();
    if (iequals(w, "am") || iequals(w, "pm")) {
        end = c.i;
    } else if ((iequals(w, "a") || iequals(w, "p")) && c.eat('.') && iequals(c.word(), "m") &&
               c.eat('.')) {
        end = c.i;
    } else {
        c.i = ampm;
    }
    c.skip_blanks();
    // Zone abbreviations are upper case: BST, GMT, EDT, UTC+3.
    const std::size_t zb = c.i;
    while (!c.done() && is_ascii_upper(c.peek())) ++c.i;
    if (c.i - zb >= 2 && c.i - zb <= 5 && (c.done() || !is_ascii_alpha(c.peek()))) {
        if ((c.peek() == '+' || c.peek() == '-') && c.i + 1 < c.s.size() &&
            is_ascii_digit(c.s[c.i + 1])) {
            ++c.i;
            while (!c.done() && (is_ascii_digit(c.peek()) || c.peek() == ':')) ++c.i;
        }
        end = c.i;
    }
    c.i = end;
}

// Tries a date starting at `b` (a word start). Returns the stamp with its span.
std::optional<DateStamp> date_at(std::string_view s, std::size_t b) {
    Cursor c{s, b};
    std::size_t begin = b;
    std::optional<date::sys_days> day;
    if (is_ascii_digit(c.peek())) {
        std::size_t nd = 0;
        const int first = c.number(4, &nd);
        if (nd == 4 && (c.peek() == '-' || c.peek() == '/')) {
            // ISO 1999-07-21 (or 1999/07/21)
            const char sep = c.peek();
            ++c.i;
            const int m = c.number(2);
            if (m < 1 || m > 12 || !c.eat(sep)) return std::nullopt;
            const int d = c.number(2);
            day = make_day(first, static_cast<unsigned>(m), d);
            if (day && c.peek() == 'T' && c.i + 1 < s.size() && is_ascii_digit(s[c.i + 1])) {
                ++c.i;
                while (!c.done() &&
                       (is_ascii_digit(c.peek()) || c.peek() == ':' || c.peek() == '.' ||
                        c.peek() == '+' || c.peek() == '-' || c.peek() == 'Z'))
                    ++c.i;
            }
        } else if (nd <= 2) {
            // 21 July 1999 / 21st July, 1999 / 21 Jul. 1999
            c.i = b;
            const int d = read_day(c);
            if (d < 0) return std::nullopt;
            c.skip_blanks();
            c.eat('.');
            c.skip_blanks();
            const auto m = month_of(c.word());
            if (!m) return std::nullopt;
            c.eat('.');
            c.eat(',');
            c.skip_blanks();
            std::size_t ny = 0;
            const int y = c.number(4, &ny);
            if (ny != 4) return std::nullopt;
            day = make_day(y, *m, d);
        } else {
            return std::nullopt;
        }
    } else {
        auto w = c.word();
        if (!may_be_name(w)) return std::nullopt;
        if (is_weekday(w)) {
            c.eat('.');
            c.eat(',');
            c.skip_blanks();
            if (is_ascii_digit(c.peek())) {
                auto inner = date_at(s, c.i);
                if (!inner) return std::nullopt;
                inner->span.begin = static_cast<uint32_t>(begin);
                return inner;
            }
            w = c.word();
        }
        const auto m = month_of(w);
        if (!m) return std::nullopt;
        // "July 21, 1999", "Nov. 26, 2007", "March 21, 1997|By ..."
        c.eat('.');
        c.skip_blanks();
        const int d = read_day(c);
        if (d < 0) return std::nullopt;
        c.skip_blanks();
        if (!c.eat(',')) c.eat('.');
        c.skip_blanks();
        std::size_t ny = 0;
        const int y = c.number(4, &ny);
        if (ny != 4) return std::nullopt;
        day = make_day(y, *m, d);
    }
    if (!day) return std::nullopt;
    read_time(c);
    return DateStamp{*day, {static_cast<uint32_t>(begin), static_cast<uint32_t>(c.i)}};
}

bool word_start(std::string_view s, std::size_t i) {
    if (i == 0) return true;
    const char p = s[i - 1];
    return !is_ascii_alpha(p) && !is_ascii_digit(p) && p != '-' && p != '/' && p != '.';
}

}  // namespace

std::vector<DateStamp> find_date_stamps(std::string_view text, std::size_t limit) {
    std::vector<DateStamp> out;
    const std::size_t n = std::min(text.size(), limit);
    std::size_t i = 0;
    while (i < n) {
        i += non_alnum_run(text, i, n);  // sixteen bytes a step, to the next word
        if (i >= n) break;
        // `i` starts a run of letters and digits (or follows a stamp): only a run's first byte
        // can start a date, and a word that is no month or weekday name starts none.
        if (word_start(text, i)) {
            std::size_t e = i;
            if (is_ascii_alpha(text[i])) e = i + alpha_run(text, i, text.size());
            if (e == i || may_be_name(text.substr(i, e - i))) {
                if (auto st = date_at(text, i)) {
                    out.push_back(*st);
                    i = st->span.end + 1;
                    continue;
                }
            }
            i = e;  // the letters read are no date's start: skip on from their end
        }
        i += alnum_run(text, i, n);
    }
    return out;
}

std::optional<date::sys_days> parse_date_value(std::string_view v) {
    while (!v.empty() && is_space(v.front())) v.remove_prefix(1);
    if (v.size() >= 8) {
        Cursor c{v, 0};
        std::size_t nd = 0;
        const int n = c.number(8, &nd);
        if (nd == 8 && n >= 0) {  // 20200923
            return make_day(n / 10000, static_cast<unsigned>(n / 100 % 100), n % 100);
        }
        c.i = 0;
        const int d = c.number(2, &nd);
        if (d > 0 && c.eat('.')) {  // 23.09.2020 (day first, as written in Europe)
            const int m = c.number(2);
            std::size_t ny = 0;
            if (m >= 1 && m <= 12 && c.eat('.')) {
                const int y = c.number(4, &ny);
                if (ny == 4) return make_day(y, static_cast<unsigned>(m), d);
            }
        }
    }
    const auto all = find_date_stamps(v, v.size());
    if (all.empty()) return std::nullopt;
    return all.front().day;
}

std::optional<date::sys_days> date_from_url(std::string_view url) {
    for (std::size_t i = 0; i + 10 <= url.size(); ++i) {
        if (url[i] != '/') continue;
        Cursor c{url, i + 1};
        std::size_t ny = 0;
        const int y = c.number(4, &ny);
        if (ny != 4 || (c.peek() != '/' && c.peek() != '-')) continue;
        const char sep = c.peek();
        ++c.i;
        const int m = c.number(2);
        if (m < 1 || m > 12 || !c.eat(sep)) continue;
        const int d = c.number(2);
        if (d < 1) continue;
        if (auto day = make_day(y, static_cast<unsigned>(m), d)) return day;
    }
    // "...-20200113" or "/20200113/": eight digits standing alone in the path.
    for (std::size_t i = 1; i + 8 <= url.size(); ++i) {
        if (url[i - 1] != '-' && url[i - 1] != '/' && url[i - 1] != '_') continue;
        if (i + 8 < url.size() && is_ascii_digit(url[i + 8])) continue;
        Cursor c{url, i};
        std::size_t nd = 0;
        const int n = c.number(8, &nd);
        if (nd != 8 || n < 0) continue;
        if (auto day = make_day(n / 10000, static_cast<unsigned>(n / 100 % 100), n % 100))
            return day;
    }
    return std::nullopt;
}

}  // namespace detail

std::optional<DateStamp> find_date_stamp(std::string_view text, std::size_t search_limit) {
    const auto all = detail::find_date_stamps(text, search_limit);
    if (all.empty()) return std::nullopt;
    // Prefer a stamp set on its own short line or opening its line (a dateline) over a date
    // mentioned in running prose.
    for (const auto& st : all) {
        std::size_t ls = text.rfind('\n', st.span.begin);
        ls = ls == std::string_view::npos ? 0 : ls + 1;
        std::size_t le = text.find('\n', st.span.end);
        if (le == std::string_view::npos) le = text.size();
        if (le - ls <= 100 || st.span.begin - ls <= 40) return st;
    }
    return all.front();
}

}  // namespace parley
