// The temporal tagger: one tokenisation pass, quick rejection of tokens that cannot start a
// time expression, hand-written token patterns (the cascade of HeidelTime / SUTime rules) whose
// words come from data/time/, then resolution with Howard Hinnant's date against the
// publication date or the last date mentioned.
#include "time/time_table.hpp"

#include <parley/knowledge.hpp>
#include <parley/time.hpp>

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace parley {

using namespace date;

namespace {

using detail::Part;
using detail::Tense;
using detail::TimeTable;
using detail::TimeTok;
using detail::TimeWord;
using detail::TokKind;
using detail::TUnit;

enum class Kind : uint8_t {
    none,
    date,
    weekday,
    month_rel,
    relative,
    deictic,
    ago,
    in_future,
    anaphoric_n,
    duration,
    vague,
    set,
    clock,
    decade,
    century,
    season,
    range,
    since
};

struct Cand {
    uint32_t tb = 0, te = 0;  ///< token range of the expression [tb, te)
    Kind kind = Kind::none;
    int y = 0, m = 0, d = 0, d2 = 0;  ///< date fields, 0 = absent; d2 = end of a day range
    int wd = 0;                       ///< weekday 1..7
    int rel = 0;
    bool has_rel = false;
    bool anaphoric = false;
    bool adjective = false;  ///< "four-day"
    TUnit unit = TUnit::none;
    long n = 0;  ///< count; -1 = vague
    Part part = Part::none;
    char tod[3] = {0, 0, 0};
    char season[3] = {0, 0, 0};
    int index = -1;  ///< deictic or set index
    int hour = -1, minute = 0, second = -1;
    int a = -1, b = -1;  ///< sub-candidates of a range / since
};

bool datelike(const Cand& c) {
    switch (c.kind) {
        case Kind::date:
        case Kind::weekday:
        case Kind::month_rel:
        case Kind::relative:
        case Kind::deictic:
        case Kind::decade:
        case Kind::century:
        case Kind::season:
            return true;
        default:
            return false;
    }
}

// `width` decimal digits of 0 <= v < 10^width, zero-padded, at `out`.
void put_digits(char* out, int v, int width) {
    for (int i = width; i-- > 0; v /= 10) out[i] = static_cast<char>('0' + v % 10);
}
std::string four(int y) {
    if (y < 0 || y > 9999) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d", y);
        return buf;
    }
    std::string s(4, '0');
    put_digits(s.data(), y, 4);
    return s;
}
std::string two(int v) {
    if (v < 0 || v > 99) return std::to_string(v);
    std::string s(2, '0');
    put_digits(s.data(), v, 2);
    return s;
}
// "2000-01-31": written digit by digit, as every time expression and event date needs it
// (snprintf and string concatenation cost more than the rest of the time stage's resolving).
std::string day_timex(sys_days d) {
    const year_month_day ymd{d};
    const int y = int(ymd.year());
    if (y < 0 || y > 9999)
        return four(y) + "-" + two(int(unsigned(ymd.month()))) + "-" +
               two(int(unsigned(ymd.day())));
    std::string s = "0000-00-00";
    put_digits(s.data(), y, 4);
    put_digits(s.data() + 5, int(unsigned(ymd.month())), 2);
    put_digits(s.data() + 8, int(unsigned(ymd.day())), 2);
    return s;
}

sys_days monday_of(sys_days d) {
    return d - days{(weekday{d}.iso_encoding() - 1)};
}
std::string week_timex(sys_days monday) {
    const sys_days thu = monday + days{3};
    const int iy = int(year_month_day{thu}.year());
    const long wk = (thu - sys_days{year{iy} / January / 1}).count() / 7 + 1;
    return four(iy) + "-W" + two(int(wk));
}
sys_days month_last(int y, int m) {
    return sys_days{year_month_day_last{year{y}, month_day_last{month(unsigned(m))}}};
}
bool sane_year(int y) {
    return y >= 1 && y <= 9999;
}

struct Span2 {
    sys_days first, last;
};

// Thirds of a period for early / mid / late; earlier / later cut at the anchor day.
Span2 apply_part(Span2 s, Part p, std::optional<sys_days> anchor) {
    const long len = (s.last - s.first).count() + 1;
    if ((p == Part::earlier || p == Part::later) && anchor && *anchor >= s.first &&
        *anchor <= s.last) {
        if (p == Part::earlier) return {s.first, *anchor > s.first ? *anchor - days{1} : s.first};
        return {*anchor < s.last ? *anchor + days{1} : s.last, s.last};
    }
    if (len < 3) return s;
    switch (p) {
        case Part::early:
        case Part::earlier:
            return {s.first, s.first + days{len / 3 - 1}};
        case Part::mid:
            return {s.first + days{len / 3}, s.first + days{2 * len / 3 - 1}};
        case Part::late:
        case Part::later:
            return {s.first + days{2 * len / 3}, s.last};
        default:
            return s;
    }
}

class Tagger {
  public:
    Tagger(std::string_view text, const std::vector<Sentence>& sents, const TimeTable& tt,
           const TimeOptions& opts, Diagnostics* diags)
        : m_text(text), m_tt(tt), m_anchor(opts.publication), m_diags(diags) {
        detail::tokenize_time(text, m_lower, m_toks);
        for (auto& t : m_toks) {
            if (t.kind != TokKind::word || t.e - t.b > m_tt.max_word_len) continue;
            const int i = m_tt.word_index.find(lw_of(t));
            if (i >= 0) t.info = static_cast<int16_t>(i);
        }
        assign_sentences(sents);
    }

    std::vector<TimeSpan> run();

  private:
    // ------------------------------------------------------------ token access
    std::string_view lw_of(const TimeTok& t) const {
        return std::string_view(m_lower).substr(t.b, t.e - t.b);
    }
    bool ok(uint32_t i) const { return i < m_toks.size(); }
    const TimeTok& tok(uint32_t i) const { return m_toks[i]; }
    std::string_view lw(uint32_t i) const { return ok(i) ? lw_of(m_toks[i]) : std::string_view(); }
    const TimeWord* wi(uint32_t i) const {
        return ok(i) && m_toks[i].info >= 0 ? &m_tt.words[std::size_t(m_toks[i].info)] : nullptr;
    }
    bool has(uint32_t i, uint32_t cls) const {
        const TimeWord* w = wi(i);
        return w && (w->cls & cls);
    }
    bool word(uint32_t i, std::string_view w) const {
        return ok(i) && m_toks[i].kind == TokKind::word && lw(i) == w;
    }
    bool punct(uint32_t i, char c) const {
        return ok(i) && m_toks[i].kind == TokKind::punct && m_toks[i].e - m_toks[i].b == 1 &&
               m_text[m_toks[i].b] == c;
    }
    bool dash(uint32_t i) const {  // - or an en/em dash
        return punct(i, '-') || lw(i) == "\xE2\x80\x93" || lw(i) == "\xE2\x80\x94";
    }
    bool apos(uint32_t i) const { return punct(i, '\'') || lw(i) == "\xE2\x80\x99"; }
    bool adjacent(uint32_t i) const { return ok(i) && !(m_toks[i].flags & detail::T_SPACE); }
    bool cap(uint32_t i) const { return ok(i) && (m_toks[i].flags & detail::T_CAP); }
    bool number(uint32_t i) const { return ok(i) && m_toks[i].kind == TokKind::number; }
    int ndigits(uint32_t i) const { return int(m_toks[i].e - m_toks[i].b); }
    bool day_num(uint32_t i) const {
        return number(i) && ndigits(i) <= 2 && tok(i).num >= 1 && tok(i).num <= 31;
    }
    bool ordinal_suffix(uint32_t i) const {
        if (!adjacent(i) || tok(i).kind != TokKind::word) return false;
        auto w = lw(i);
        return w == "st" || w == "nd" || w == "rd" || w == "th";
    }

    int match_phrase(const detail::PhraseTable& pt, uint32_t i, uint32_t& nw) const;
    void assign_sentences(const std::vector<Sentence>& sents);
    Tense tense_near(uint32_t tb, uint32_t te) const;

    // ------------------------------------------------------------ matchers
    Cand match_at(uint32_t i, bool ranges);
    Cand m_deictic(uint32_t i) const;
    Cand m_set(uint32_t i) const;
    Cand m_part(uint32_t i);
    Cand m_period(uint32_t i, bool context);
    Cand m_relative(uint32_t i);
    Cand m_month(uint32_t i, bool context) const;
    Cand m_weekday(uint32_t i);
    Cand m_numeric(uint32_t i) const;
    Cand m_year(uint32_t i, bool context) const;
    Cand m_count(uint32_t i) const;
    Cand m_trigger(uint32_t i);
    Cand m_season(uint32_t i, bool context) const;
    uint32_t year_after(uint32_t j, int& y) const;

    // ------------------------------------------------------------ resolution
    TimeSpan resolve(const Cand& c);
    void resolve_into(const Cand& c, TimeSpan& ts);
    void set_days(TimeSpan& ts, sys_days f, sys_days l, Granularity g, std::string timex) const;
    bool need_anchor(TimeSpan& ts, const Cand& c);
    void diag(const char* code, const std::string& msg, const Cand& c);
    std::optional<sys_days> ref_for(bool anaphoric) const {
        return anaphoric && m_last ? m_last : m_anchor;
    }
    bool period_span(TUnit u, sys_days ref, long off, TimeSpan& ts) const;

    std::string_view m_text;
    const TimeTable& m_tt;
    std::optional<sys_days> m_anchor;
    std::optional<sys_days> m_last;  ///< the last day mentioned (for "the next day")
    Diagnostics* m_diags;
    std::string m_lower;
    std::vector<TimeTok> m_toks;
    std::vector<uint32_t> m_sent_first;  ///< sentence number -> first token
    std::vector<Cand> m_sub;             ///< parts of ranges
};

int Tagger::match_phrase(const detail::PhraseTable& pt, uint32_t i, uint32_t& nw) const {
    // Words one space apart are already their key in the lowered text: no copy. Only other
    // spacing (or a curly apostrophe, keyed as ') builds the key in `buf`.
    char buf[160];
    std::size_t len = 0;
    bool in_text = true;
    int best = -1;
    const std::size_t from = ok(i) ? tok(i).b : 0;
    for (int k = 0; k < pt.max_words && ok(i + uint32_t(k)); ++k) {
        const uint32_t j = i + uint32_t(k);
        std::string_view w = lw(j);
        const bool curly = w == "\xE2\x80\x99";
        if (in_text &&
            (curly || (k && !(tok(j).b == tok(j - 1).e + 1 && m_text[tok(j - 1).e] == ' ')))) {
            // Leave the text: the key so far into `buf`.
            len = tok(j - (k ? 1 : 0)).e - from;
            if (!k) len = 0;
            if (len > sizeof buf) break;
            std::memcpy(buf, m_lower.data() + from, len);
            in_text = false;
        }
        std::string_view key;
        if (in_text) {
            key = std::string_view(m_lower).substr(from, tok(j).e - from);
        } else {
            if (curly) w = "'";
            if (len + w.size() + 1 > sizeof buf) break;
            if (k) buf[len++] = ' ';
            std::memcpy(buf + len, w.data(), w.size());
            len += w.size();
            key = std::string_view(buf, len);
        }
        const int v = pt.full.find(key);
        if (v >= 0) {
            best = v;
            nw = uint32_t(k + 1);
        }
        if (pt.prefix.find(key) < 0) break;
    }
    return best;
}

void Tagger::assign_sentences(const std::vector<Sentence>& sents) {
    uint32_t sid = 0;
    if (!sents.empty()) {
        std::size_t sp = 0;
        for (auto& t : m_toks) {
            while (sp < sents.size() && sents[sp].end <= t.b) ++sp;
            t.sent = uint32_t(sp);
        }
        sid = uint32_t(sents.size());
    } else {
        // No sentences given: split at . ! ? before a capital or a number, and at blank lines.
        for (std::size_t i = 0; i < m_toks.size(); ++i) {
            auto& t = m_toks[i];
            if (t.flags & detail::T_PARA) ++sid;
            t.sent = sid;
            if (t.kind == TokKind::punct && t.e - t.b == 1) {
                const char c = m_text[t.b];
                if ((c == '.' || c == '!' || c == '?') && i + 1 < m_toks.size() &&
                    (m_toks[i + 1].flags & detail::T_SPACE) &&
                    ((m_toks[i + 1].flags & detail::T_CAP) || m_toks[i + 1].kind != TokKind::word))
                    ++sid;
            }
        }
    }
    m_sent_first.assign(std::size_t(sid) + 2, uint32_t(m_toks.size()));
    for (std::size_t i = m_toks.size(); i-- > 0;) m_sent_first[m_toks[i].sent] = uint32_t(i);
    for (std::size_t s = m_sent_first.size() - 1; s-- > 0;)
        m_sent_first[s] = std::min(m_sent_first[s], m_sent_first[s + 1]);
}

// The tense of the verb cue nearest to the expression, within its sentence.
Tense Tagger::tense_near(uint32_t tb, uint32_t te) const {
    const uint32_t s = tok(tb).sent;
    const uint32_t sb = m_sent_first[s];
    const uint32_t se = s + 1 < m_sent_first.size() ? m_sent_first[s + 1] : uint32_t(m_toks.size());
    Tense best = Tense::none;
    uint32_t best_dist = ~0u;
    bool best_infinitive = false;     // the best cue is "to meet", "to visit"
    Tense before_best = Tense::none;  // the nearest cue before it
    Tense last = Tense::none;         // the last cue seen so far
    for (uint32_t j = sb; j < se && j < m_toks.size(); ++j) {
        if (j >= tb && j < te) continue;
        // "said on Monday that he would visit": a clause opened after the expression has a
        // tense of its own.
        if (j >= te && j > sb && tok(j).kind == TokKind::word && !cap(j) &&
            (lw(j) == "that" || lw(j) == "which" || lw(j) == "who"))
            break;
        uint32_t nw = 1;
        Tense t = Tense::none;
        const int v = match_phrase(m_tt.tense, j, nw);
        if (v >= 0) {
            t = static_cast<Tense>(v);
            // "will be held": a participle, not a past verb
            if (t == Tense::past && nw == 1 && j > 0 && m_tt.not_past_before.find(lw(j - 1)) >= 0)
                t = Tense::none;
        } else if (tok(j).kind == TokKind::word && !cap(j)) {
            auto w = lw(j);
            // "-ed" is a past verb, but not after be/to ("will be held") nor after a
            // determiner ("the expanded meeting"): data/time/not_past_before.txt.
            bool past = w.size() >= 5 && w.ends_with("ed");
            if (past && j > 0 && m_tt.not_past_before.find(lw(j - 1)) >= 0) past = false;
            if (past) t = Tense::past;
        }
        if (t == Tense::none) continue;
        const uint32_t dist = j < tb ? tb - (j + nw - 1) : j - te + 1;
        if (dist < best_dist || (dist == best_dist && t == Tense::future)) {
            best_dist = dist;
            best = t;
            best_infinitive = nw > 1 && lw(j) == "to";
            before_best = last;
        }
        last = t;
        j += nw - 1;
    }
    // "flew to Moscow to meet Putin on Thursday": an infinitive of purpose takes the tense of
    // the verb it hangs on ("will fly to Moscow to meet" stays future).
    if (best_infinitive && before_best == Tense::past) best = Tense::past;
    return best == Tense::present ? Tense::none : best;
}

// ------------------------------------------------------------------ matchers

Cand Tagger::m_deictic(uint32_t i) const {
    Cand c;
    uint32_t nw = 0;
    const int v = match_phrase(m_tt.deictic, i, nw);
    if (v < 0) return c;
    const auto& d = m_tt.deictics[std::size_t(v)];
    // "now" and "once" need a lower-case or sentence-initial use; "Now" is fine too.
    c.kind = d.ref == detail::Deictic::Ref::vague ? Kind::vague : Kind::deictic;
    c.tb = i;
    c.te = i + nw;
    c.index = v;
    return c;
}

Cand Tagger::m_set(uint32_t i) const {
    Cand c;
    uint32_t nw = 0;
    const int v = match_phrase(m_tt.sets, i, nw);
    if (v < 0) return c;
    c.kind = Kind::set;
    c.tb = i;
    c.te = i + nw;
    c.index = v;
    return c;
}

uint32_t Tagger::year_after(uint32_t j, int& y) const {
    // [,] YYYY
    uint32_t k = punct(j, ',') ? j + 1 : j;
    if (number(k) && ndigits(k) == 4 && tok(k).num >= 1000 && tok(k).num <= 2099 &&
        !(punct(k + 1, ':') && adjacent(k + 1))) {
        y = tok(k).num;
        return k + 1;
    }
    return j;
}

Cand Tagger::m_month(uint32_t i, bool context) const {
    Cand c;
    const TimeWord* w = wi(i);
    if (!w || !(w->cls & detail::W_MONTH) || !cap(i)) return c;
    uint32_t j = i + 1;
    if (w->month_abbr && punct(j, '.') && adjacent(j)) ++j;
    c.tb = i;
    c.m = w->month;
    c.kind = Kind::date;
    if (day_num(j) && !(punct(j + 1, ':') && adjacent(j + 1))) {
        c.d = tok(j).num;
        ++j;
        if (ordinal_suffix(j)) ++j;
        if (dash(j) && day_num(j + 1)) {
            c.d2 = tok(j + 1).num;
            j += 2;
        }
        j = year_after(j, c.y);
        c.te = j;
        return c;
    }
    if (number(j) && ndigits(j) == 4) {
        int y = 0;
        const uint32_t k = year_after(j, y);
        if (k != j) {
            c.y = y;
            c.te = k;
            return c;
        }
    }
    if (word(j, "of") && number(j + 1) && ndigits(j + 1) == 4) {
        int y = 0;
        const uint32_t k = year_after(j + 1, y);
        if (k != j + 1) {
            c.y = y;
            c.te = k;
            return c;
        }
    }
    if (w->month_abbr) return Cand{};
    if (w->month_ambiguous && !context) {
        // "May" needs a date context: "in May", "last May", "by May".
        if (i == 0 || !has(i - 1, detail::W_MONTH_CTX)) return Cand{};
        if (cap(i - 1) && !(tok(i - 1).flags & detail::T_PARA)) {
            // "Theresa May" is a name; "In May" at a sentence start is a month.
            if (i < 2 || tok(i - 2).sent == tok(i - 1).sent) return Cand{};
        }
    }
    c.te = j;
    return c;
}

Cand Tagger::m_year(uint32_t i, bool context) const {
    Cand c;
    if (!number(i) || ndigits(i) != 4) return c;
    const int y = tok(i).num;
    if (y < 1000 || y > 2099) return c;
    if (i > 0) {
        const auto p = lw(i - 1);
        if (p == "$" || p == "#" || p == "\xC2\xA3" || p == "\xE2\x82\xAC") return c;
        if ((punct(i - 1, ',') || punct(i - 1, '.')) && adjacent(i) && number(i - 2)) return c;
    }
    if (ok(i + 1) && adjacent(i + 1) &&
        (punct(i + 1, '%') || ((punct(i + 1, '.') || punct(i + 1, ',') || punct(i + 1, ':')) &&
                               number(i + 2) && adjacent(i + 2))))
        return c;
    if (y < 1900 && !context && !(i > 0 && has(i - 1, detail::W_MONTH_CTX))) return c;
    c.kind = Kind::date;
    c.y = y;
    c.tb = i;
    c.te = i + 1;
    return c;
}

Cand Tagger::m_season(uint32_t i, bool context) const {
    Cand c;
    const TimeWord* w = wi(i);
    if (!w || !(w->cls & detail::W_SEASON)) return c;
    c.kind = Kind::season;
    std::memcpy(c.season, w->season, 3);
    c.tb = i;
    uint32_t j = i + 1;
    int y = 0;
    uint32_t k = year_after(word(j, "of") ? j + 1 : j, y);
    if (k != (word(j, "of") ? j + 1 : j)) {
        c.y = y;
        c.te = k;
        return c;
    }
    // A bare season: "in the spring" (the anchor's year).
    if (!context && !(i >= 2 && word(i - 1, "the") &&
                      (word(i - 2, "in") || word(i - 2, "during") || word(i - 2, "by") ||
                       word(i - 2, "over") || word(i - 2, "until"))))
        return Cand{};
    c.te = j;
    return c;
}

Cand Tagger::m_count(uint32_t i) const {
    Cand c;
    uint32_t j = i;
    long n = 0;
    if (number(i)) {
        if (ndigits(i) > 6) return c;
        if (ok(i + 1) && adjacent(i + 1) &&
            (punct(i + 1, '.') || punct(i + 1, ',') || punct(i + 1, ':')) && number(i + 2))
            return c;
        n = tok(i).num;
        j = i + 1;
    } else {
        const TimeWord* w = wi(i);
        if (!w) return c;
        if (w->cls & detail::W_VAGUE) {
            n = -1;
            j = i + 1;
        } else if (w->cls & detail::W_NUMBER) {
            n = w->number;
            j = i + 1;
            if ((lw(i) == "a" || lw(i) == "an")) {
                if (has(j, detail::W_VAGUE)) {  // "a few"
                    n = -1;
                    ++j;
                } else if (lw(j) == "couple" || lw(j) == "dozen") {  // "a couple of", "a dozen"
                    n = wi(j)->number;
                    ++j;
                    if (word(j, "of")) ++j;
                }
            } else if (dash(j) && adjacent(j) && has(j + 1, detail::W_NUMBER) && n >= 20 &&
                       wi(j + 1)->number < 10) {  // twenty-one
                n += wi(j + 1)->number;
                j += 2;
            }
        } else {
            return c;
        }
    }
    if (dash(j) && adjacent(j) && adjacent(j + 1)) {
        c.adjective = true;
        ++j;
    }
    const TimeWord* u = wi(j);
    if (!u || !(u->cls & detail::W_UNIT)) return Cand{};
    if ((u->unit == TUnit::second || u->unit == TUnit::minute) && !number(i) &&
        tok(j + 1 < m_toks.size() ? j + 1 : j).kind == TokKind::word && !word(j + 1, "ago") &&
        !word(j + 1, "later"))
        return Cand{};                                  // "a second term"
    if (n < 0 && !lw(j).ends_with("s")) return Cand{};  // "some day"
    c.unit = u->unit;
    c.n = n;
    c.tb = i;
    c.te = j + 1;
    c.kind = Kind::duration;
    if (c.adjective) return c;
    const uint32_t k = j + 1;
    if (word(k, "ago")) {
        c.kind = Kind::ago;
        c.te = k + 1;
    } else if ((word(k, "later") || word(k, "earlier")) && !word(k + 1, "than") && n > 0) {
        c.kind = Kind::anaphoric_n;
        c.rel = word(k, "later") ? 1 : -1;
        c.te = k + 1;
    } else if (apos(k) && (word(k + 1, "time") || (word(k + 1, "s") && word(k + 2, "time")))) {
        c.kind = Kind::in_future;
        c.te = word(k + 1, "time") ? k + 2 : k + 3;
    } else if (word(k, "from") && word(k + 1, "now")) {
        c.kind = Kind::in_future;
        c.te = k + 2;
    }
    return c;
}

Cand Tagger::m_numeric(uint32_t i) const {
    Cand best;
    auto consider = [&](const Cand& c) {
        if (c.kind != Kind::none && (best.kind == Kind::none || c.te > best.te)) best = c;
    };
    const int nd = ndigits(i);
    const int v = tok(i).num;
    // ISO 1999-07-21
    if (nd == 4 && punct(i + 1, '-') && adjacent(i + 1) && number(i + 2) && adjacent(i + 2) &&
        ndigits(i + 2) == 2 && punct(i + 3, '-') && adjacent(i + 3) && number(i + 4) &&
        adjacent(i + 4) && ndigits(i + 4) == 2) {
        Cand c;
        c.kind = Kind::date;
        c.y = v;
        c.m = tok(i + 2).num;
        c.d = tok(i + 4).num;
        c.tb = i;
        c.te = i + 5;
        consider(c);
    }
    // Clock times: 15:00, 3:07:35 (a duration), 8 pm, 1am
    if (nd <= 2 && v <= 24) {
        Cand c;
        uint32_t j = i + 1;
        if (punct(j, ':') && adjacent(j) && number(j + 1) && adjacent(j + 1) &&
            ndigits(j + 1) == 2) {
            c.hour = v;
            c.minute = tok(j + 1).num;
            j += 2;
            if (punct(j, ':') && adjacent(j) && number(j + 1) && adjacent(j + 1) &&
                ndigits(j + 1) == 2) {
                c.second = tok(j + 1).num;
                c.kind = Kind::duration;
                c.unit = TUnit::second;
                j += 2;
            } else {
                c.kind = Kind::clock;
            }
        }
        auto ampm = [&](uint32_t k, int& add) -> uint32_t {
            if (word(k, "am") || word(k, "pm")) {
                add = lw(k) == "pm" ? 12 : 0;
                return k + 1;
            }
            if ((word(k, "a") || word(k, "p")) && punct(k + 1, '.') && word(k + 2, "m")) {
                add = lw(k) == "p" ? 12 : 0;
                return punct(k + 3, '.') ? k + 4 : k + 3;
            }
            return k;
        };
        if (c.kind != Kind::duration && v >= 1 && v <= 12) {
            int add = 0;
            const uint32_t k = ampm(j, add);
            if (k != j) {
                if (c.hour < 0) c.minute = 0;
                c.hour = (v % 12) + add;
                c.kind = Kind::clock;
                j = k;
            }
        }
        if (c.kind == Kind::clock) {
            // time zone, then an optional weekday: "15:00 GMT Saturday"
            if (ok(j) && tok(j).kind == TokKind::word && m_toks[j].e - m_toks[j].b <= 4 &&
                (lw(j) == "gmt" || lw(j) == "utc" || lw(j) == "bst" || lw(j) == "est" ||
                 lw(j) == "edt" || lw(j) == "cet" || lw(j) == "pst" || lw(j) == "pdt"))
                ++j;
            if (word(j, "on") && has(j + 1, detail::W_WEEKDAY) && cap(j + 1)) ++j;
            if (has(j, detail::W_WEEKDAY) && cap(j)) {
                c.wd = wi(j)->weekday;
                ++j;
            }
        }
        if (c.kind != Kind::none) {
            c.tb = i;
            c.te = j;
            consider(c);
        }
    }
    // Day first: 21 July 1999, 21st of July, 10-11 December, 10 to 16 December
    if (day_num(i)) {
        uint32_t j = i + 1;
        if (ordinal_suffix(j)) ++j;
        Cand c;
        c.d = v;
        if ((dash(j) || word(j, "to") || word(j, "and") || word(j, "until") ||
             word(j, "through")) &&
            day_num(j + 1)) {
            uint32_t k = j + 2;
            if (ordinal_suffix(k)) ++k;
            if (word(k, "of")) ++k;
            const Cand mo = m_month(k, true);
            if (mo.kind == Kind::date && mo.d == 0) {
                c = mo;
                c.d = v;
                c.d2 = tok(j + 1).num;
                c.tb = i;
                consider(c);
            }
        }
        if (word(j, "of")) ++j;
        const Cand mo = m_month(j, true);
        if (mo.kind == Kind::date && mo.d == 0) {
            c = mo;
            c.d = v;
            c.tb = i;
            consider(c);
        }
    }
    if (nd == 4) {
        // 1990s
        if (v % 10 == 0 && word(i + 1, "s") && adjacent(i + 1) && v >= 1000 && v <= 2090) {
            Cand c;
            c.kind = Kind::decade;
            c.y = v;
            c.tb = i;
            c.te = i + 2;
            consider(c);
        } else {
            consider(m_year(i, false));
        }
    }
    // 20th century
    if (nd <= 2 && ordinal_suffix(i + 1)) {
        uint32_t j = i + 2;
        if (dash(j)) ++j;
        if (has(j, detail::W_UNIT) && wi(j)->unit == TUnit::century) {
            Cand c;
            c.kind = Kind::century;
            c.n = v;
            c.tb = i;
            c.te = j + 1;
            consider(c);
        }
    }
    consider(m_count(i));
    return best;
}

Cand Tagger::m_weekday(uint32_t i) {
    Cand c;
    const TimeWord* w = wi(i);
    if (!w || !(w->cls & detail::W_WEEKDAY) || !cap(i)) return c;
    uint32_t j = i + 1;
    if (w->weekday_abbr) {
        if (!(punct(j, '.') && adjacent(j))) return c;
        ++j;
    }
    c.kind = Kind::weekday;
    c.wd = w->weekday;
    c.tb = i;
    // Tuesday, July 20 / Tuesday 20 July
    const uint32_t k = punct(j, ',') ? j + 1 : j;
    Cand d = number(k) ? m_numeric(k) : m_month(k, true);
    if (d.kind == Kind::date && d.d > 0 && d.d2 == 0) {
        d.tb = i;
        d.wd = c.wd;
        return d;
    }
    c.te = j;
    return c;
}

Cand Tagger::m_relative(uint32_t i) {
    Cand c;
    uint32_t j = i;
    if (word(j, "the")) ++j;
    const TimeWord* r = wi(j);
    if (!r || !(r->cls & detail::W_REL)) return c;
    ++j;
    // "the past two years", "the next few months": a duration
    if (number(j) || has(j, detail::W_NUMBER | detail::W_VAGUE)) {
        Cand d = m_count(j);
        if (d.kind == Kind::duration && !d.adjective && lw(j) != "a") {
            d.tb = i;
            return d;
        }
        return c;
    }
    c.tb = i;
    c.rel = r->rel;
    c.has_rel = true;
    c.anaphoric = r->rel_anaphoric;
    const TimeWord* x = wi(j);
    if (!x) return c;
    if ((x->cls & detail::W_UNIT) && x->unit != TUnit::day && x->unit != TUnit::hour &&
        x->unit != TUnit::minute && x->unit != TUnit::second && !lw(j).ends_with("s")) {
        if (word(j + 1, "of")) return c;  // "the last week of July"
        c.kind = Kind::relative;
        c.unit = x->unit;
        c.te = j + 1;
        return c;
    }
    if (x->cls & detail::W_SEASON) {
        c.kind = Kind::season;
        std::memcpy(c.season, x->season, 3);
        c.te = j + 1;
        return c;
    }
    if ((x->cls & detail::W_MONTH) && !x->month_abbr && cap(j)) {
        c.kind = Kind::month_rel;
        c.m = x->month;
        c.te = j + 1;
        return c;
    }
    if ((x->cls & detail::W_WEEKDAY) && !x->weekday_abbr && cap(j)) {
        c.kind = Kind::weekday;
        c.wd = x->weekday;
        c.te = j + 1;
        return c;
    }
    return Cand{};
}

// The period after a part word: a year, month, season, decade or relative period.
Cand Tagger::m_period(uint32_t i, bool context) {
    Cand best;
    auto consider = [&](const Cand& c) {
        if (c.kind != Kind::none && (best.kind == Kind::none || c.te > best.te)) best = c;
    };
    if (number(i)) {
        consider(m_year(i, true));
        Cand n = m_numeric(i);
        if (n.kind == Kind::decade) consider(n);
    }
    consider(m_month(i, context));
    consider(m_season(i, true));
    consider(m_relative(i));
    // "the end of the year": the current period
    if (word(i, "the") && has(i + 1, detail::W_UNIT) && !has(i + 2, detail::W_UNIT)) {
        const TUnit u = wi(i + 1)->unit;
        if ((u == TUnit::year || u == TUnit::month || u == TUnit::week) && !word(i + 2, "of")) {
            Cand c;
            c.kind = Kind::relative;
            c.unit = u;
            c.tb = i;
            c.te = i + 2;
            consider(c);
        }
    }
    if (apos(i) && number(i + 1) && ndigits(i + 1) == 2 && tok(i + 1).num % 10 == 0 &&
        word(i + 2, "s") && adjacent(i + 2)) {
        Cand c;
        c.kind = Kind::decade;
        c.y = (tok(i + 1).num >= 30 ? 1900 : 2000) + tok(i + 1).num;
        c.tb = i;
        c.te = i + 3;
        consider(c);
    }
    return best;
}

Cand Tagger::m_part(uint32_t i) {
    Part p = Part::none;
    uint32_t j = i;
    uint32_t nw = 0;
    const int v = match_phrase(m_tt.parts, i, nw);
    if (v >= 0) {
        p = static_cast<Part>(v);
        j = i + nw;
    } else if (has(i, detail::W_PART)) {
        p = wi(i)->part;
        j = i + 1;
        if (dash(j) && adjacent(j)) ++j;  // mid-July
    } else {
        return Cand{};
    }
    if (word(j, "in")) ++j;  // "early in 1999", "later in the year"
    Cand c = m_period(j, true);
    if (c.kind == Kind::none || c.kind == Kind::duration || c.part != Part::none) return Cand{};
    if (c.kind == Kind::date && c.d > 0) return Cand{};  // "late 21 July" is not a thing
    c.part = p;
    c.tb = i;
    return c;
}

Cand Tagger::m_trigger(uint32_t i) {
    const auto w = lw(i);
    if (w == "in") {
        Cand c = m_count(i + 1);
        if (c.kind == Kind::duration && c.n > 0 && !c.adjective && c.unit != TUnit::hour &&
            c.unit != TUnit::minute && c.unit != TUnit::second &&
            tense_near(i, c.te) != Tense::past) {
            c.kind = Kind::in_future;
            c.tb = i;
            return c;
        }
        return Cand{};
    }
    if (w == "since") {
        Cand a = match_at(i + 1, false);
        if (!datelike(a) || a.kind == Kind::relative) {
            if (a.kind != Kind::relative) return Cand{};
        }
        m_sub.push_back(a);
        Cand c;
        c.kind = Kind::since;
        c.a = int(m_sub.size() - 1);
        c.tb = i;
        c.te = a.te;
        return c;
    }
    if (w == "from" || w == "between") {
        Cand a = match_at(i + 1, false);
        if (a.kind == Kind::date && a.d2 > 0) {  // from 10 to 16 December
            a.tb = i;
            return a;
        }
        if (!datelike(a)) return Cand{};
        const uint32_t k = a.te;
        const bool conn = w == "from" ? (word(k, "to") || word(k, "until") || word(k, "till") ||
                                         word(k, "through") || dash(k))
                                      : (word(k, "and") || dash(k));
        if (!conn) return Cand{};
        Cand b = match_at(k + 1, false);
        if (!datelike(b) && a.kind == Kind::date) b = m_month(k + 1, true);  // "to August"
        if (!datelike(b)) return Cand{};
        m_sub.push_back(a);
        m_sub.push_back(b);
        Cand c;
        c.kind = Kind::range;
        c.a = int(m_sub.size() - 2);
        c.b = int(m_sub.size() - 1);
        c.tb = i;
        c.te = b.te;
        return c;
    }
    return Cand{};
}

Cand Tagger::match_at(uint32_t i, bool ranges) {
    Cand best;
    auto consider = [&](const Cand& c) {
        if (c.kind != Kind::none && (best.kind == Kind::none || c.te > best.te)) best = c;
    };
    if (!ok(i)) return best;
    const TimeTok& t = tok(i);
    if (t.kind == TokKind::number) {
        consider(m_numeric(i));
        return best;
    }
    if (t.kind == TokKind::punct) {
        if (apos(i)) consider(m_period(i, false));  // '90s
        return best;
    }
    const TimeWord* w = wi(i);
    if (!w || !(w->cls & detail::W_START)) return best;
    if (w->cls & detail::W_PHRASE) {
        consider(m_deictic(i));
        consider(m_set(i));
    }
    if (w->cls & (detail::W_PART | detail::W_PHRASE)) consider(m_part(i));
    if (w->cls & (detail::W_REL | detail::W_TRIGGER)) consider(m_relative(i));
    if (w->cls & detail::W_MONTH) consider(m_month(i, false));
    if (w->cls & detail::W_WEEKDAY) consider(m_weekday(i));
    if (w->cls & (detail::W_NUMBER | detail::W_VAGUE)) consider(m_count(i));
    if (w->cls & detail::W_SEASON) consider(m_season(i, false));
    if (w->cls & detail::W_ORDINAL) {
        uint32_t j = i + 1;
        if (dash(j)) ++j;
        if (has(j, detail::W_UNIT) && wi(j)->unit == TUnit::century) {
            Cand c;
            c.kind = Kind::century;
            c.n = w->ordinal;
            c.tb = i;
            c.te = j + 1;
            consider(c);
        }
    }
    if (ranges && (w->cls & detail::W_TRIGGER)) consider(m_trigger(i));
    return best;
}

// ------------------------------------------------------------------ resolution

void Tagger::diag(const char* code, const std::string& msg, const Cand& c) {
    if (!m_diags) return;
    m_diags->push_back(Diagnostic{code, msg, tok(c.tb).b, tok(c.te - 1).e});
}

void Tagger::set_days(TimeSpan& ts, sys_days f, sys_days l, Granularity g,
                      std::string timex) const {
    ts.first = f;
    ts.last = l;
    ts.granularity = g;
    ts.timex = std::move(timex);
}

bool Tagger::need_anchor(TimeSpan& ts, const Cand& c) {
    if (m_anchor) return true;
    diag("date-no-anchor", "no publication date to resolve \"" + ts.expression + "\" against", c);
    (void)ts;
    return false;
}

// The period of unit u that is `off` units from the one holding `ref`.
bool Tagger::period_span(TUnit u, sys_days ref, long off, TimeSpan& ts) const {
    const year_month_day ymd{ref};
    const int y = int(ymd.year());
    switch (u) {
        case TUnit::day: {
            const sys_days d = ref + days{off};
            set_days(ts, d, d, Granularity::day, day_timex(d));
            return true;
        }
        case TUnit::week:
        case TUnit::fortnight: {
            const sys_days mon = monday_of(ref) + days{7 * off};
            set_days(ts, mon, mon + days{6}, Granularity::week, week_timex(mon));
            return true;
        }
        case TUnit::weekend: {
            const sys_days mon = monday_of(ref) + days{7 * off};
            set_days(ts, mon + days{5}, mon + days{6}, Granularity::weekend,
                     week_timex(mon) + "-WE");
            return true;
        }
        case TUnit::month: {
            const long mi = long(y) * 12 + long(unsigned(ymd.month())) - 1 + off;
            const int yy = int(mi / 12), mm = int(mi % 12) + 1;
            if (!sane_year(yy)) return false;
            set_days(ts, sys_days{year{yy} / mm / 1}, month_last(yy, mm), Granularity::month,
                     four(yy) + "-" + two(mm));
            return true;
        }
        case TUnit::quarter: {
            const long qi = long(y) * 4 + long((unsigned(ymd.month()) - 1) / 3) + off;
            const int yy = int(qi / 4), q = int(qi % 4) + 1;
            if (!sane_year(yy)) return false;
            set_days(ts, sys_days{year{yy} / (3 * q - 2) / 1}, month_last(yy, 3 * q),
                     Granularity::quarter, four(yy) + "-Q" + std::to_string(q));
            return true;
        }
        case TUnit::year: {
            const long yy = y + off;
            if (!sane_year(int(yy))) return false;
            set_days(ts, sys_days{year{int(yy)} / 1 / 1}, sys_days{year{int(yy)} / 12 / 31},
                     Granularity::year, four(int(yy)));
            return true;
        }
        case TUnit::decade: {
            const long d0 = (y / 10 + off) * 10;
            if (!sane_year(int(d0)) || !sane_year(int(d0 + 9))) return false;
            set_days(ts, sys_days{year{int(d0)} / 1 / 1}, sys_days{year{int(d0 + 9)} / 12 / 31},
                     Granularity::decade, four(int(d0)).substr(0, 3));
            return true;
        }
        case TUnit::century: {
            const long c0 = (y / 100 + off) * 100;
            if (!sane_year(int(c0)) || !sane_year(int(c0 + 99))) return false;
            set_days(ts, sys_days{year{int(c0)} / 1 / 1}, sys_days{year{int(c0 + 99)} / 12 / 31},
                     Granularity::century, four(int(c0)).substr(0, 2));
            return true;
        }
        default:
            return false;
    }
}

std::string duration_timex(const Cand& c) {
    if (c.second >= 0) {
        return "PT" + std::to_string(c.hour) + "H" + std::to_string(c.minute) + "M" +
               std::to_string(c.second) + "S";
    }
    const std::string n = c.n < 0 ? "X" : std::to_string(c.n);
    const std::string x = c.n < 0 ? "X" : "";
    switch (c.unit) {
        case TUnit::day:
            return "P" + n + "D";
        case TUnit::week:
            return "P" + n + "W";
        case TUnit::weekend:
            return "P" + n + "WE";
        case TUnit::fortnight:
            return c.n < 0 ? "PXW" : "P" + std::to_string(2 * c.n) + "W";
        case TUnit::month:
            return "P" + n + "M";
        case TUnit::quarter:
            return "P" + n + "Q";
        case TUnit::year:
            return "P" + n + "Y";
        case TUnit::decade:
            return c.n < 0 ? "PXDE" : "P" + std::to_string(10 * c.n) + "Y";
        case TUnit::century:
            return c.n < 0 ? "PXCE" : "P" + std::to_string(100 * c.n) + "Y";
        case TUnit::hour:
            return "PT" + n + "H";
        case TUnit::minute:
            return "PT" + n + "M";
        case TUnit::second:
            return "PT" + n + "S";
        default:
            return "P" + x;
    }
}

// Shifts `ref` by n units, keeping the unit's granularity (for "ago", "in", "later").
bool shifted(TUnit u, sys_days ref, long n, sys_days& out, TUnit& gran) {
    gran = u;
    const year_month_day ymd{ref};
    switch (u) {
        case TUnit::day:
            out = ref + days{n};
            return true;
        case TUnit::week:
            out = ref + days{7 * n};
            return true;
        case TUnit::fortnight:
            out = ref + days{14 * n};
            gran = TUnit::week;
            return true;
        case TUnit::weekend:
            out = ref + days{7 * n};
            return true;
        case TUnit::month:
        case TUnit::quarter:
        case TUnit::year:
        case TUnit::decade:
        case TUnit::century: {
            const long months = n * (u == TUnit::month     ? 1
                                     : u == TUnit::quarter ? 3
                                     : u == TUnit::year    ? 12
                                     : u == TUnit::decade  ? 120
                                                           : 1200);
            const long mi = long(int(ymd.year())) * 12 + long(unsigned(ymd.month())) - 1 + months;
            const long yy = mi / 12;
            if (yy < 1 || yy > 9999) return false;
            year_month_day r{year{int(yy)}, month(unsigned(mi % 12 + 1)), ymd.day()};
            if (!r.ok())
                r = year_month_day{year_month_day_last{r.year(), month_day_last{r.month()}}};
            out = sys_days{r};
            if (u == TUnit::quarter) gran = TUnit::quarter;
            return true;
        }
        default:
            return false;
    }
}

void Tagger::resolve_into(const Cand& c, TimeSpan& ts) {
    const auto part_days = [&](Part p) {
        if (p == Part::none || !ts.ok()) return;
        const Span2 s = apply_part({*ts.first, *ts.last}, p, m_anchor);
        ts.first = s.first;
        ts.last = s.last;
    };
    switch (c.kind) {
        case Kind::duration:
            ts.type = TimexType::duration;
            ts.timex = duration_timex(c);
            return;
        case Kind::set:
            ts.type = TimexType::set;
            ts.timex = m_tt.set_values[std::size_t(c.index)];
            return;
        case Kind::vague:
            ts.timex = m_tt.deictics[std::size_t(c.index)].value;
            return;
        case Kind::deictic: {
            const auto& d = m_tt.deictics[std::size_t(c.index)];
            const bool ana = d.ref == detail::Deictic::Ref::last;
            if (!ana && !need_anchor(ts, c)) return;
            const auto ref = ref_for(ana);
            if (!ref) {
                diag("date-no-anchor", "no date to resolve \"" + ts.expression + "\" against", c);
                return;
            }
            ts.anchor = ref;
            if (!period_span(d.unit, *ref, d.offset, ts)) return;
            part_days(d.part);
            if (!d.tod.empty() && ts.granularity == Granularity::day) {
                ts.type = TimexType::time;
                ts.timex += "T" + d.tod;
            }
            return;
        }
        case Kind::relative: {
            if (!c.anaphoric && !need_anchor(ts, c)) return;
            const auto ref = ref_for(c.anaphoric);
            if (!ref) return;
            ts.anchor = ref;
            if (!period_span(c.unit, *ref, c.rel, ts)) return;
            // "earlier this month": before the anchor day; "earlier last year" is its first part.
            part_days(c.rel == 0 ? c.part
                                 : (c.part == Part::earlier ? Part::early
                                    : c.part == Part::later ? Part::late
                                                            : c.part));
            return;
        }
        case Kind::ago:
        case Kind::in_future:
        case Kind::anaphoric_n: {
            if (c.n < 0) {
                ts.timex = c.kind == Kind::ago ? "PAST_REF" : "FUTURE_REF";
                return;
            }
            const bool ana = c.kind == Kind::anaphoric_n;
            if (!ana && !need_anchor(ts, c)) return;
            const auto ref = ref_for(ana);
            if (!ref) return;
            ts.anchor = ref;
            const long sign = c.kind == Kind::ago ? -1 : c.kind == Kind::in_future ? 1 : c.rel;
            sys_days out;
            TUnit g;
            if (c.unit == TUnit::hour || c.unit == TUnit::minute || c.unit == TUnit::second) {
                ts.type = TimexType::time;
                ts.timex = "";
                return;
            }
            if (!shifted(c.unit, *ref, sign * c.n, out, g)) return;
            period_span(g == TUnit::fortnight ? TUnit::week : g, out, 0, ts);
            return;
        }
        case Kind::weekday:
        case Kind::month_rel:
        case Kind::date:
        case Kind::season:
        case Kind::decade:
        case Kind::century:
            break;
        default:
            return;
    }

    if (c.kind == Kind::decade || c.kind == Kind::century) {
        const int y0 = c.kind == Kind::decade ? c.y : int(c.n - 1) * 100;
        if (!sane_year(y0)) return;
        period_span(c.kind == Kind::decade ? TUnit::decade : TUnit::century,
                    sys_days{year{y0} / 1 / 1}, 0, ts);
        part_days(c.part);
        return;
    }
    if (c.kind == Kind::weekday) {
        if (!need_anchor(ts, c)) return;
        const sys_days a = *m_anchor;
        ts.anchor = a;
        const int aw = int(weekday{a}.iso_encoding());
        const int back = (aw - c.wd + 7) % 7;  // days back to the latest such day
        const int fwd = (c.wd - aw + 7) % 7;   // days forward to the next one
        int off;
        if (c.has_rel && c.rel < 0)
            off = -(back == 0 ? 7 : back);
        else if (c.has_rel && c.rel > 0 && !c.anaphoric)
            off = fwd == 0 ? 7 : fwd;
        else {
            const Tense t = tense_near(c.tb, c.te);
            if (t == Tense::past)
                off = -back;
            else if (t == Tense::future || (c.has_rel && c.rel == 0))
                off = fwd;
            else
                off = back <= fwd ? -back : fwd;
        }
        const sys_days d = a + days{off};
        set_days(ts, d, d, Granularity::day, day_timex(d));
        if (c.tod[0]) {
            ts.type = TimexType::time;
            ts.timex += std::string("T") + c.tod;
        }
        return;
    }
    if (c.kind == Kind::season) {
        int y = c.y;
        if (y == 0) {
            if (!need_anchor(ts, c)) return;
            ts.anchor = m_anchor;
            const year_month_day a{*m_anchor};
            y = int(a.year());
            const int am = int(unsigned(a.month()));
            const int start = c.season[0] == 'S' && c.season[1] == 'P' ? 3
                              : c.season[0] == 'S'                     ? 6
                              : c.season[0] == 'F'                     ? 9
                                                                       : 12;
            if (c.has_rel && c.rel < 0) y -= (am >= start + 3 || (start == 12 && am < 3)) ? 0 : 1;
            if (c.has_rel && c.rel < 0 && start == 12 && am < 3) y -= 1;
            if (c.has_rel && c.rel > 0) y += am < start ? 0 : 1;
            if (start == 12 && !c.has_rel && am < 3) y -= 1;
        }
        if (!sane_year(y) || y >= 9999) return;
        const int start = c.season[0] == 'S' && c.season[1] == 'P' ? 3
                          : c.season[0] == 'S'                     ? 6
                          : c.season[0] == 'F'                     ? 9
                                                                   : 12;
        const sys_days f = sys_days{year{y} / start / 1};
        const int ey = start == 12 ? y + 1 : y, em = start == 12 ? 2 : start + 2;
        set_days(ts, f, month_last(ey, em), Granularity::season,
                 four(y) + "-" + std::string(c.season, 2));
        part_days(c.part);
        return;
    }
    // Dates and months: fill a missing year from the anchor.
    int y = c.y;
    if (c.kind == Kind::month_rel || y == 0) {
        if (c.m == 0) return;
        if (!need_anchor(ts, c)) return;
        ts.anchor = m_anchor;
        const year_month_day a{*m_anchor};
        const int ay = int(a.year()), am = int(unsigned(a.month()));
        if (c.kind == Kind::month_rel) {
            y = c.rel < 0 ? (c.m < am ? ay : ay - 1) : c.rel > 0 ? (c.m > am ? ay : ay + 1) : ay;
        } else if (c.d == 0) {
            const Tense t = tense_near(c.tb, c.te);
            y = t == Tense::past     ? (c.m <= am ? ay : ay - 1)
                : t == Tense::future ? (c.m >= am ? ay : ay + 1)
                                     : ay;
        } else {
            // Month and day: the anchor's year, unless that is over half a year off in the
            // direction the tense forbids (or, with no tense, simply far away).
            y = ay;
            const year_month_day cand{year{ay}, month(unsigned(c.m)), day(unsigned(c.d))};
            if (cand.ok() || (c.m == 2 && c.d == 29)) {
                const sys_days cd = sys_days{year{ay} / c.m / std::min(c.d, 28)};
                const long diff = (cd - *m_anchor).count();
                const Tense t = tense_near(c.tb, c.te);
                if (diff > 183 && t != Tense::future)
                    y = ay - 1;
                else if (diff < -183 && t != Tense::past)
                    y = ay + 1;
                if (c.wd) {  // "Tuesday, July 20": a year in which the weekday fits
                    for (int yy : {ay, ay - 1, ay + 1}) {
                        const year_month_day t2{year{yy}, month(unsigned(c.m)), day(unsigned(c.d))};
                        if (t2.ok() && int(weekday{sys_days{t2}}.iso_encoding()) == c.wd &&
                            std::abs((sys_days{t2} - *m_anchor).count()) < 300) {
                            y = yy;
                            break;
                        }
                    }
                }
            }
        }
    }
    if (!sane_year(y)) return;
    if (c.m == 0) {  // a year
        period_span(TUnit::year, sys_days{year{y} / 1 / 1}, 0, ts);
        part_days(c.part);
        return;
    }
    if (c.m < 1 || c.m > 12) {
        diag("date-impossible", "impossible date \"" + ts.expression + "\"", c);
        return;
    }
    if (c.d == 0) {
        period_span(TUnit::month, sys_days{year{y} / c.m / 1}, 0, ts);
        part_days(c.part);
        return;
    }
    const year_month_day d1{year{y}, month(unsigned(c.m)), day(unsigned(c.d))};
    const year_month_day d2{year{y}, month(unsigned(c.m)), day(unsigned(c.d2 ? c.d2 : c.d))};
    if (!d1.ok() || !d2.ok() || sys_days{d2} < sys_days{d1}) {
        diag("date-impossible", "impossible date \"" + ts.expression + "\"", c);
        return;
    }
    if (c.d2) {
        set_days(ts, sys_days{d1}, sys_days{d2}, Granularity::day,
                 day_timex(sys_days{d1}) + "/" + day_timex(sys_days{d2}));
        return;
    }
    set_days(ts, sys_days{d1}, sys_days{d1}, Granularity::day, day_timex(sys_days{d1}));
    if (c.tod[0]) {
        ts.type = TimexType::time;
        ts.timex += std::string("T") + c.tod;
    }
}

TimeSpan Tagger::resolve(const Cand& c) {
    TimeSpan ts;
    ts.span = Span{tok(c.tb).b, tok(c.te - 1).e};
    ts.expression = std::string(m_text.substr(ts.span.begin, ts.span.size()));
    if (c.kind == Kind::clock) {
        ts.type = TimexType::time;
        std::string t = "T" + two(c.hour) + ":" + two(c.minute);
        if (c.wd && m_anchor) {
            Cand w = c;
            w.kind = Kind::weekday;
            resolve_into(w, ts);
            ts.type = TimexType::time;
            ts.timex = (ts.ok() ? day_timex(*ts.first) : "XXXX-XX-XX") + t;
        } else {
            ts.timex = "XXXX-XX-XX" + t;
        }
        return ts;
    }
    if (c.kind == Kind::range || c.kind == Kind::since) {
        const Cand a = m_sub[std::size_t(c.a)];
        TimeSpan ta;
        ta.expression = ts.expression;
        resolve_into(a, ta);
        if (c.kind == Kind::since) {
            ts.timex = ta.timex;
            ts.granularity = ta.granularity;
            ts.anchor = m_anchor;
            if (ta.ok()) {
                ts.first = ta.first;
                ts.last = m_anchor && *m_anchor >= *ta.first ? *m_anchor : *ta.last;
            }
            return ts;
        }
        Cand b = m_sub[std::size_t(c.b)];
        TimeSpan tb;
        tb.expression = ts.expression;
        // "from 20 July to 22 July 1999": the second part's year serves both
        resolve_into(b, tb);
        if (a.kind == Kind::date && a.y == 0 && b.kind == Kind::date && b.y != 0) {
            Cand a2 = a;
            a2.y = b.y;
            ta = TimeSpan{};
            ta.expression = ts.expression;
            resolve_into(a2, ta);
        }
        // "from June to August": the second part follows the first, in its year or the next
        if (b.kind == Kind::date && b.y == 0 && b.m > 0 && ta.ok()) {
            const int ay = int(year_month_day{*ta.first}.year());
            for (int yy : {ay, ay + 1}) {
                Cand b2 = b;
                b2.y = yy;
                TimeSpan t2;
                t2.expression = ts.expression;
                resolve_into(b2, t2);
                if (t2.ok() && *t2.last >= *ta.first) {
                    tb = t2;
                    break;
                }
            }
        }
        ts.granularity = ta.granularity;
        ts.anchor = ta.anchor;
        ts.timex = ta.timex + "/" + tb.timex;
        if (ta.ok() && tb.ok()) {
            ts.first = std::min(*ta.first, *tb.first);
            ts.last = std::max(*ta.last, *tb.last);
        }
        return ts;
    }
    resolve_into(c, ts);
    return ts;
}

std::vector<TimeSpan> Tagger::run() {
    std::vector<TimeSpan> out;
    const uint32_t n = uint32_t(m_toks.size());
    for (uint32_t i = 0; i < n; ++i) {
        const TimeTok& t = m_toks[i];
        // Quick rejection: only numbers, apostrophes and lexicon words that can start one.
        if (t.kind == TokKind::word) {
            if (t.info < 0 || !(m_tt.words[std::size_t(t.info)].cls & detail::W_START)) continue;
        } else if (t.kind == TokKind::punct && !apos(i)) {
            continue;
        }
        m_sub.clear();
        Cand c = match_at(i, true);
        if (c.kind == Kind::none || c.te <= c.tb) continue;
        // a time of day after a day: "Friday afternoon", "yesterday morning"
        if ((c.kind == Kind::weekday || (c.kind == Kind::date && c.d > 0 && c.d2 == 0)) &&
            has(c.te, detail::W_TOD) && !c.tod[0]) {
            std::memcpy(c.tod, wi(c.te)->tod, 3);
            ++c.te;
        }
        TimeSpan ts;
        if (c.kind == Kind::deictic && has(c.te, detail::W_TOD) &&
            m_tt.deictics[std::size_t(c.index)].tod.empty() &&
            m_tt.deictics[std::size_t(c.index)].unit == TUnit::day) {
            const char* tod = wi(c.te)->tod;
            ++c.te;
            ts = resolve(c);
            if (ts.granularity == Granularity::day) {
                ts.type = TimexType::time;
                ts.timex += std::string("T") + tod;
            }
        } else {
            ts = resolve(c);
        }
        if (ts.ok() && ts.granularity == Granularity::day && ts.first == ts.last) m_last = ts.first;
        const uint32_t end = c.te;
        const bool year_only = c.kind == Kind::date && c.m == 0 && c.y > 0;
        out.push_back(std::move(ts));
        // "2009-2010", "1957-58": TimeML marks the two years apart
        if (year_only && dash(end) && number(end + 1) && adjacent(end + 1) &&
            (ndigits(end + 1) == 2 || ndigits(end + 1) == 4)) {
            Cand y2;
            y2.kind = Kind::date;
            y2.y = ndigits(end + 1) == 2 ? c.y / 100 * 100 + tok(end + 1).num : tok(end + 1).num;
            y2.tb = end + 1;
            y2.te = end + 2;
            if (y2.y > c.y && y2.y <= 2099) {
                out.push_back(resolve(y2));
                i = end + 1;
                continue;
            }
        }
        i = end - 1;
    }
    return out;
}

}  // namespace

std::vector<TimeSpan> find_times(std::string_view text, const std::vector<Sentence>& sentences,
                                 const Knowledge& kb, const TimeOptions& opts, Diagnostics* diags) {
    const auto& tt = kb.get<TimeTable>();
    Tagger tagger(text, sentences, tt, opts, diags);
    return tagger.run();
}

std::vector<TimeSpan> find_times(const Document& doc, const Knowledge& kb, Diagnostics* diags) {
    TimeOptions opts;
    opts.publication = doc.publication;
    return find_times(doc.text, doc.sentences, kb, opts, diags);
}

std::optional<sys_days> parse_iso_day(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    int v[3] = {0, 0, 0};
    const std::size_t pos[3] = {0, 5, 8}, len[3] = {4, 2, 2};
    for (int k = 0; k < 3; ++k) {
        for (std::size_t i = pos[k]; i < pos[k] + len[k]; ++i) {
            if (s[i] < '0' || s[i] > '9') return std::nullopt;
            v[k] = v[k] * 10 + (s[i] - '0');
        }
    }
    const year_month_day ymd{year{v[0]}, month(unsigned(v[1])), day(unsigned(v[2]))};
    if (!ymd.ok()) return std::nullopt;
    return sys_days{ymd};
}

std::string format_iso_day(sys_days d) {
    return day_timex(d);
}

}  // namespace parley
