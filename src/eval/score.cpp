// Scoring extracted events against gold files: gold loading, the matching rules of
// docs/event-schema.md, a one-to-one alignment and the counts.
#include <parley/error.hpp>
#include <parley/eval.hpp>
#include <parley/knowledge.hpp>

#include <utf8proc.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <sstream>

namespace parley {

namespace {

// The scorer's own name rules (event-schema.md), not extraction knowledge: honorifics that are
// never part of a name, name particles compared loosely, and words an acronym skips.
constexpr const char* kHonorifics[] = {"mr", "mrs", "ms", "dr", "sir"};
constexpr const char* kParticles[] = {"al", "el", "ad", "bin", "ibn", "de",  "van", "von", "der",
                                      "da", "di", "du", "le",  "la",  "del", "ul",  "ud"};
constexpr const char* kParticlePrefixes[] = {"al-", "el-", "ad-", "ar-", "as-", "ash-",
                                             "at-", "az-", "an-", "ul-", "ud-"};
constexpr const char* kAcronymSkips[] = {"of", "for", "the", "and", "on", "in", "to",
                                         "de", "des", "du",  "la",  "le", "et"};

template <std::size_t N>
bool in_list(const char* const (&list)[N], std::string_view w) {
    return std::find(std::begin(list), std::end(list), w) != std::end(list);
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

/// Lower case, accents stripped, curly apostrophes made straight (utf8proc).
std::string fold(std::string_view s) {
    utf8proc_uint8_t* out = nullptr;
    const auto n =
        utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                     static_cast<utf8proc_ssize_t>(s.size()), &out,
                     static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                                    UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD));
    std::string r;
    if (n < 0) {
        r = ascii_lower(s);  // not UTF-8: compare the bytes as they are
    } else {
        r.assign(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
    }
    std::free(out);
    // U+2018/U+2019 -> '
    for (std::size_t p; (p = r.find("\xE2\x80\x99")) != std::string::npos ||
                        (p = r.find("\xE2\x80\x98")) != std::string::npos;)
        r.replace(p, 3, "'");
    return r;
}

std::vector<std::string_view> split_words(std::string_view s) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && is_space(s[i])) ++i;
        std::size_t j = i;
        while (j < s.size() && !is_space(s[j])) ++j;
        if (j > i) out.push_back(s.substr(i, j - i));
        i = j;
    }
    return out;
}

std::string join(const std::vector<std::string>& w, std::size_t b, std::size_t e) {
    std::string out;
    for (std::size_t i = b; i < e; ++i) {
        if (i > b) out += ' ';
        out += w[i];
    }
    return out;
}

/// The key a country name is looked up by: folded, dots dropped ("U.S." -> "us"), a leading
/// "the " removed, spaces collapsed.
std::string country_key(std::string_view s) {
    std::string f = fold(s);
    std::string cleaned;
    for (char c : f)
        if (c != '.') cleaned += c;
    std::string out;
    for (auto w : split_words(cleaned)) {
        if (out.empty() && w == "the") continue;
        if (!out.empty()) out += ' ';
        out += w;
    }
    return out;
}

bool is_upper_code(std::string_view s) {
    return s.size() == 3 &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

/// "U.N." -> "UN", "U.S.A." -> "USA": a run of two or more capital-dot pairs is an acronym
/// ("George W.Bush" keeps its single initial).
std::string join_dotted_acronyms(std::string_view s) {
    auto cap_dot = [&](std::size_t k) {
        return k + 1 < s.size() && s[k] >= 'A' && s[k] <= 'Z' && s[k + 1] == '.';
    };
    std::string out;
    std::size_t i = 0;
    while (i < s.size()) {
        const bool word_start = i == 0 || !std::isalpha(static_cast<unsigned char>(s[i - 1]));
        if (word_start && cap_dot(i) && cap_dot(i + 2)) {
            for (; cap_dot(i); i += 2) out += s[i];
            continue;
        }
        out += s[i++];
    }
    return out;
}

bool initial_agrees(const std::string& a, const std::string& b) {
    if (a == b) return true;
    if (a.size() == 1 && !b.empty()) return b.front() == a.front();
    if (b.size() == 1 && !a.empty()) return a.front() == b.front();
    return false;
}

// ---- Dates -------------------------------------------------------------------------------

std::optional<date::sys_days> parse_day(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    auto num = [&](std::size_t b, std::size_t n, int& v) {
        v = 0;
        for (std::size_t i = b; i < b + n; ++i) {
            if (s[i] < '0' || s[i] > '9') return false;
            v = v * 10 + (s[i] - '0');
        }
        return true;
    };
    int y = 0, m = 0, d = 0;
    if (!num(0, 4, y) || !num(5, 2, m) || !num(8, 2, d)) return std::nullopt;
    const date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(m)},
                                   date::day{static_cast<unsigned>(d)}};
    if (!ymd.ok()) return std::nullopt;
    return date::sys_days(ymd);
}

std::string format_day(date::sys_days d) {
    const date::year_month_day ymd{d};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return buf;
}

std::optional<DaySpan> extracted_span(const EventDate& d) {
    if (!d.first && !d.last) return std::nullopt;
    const auto first = d.first ? *d.first : *d.last;
    const auto last = d.last ? *d.last : *d.first;
    return DaySpan{first, last};
}

// ---- Gold JSON ---------------------------------------------------------------------------

[[noreturn]] void fail(const std::string& source, const std::string& why) {
    throw Error(source + ": " + why);
}

std::optional<DaySpan> gold_span(const nlohmann::json& j, const std::string& source,
                                 const std::string& where) {
    if (j.is_null()) return std::nullopt;
    if (!j.is_string()) fail(source, where + ": date must be a string or null");
    const auto s = j.get<std::string>();
    auto span = parse_day_span(s);
    if (!span)
        fail(source, where + ": bad date '" + s + "' (want YYYY-MM-DD or YYYY-MM-DD/YYYY-MM-DD)");
    return span;
}

std::string optional_string(const nlohmann::json& ev, const char* key, const std::string& source,
                            const std::string& where) {
    auto it = ev.find(key);
    if (it == ev.end() || it->is_null()) return {};
    if (!it->is_string()) fail(source, where + ": '" + key + "' must be a string");
    return it->get<std::string>();
}

GoldEvent parse_gold_event(const nlohmann::json& ev, const std::string& source, std::size_t i) {
    const std::string where = "event " + std::to_string(i + 1);
    if (!ev.is_object()) fail(source, where + ": not an object");
    GoldEvent g;

    auto t = ev.find("type");
    if (t == ev.end() || !t->is_string()) fail(source, where + ": 'type' missing or not a string");
    auto type = event_type_from_string(t->get<std::string>());
    if (!type) fail(source, where + ": unknown type '" + t->get<std::string>() + "'");
    g.type = *type;

    auto a = ev.find("actors");
    if (a == ev.end() || !a->is_array()) fail(source, where + ": 'actors' missing or not an array");
    for (const auto& name : *a) {
        if (!name.is_string() || trim(name.get<std::string>()).empty())
            fail(source, where + ": an actor is not a non-empty string");
        g.actors.emplace_back(trim(name.get<std::string>()));
    }

    auto d = ev.find("date");
    if (d == ev.end()) fail(source, where + ": 'date' missing (use null when the text gives none)");
    g.date = gold_span(*d, source, where);
    if (auto also = ev.find("date_also_accepted"); also != ev.end() && !also->is_null()) {
        if (!also->is_array()) fail(source, where + ": 'date_also_accepted' must be an array");
        for (const auto& s : *also)
            if (auto span = gold_span(s, source, where)) g.date_also_accepted.push_back(*span);
    }

    g.location = optional_string(ev, "location", source, where);
    if (auto st = optional_string(ev, "status", source, where); !st.empty()) {
        g.status = event_status_from_string(st);
        if (!g.status) fail(source, where + ": unknown status '" + st + "'");
    }
    g.evidence = optional_string(ev, "evidence", source, where);
    g.note = optional_string(ev, "note", source, where);
    return g;
}

// ---- Evidence similarity (a tie-breaker between equally valid pairings) ---------------------

std::vector<std::string> content_words(std::string_view s) {
    std::vector<std::string> out;
    std::string w;
    for (char c : fold(s)) {
        if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
            w += c;
        } else {
            if (w.size() >= 3) out.push_back(w);
            w.clear();
        }
    }
    if (w.size() >= 3) out.push_back(w);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

double jaccard(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    if (a.empty() || b.empty()) return 0.0;
    std::vector<std::string> common;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(common));
    return double(common.size()) / double(a.size() + b.size() - common.size());
}

/// Maximum-weight assignment (Hungarian algorithm, O(n^3)) on a square matrix of weights >= 0;
/// returns for each row the column assigned.
std::vector<std::size_t> max_weight_assignment(const std::vector<std::vector<int64_t>>& w) {
    const std::size_t n = w.size();
    if (n == 0) return {};
    constexpr int64_t inf = std::numeric_limits<int64_t>::max() / 4;
    // 1-based potentials; cost = -weight.
    std::vector<int64_t> u(n + 1, 0), v(n + 1, 0);
    std::vector<std::size_t> p(n + 1, 0), way(n + 1, 0);
    for (std::size_t i = 1; i <= n; ++i) {
        p[0] = i;
        std::size_t j0 = 0;
        std::vector<int64_t> minv(n + 1, inf);
        std::vector<char> used(n + 1, 0);
        do {
            used[j0] = 1;
            const std::size_t i0 = p[j0];
            int64_t delta = inf;
            std::size_t j1 = 0;
            for (std::size_t j = 1; j <= n; ++j) {
                if (used[j]) continue;
                const int64_t cur = -w[i0 - 1][j - 1] - u[i0] - v[j];
                if (cur < minv[j]) {
                    minv[j] = cur;
                    way[j] = j0;
                }
                if (minv[j] < delta) {
                    delta = minv[j];
                    j1 = j;
                }
            }
            for (std::size_t j = 0; j <= n; ++j) {
                if (used[j]) {
                    u[p[j]] += delta;
                    v[j] -= delta;
                } else {
                    minv[j] -= delta;
                }
            }
            j0 = j1;
        } while (p[j0] != 0);
        do {
            const std::size_t j1 = way[j0];
            p[j0] = p[j1];
            j0 = j1;
        } while (j0 != 0);
    }
    std::vector<std::size_t> row_to_col(n, 0);
    for (std::size_t j = 1; j <= n; ++j)
        if (p[j] != 0) row_to_col[p[j] - 1] = j - 1;
    return row_to_col;
}

/// Kuhn's augmenting paths: the size of a maximum matching of rows to columns.
std::size_t max_matching(const std::vector<std::vector<char>>& adj, std::size_t cols) {
    std::vector<int> col_row(cols, -1);
    std::size_t size = 0;
    for (std::size_t r = 0; r < adj.size(); ++r) {
        std::vector<char> seen(cols, 0);
        auto augment = [&](auto&& self, std::size_t row) -> bool {
            for (std::size_t c = 0; c < cols; ++c) {
                if (!adj[row][c] || seen[c]) continue;
                seen[c] = 1;
                if (col_row[c] < 0 || self(self, static_cast<std::size_t>(col_row[c]))) {
                    col_row[c] = static_cast<int>(row);
                    return true;
                }
            }
            return false;
        };
        if (augment(augment, r)) ++size;
    }
    return size;
}

}  // namespace

// ---- Dates (public) ------------------------------------------------------------------------

std::optional<DaySpan> parse_day_span(std::string_view s) {
    s = trim(s);
    const auto slash = s.find('/');
    if (slash == std::string_view::npos) {
        auto d = parse_day(s);
        if (!d) return std::nullopt;
        return DaySpan{*d, *d};
    }
    auto a = parse_day(trim(s.substr(0, slash)));
    auto b = parse_day(trim(s.substr(slash + 1)));
    if (!a || !b || *b < *a) return std::nullopt;
    return DaySpan{*a, *b};
}

std::string format_day_span(const DaySpan& s) {
    return s.first == s.last ? format_day(s.first) : format_day(s.first) + "/" + format_day(s.last);
}

std::string format_event_date(const EventDate& d) {
    auto span = extracted_span(d);
    return span ? format_day_span(*span) : "null";
}

// ---- Gold files ----------------------------------------------------------------------------

GoldDocument parse_gold(std::string_view text, const std::string& source) {
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        // e.what() is "[json.exception.parse_error.101] parse error at line 3, column 5: ..."
        std::string why = e.what();
        if (auto p = why.find("] "); p != std::string::npos) why = why.substr(p + 2);
        fail(source, "invalid JSON: " + why);
    }
    if (!j.is_object()) fail(source, "a gold file must be a JSON object");

    GoldDocument g;
    g.path = source;
    g.document = optional_string(j, "document", source, "gold");
    if (auto pub = optional_string(j, "publication", source, "gold"); !pub.empty()) {
        // Date, or date and time ("1999-07-21T23:02:00+01:00"): the date part is the anchor.
        g.publication = parse_day(std::string_view(pub).substr(0, 10));
        if (!g.publication || (pub.size() > 10 && pub[10] != 'T' && pub[10] != ' '))
            fail(source,
                 "bad 'publication' '" + pub + "' (want YYYY-MM-DD, optionally with a time)");
    }
    auto ev = j.find("events");
    if (ev == j.end() || !ev->is_array()) fail(source, "'events' missing or not an array");
    for (std::size_t i = 0; i < ev->size(); ++i)
        g.events.push_back(parse_gold_event((*ev)[i], source, i));
    return g;
}

GoldDocument load_gold(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path.string() + ": cannot read gold file");
    std::ostringstream ss;
    ss << in.rdbuf();
    auto g = parse_gold(ss.str(), path.string());
    if (g.document.empty()) {
        // NAME.gold.json describes NAME.txt.
        auto name = path.filename().string();
        if (name.size() > 10 && name.ends_with(".gold.json"))
            g.document = name.substr(0, name.size() - 10) + ".txt";
    }
    return g;
}

// ---- Names ---------------------------------------------------------------------------------

NameMatcher::NameMatcher() {
    for (const char* h : kHonorifics) add_title(h);
}

NameMatcher::NameMatcher(const Knowledge& kb) : NameMatcher() {
    auto split_bar = [](const std::string& s) {
        std::vector<std::string> out;
        std::string_view rest = s;
        while (!rest.empty()) {
            auto bar = rest.find('|');
            auto item = trim(rest.substr(0, bar));
            if (!item.empty()) out.emplace_back(item);
            if (bar == std::string_view::npos) break;
            rest.remove_prefix(bar + 1);
        }
        return out;
    };
    if (kb.has("gazetteer/titles.tsv")) {
        // title, sector, aliases ("secretary general|SG"), head
        for (const auto& row : kb.rows("gazetteer/titles.tsv")) {
            if (row.empty() || row[0].empty()) continue;
            add_title(row[0]);
            if (row.size() > 2)
                for (const auto& alias : split_bar(row[2])) add_title(alias);
        }
    }
    if (kb.has("gazetteer/countries.tsv")) {
        for (const auto& row : kb.rows("gazetteer/countries.tsv")) {
            if (row.size() < 2 || row[0].empty()) continue;
            // "USR|SUN": alternate codes after the canonical one.
            const auto codes = split_bar(row[0]);
            if (codes.empty()) continue;
            const std::string& code = codes.front();
            for (const auto& c : codes) m_country_codes.emplace(c, code);
            // The first file entry for a name wins (a name shared by two codes stays with one).
            m_countries.emplace(country_key(row[1]), code);
            if (row.size() > 2)
                for (const auto& alias : split_bar(row[2]))
                    m_countries.emplace(country_key(alias), code);
            // Adjectives and names are dropped before a title ("Russian Foreign Minister ...").
            m_qualifiers.insert(fold(row[1]));
            if (row.size() > 3)
                for (const auto& adj : split_bar(row[3])) m_qualifiers.insert(fold(adj));
            if (row.size() > 2)
                for (const auto& alias : split_bar(row[2])) m_qualifiers.insert(fold(alias));
        }
    }
    if (kb.has("gazetteer/organisations.tsv")) {
        for (const auto& row : kb.rows("gazetteer/organisations.tsv")) {
            if (row.size() < 2 || row[0].empty()) continue;
            std::vector<std::string> keys{row[1]};
            if (row.size() > 2)
                for (auto& alias : split_bar(row[2])) keys.push_back(std::move(alias));
            for (const auto& k : keys) {
                m_orgs.emplace(country_key(k), row[0]);
                m_qualifiers.insert(fold(k));
            }
        }
    }
}

void NameMatcher::add_title(std::string_view title) {
    const std::string folded = fold(title);
    std::vector<std::string> words;
    for (auto w : split_words(folded)) words.emplace_back(w);
    if (words.empty()) return;
    m_title_max_words = std::max(m_title_max_words, words.size());
    m_titles.insert(join(words, 0, words.size()));
}

std::size_t NameMatcher::title_prefix(const std::vector<std::string>& words, std::size_t at) const {
    for (std::size_t k = std::min(m_title_max_words, words.size() - at); k > 0; --k)
        if (m_titles.count(join(words, at, at + k))) return k;
    return 0;
}

NameMatcher::Tokens NameMatcher::tokens(std::string_view name) const {
    // Split the written name at spaces and punctuation (keeping hyphens and apostrophes), note
    // which words are written in capitals (acronyms), then fold each word.
    const std::string s = join_dotted_acronyms(name);
    std::string spaced;
    for (char c : s)
        spaced += (c == '.' || c == ',' || c == ';' || c == ':' || c == '(' || c == ')' ||
                   c == '"' || c == '/')
                      ? ' '
                      : c;
    Tokens all;
    for (auto w : split_words(spaced)) {
        std::string f = fold(w);
        // "- " left by a broken line, or a lone dash.
        while (!f.empty() && f.back() == '-') f.pop_back();
        while (!f.empty() && f.front() == '-') f.erase(0, 1);
        if (f.empty()) continue;
        const bool upper = w.size() >= 2 && std::all_of(w.begin(), w.end(), [](char c) {
                               return c >= 'A' && c <= 'Z';
                           });
        all.words.push_back(std::move(f));
        all.upper.push_back(upper);
    }

    // Leading "the", titles, and a nationality or possessive before a title.
    std::size_t i = 0;
    const std::size_t n = all.words.size();
    while (i < n) {
        if (all.words[i] == "the") {
            ++i;
            continue;
        }
        if (auto k = title_prefix(all.words, i)) {
            i += k;
            continue;
        }
        bool dropped = false;
        for (std::size_t a = std::min<std::size_t>(3, n - i); a > 0 && !dropped; --a) {
            std::string phrase = join(all.words, i, i + a);
            const bool possessive = a == 1 && phrase.size() > 2 && phrase.ends_with("'s");
            if ((possessive || m_qualifiers.count(phrase)) && i + a < n &&
                title_prefix(all.words, i + a)) {
                i += a;
                dropped = true;
            }
        }
        if (!dropped) break;
    }
    if (i == n) i = 0;  // nothing but titles: compare them as written

    Tokens out;
    for (std::size_t k = i; k < n; ++k) {
        std::string w = all.words[k];
        if (in_list(kParticles, w)) continue;
        for (const char* pre : kParticlePrefixes) {
            const std::string_view p(pre);
            if (w.size() > p.size() && w.starts_with(p)) {
                w.erase(0, p.size());
                break;
            }
        }
        out.words.push_back(std::move(w));
        out.upper.push_back(all.upper[k]);
    }
    if (out.words.empty()) {  // a name made only of particles
        out.words.assign(all.words.begin() + static_cast<std::ptrdiff_t>(i), all.words.end());
        out.upper.assign(all.upper.begin() + static_cast<std::ptrdiff_t>(i), all.upper.end());
    }
    return out;
}

std::vector<std::string> NameMatcher::name_tokens(std::string_view name) const {
    return tokens(name).words;
}

std::string NameMatcher::country_code(std::string_view name) const {
    const auto t = trim(name);
    if (is_upper_code(t)) {
        if (auto c = m_country_codes.find(std::string(t)); c != m_country_codes.end())
            return c->second;
    }
    auto it = m_countries.find(country_key(t));
    return it == m_countries.end() ? std::string() : it->second;
}

std::string NameMatcher::organisation_code(std::string_view name) const {
    auto it = m_orgs.find(country_key(trim(name)));
    return it == m_orgs.end() ? std::string() : it->second;
}

namespace {

struct TokenView {
    const std::vector<std::string>& words;
    const std::vector<bool>& upper;
};

/// Whether a[i..] and b[j..] are the same words, where a word in capitals may stand for the
/// initials of several words of the other side ("IMF" = "International Monetary Fund",
/// "IOM" = "International Organization for Migration").
bool acronym_equal(const TokenView& a, std::size_t i, const TokenView& b, std::size_t j,
                   int depth = 0) {
    if (depth > 32) return false;
    if (i == a.words.size() && j == b.words.size()) return true;
    if (i == a.words.size() || j == b.words.size()) return false;
    if (a.words[i] == b.words[j] && acronym_equal(a, i + 1, b, j + 1, depth + 1)) return true;
    auto expand = [&](const TokenView& x, std::size_t xi, const TokenView& y, std::size_t yj,
                      bool x_is_a) {
        const std::string& acr = x.words[xi];
        // Consume one letter per word of y; words like "of" may be skipped.
        auto rec = [&](auto&& self, std::size_t letter, std::size_t yk) -> bool {
            if (letter == acr.size())
                return x_is_a ? acronym_equal(a, xi + 1, b, yk, depth + 1)
                              : acronym_equal(a, yk, b, xi + 1, depth + 1);
            if (yk == y.words.size()) return false;
            if (!y.words[yk].empty() && y.words[yk].front() == acr[letter] &&
                self(self, letter + 1, yk + 1))
                return true;
            return letter > 0 && in_list(kAcronymSkips, y.words[yk]) && self(self, letter, yk + 1);
        };
        return rec(rec, 0, yj);
    };
    if (a.upper[i] && a.words[i].size() >= 2 && expand(a, i, b, j, true)) return true;
    if (b.upper[j] && b.words[j].size() >= 2 && expand(b, j, a, i, false)) return true;
    return false;
}

bool person_names_agree(const std::vector<std::string>& g, const std::vector<std::string>& e) {
    if (g.empty() || e.empty()) return false;
    if (g.size() == 1 && e.size() == 1) return g[0] == e[0];
    // A surname alone: the last word, or the first for names written surname first ("Hu").
    if (g.size() == 1) return g[0] == e.back() || g[0] == e.front();
    if (e.size() == 1) return e[0] == g.back() || e[0] == g.front();
    // Both full: surnames equal and first names agree (initials agree with their name);
    // middle names are ignored. Also the two orders of an East Asian name.
    if (g.back() == e.back() && initial_agrees(g.front(), e.front())) return true;
    return g.front() == e.back() && g.back() == e.front();
}

}  // namespace

bool NameMatcher::same_name(std::string_view gold, std::string_view extracted) const {
    const auto g = tokens(gold);
    const auto e = tokens(extracted);
    if (g.words.empty() || e.words.empty()) return false;
    if (g.words == e.words) return true;
    if (acronym_equal({g.words, g.upper}, 0, {e.words, e.upper}, 0)) return true;
    return person_names_agree(g.words, e.words);
}

bool NameMatcher::actor_matches(std::string_view gold_actor, const Participant& p) const {
    std::string_view rest = gold_actor;
    while (true) {
        const auto bar = rest.find('|');
        const auto alt = trim(rest.substr(0, bar));
        if (!alt.empty()) {
            if (auto code = country_code(alt); !code.empty()) {
                // A gold country is a participant of kind country, by code or by name.
                if (p.kind == ActorKind::country &&
                    (p.country == code || country_code(p.country) == code ||
                     country_code(p.name) == code))
                    return true;
            } else {
                // Two names of one organisation ("UN Security Council" = "Security Council").
                if (p.kind != ActorKind::person && p.kind != ActorKind::country) {
                    const auto code = organisation_code(alt);
                    if (!code.empty() && code == organisation_code(p.name)) return true;
                }
                const auto g = tokens(alt);
                const auto e = tokens(p.name);
                if (!g.words.empty() && !e.words.empty()) {
                    if (g.words == e.words) return true;
                    if (acronym_equal({g.words, g.upper}, 0, {e.words, e.upper}, 0)) return true;
                    // Surname rules only between people: "Council" is not "Security Council".
                    if (p.kind == ActorKind::person && person_names_agree(g.words, e.words))
                        return true;
                }
            }
        }
        if (bar == std::string_view::npos) break;
        rest.remove_prefix(bar + 1);
    }
    return false;
}

// ---- Matching ------------------------------------------------------------------------------

bool actors_match(const Event& extracted, const GoldEvent& gold, const NameMatcher& names) {
    const std::size_t n = gold.actors.size();
    if (n == 0) return true;
    const std::size_t need = n <= 3 ? n : (3 * n + 3) / 4;  // ceil(0.75 n)
    if (extracted.participants.size() < need) return false;
    std::vector<std::vector<char>> adj(n, std::vector<char>(extracted.participants.size(), 0));
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < extracted.participants.size(); ++j)
            adj[i][j] = names.actor_matches(gold.actors[i], extracted.participants[j]) ? 1 : 0;
    return max_matching(adj, extracted.participants.size()) >= need;
}

bool date_matches(const EventDate& extracted, const GoldEvent& gold, bool strict) {
    const auto e = extracted_span(extracted);
    if (!gold.date) return strict ? !e.has_value() : true;
    if (!e) return false;
    std::vector<DaySpan> accepted{*gold.date};
    accepted.insert(accepted.end(), gold.date_also_accepted.begin(), gold.date_also_accepted.end());
    for (const auto& a : accepted)
        if (a == *e) return true;
    if (strict) return false;
    if (e->last < e->first || (e->last - e->first).count() + 1 > 7) return false;
    for (const auto& a : accepted)
        if (e->first <= a.last && a.first <= e->last) return true;
    return false;
}

bool matches(const Event& extracted, const GoldEvent& gold, bool strict, const NameMatcher& names) {
    return extracted.type == gold.type && date_matches(extracted.date, gold, strict) &&
           actors_match(extracted, gold, names);
}

const char* to_string(MatchMode m) {
    switch (m) {
        case MatchMode::strict:
            return "strict";
        case MatchMode::lenient:
            return "lenient";
        case MatchMode::ignore_date:
            return "ignore_date";
    }
    return "?";
}

Alignment align(const std::vector<Event>& extracted, const std::vector<GoldEvent>& gold,
                MatchMode mode, const NameMatcher& names) {
    const std::size_t ne = extracted.size(), ng = gold.size();
    const std::size_t n = std::max(ne, ng);
    // Any valid pair outweighs all tie-breakers together, so the assignment is first of all a
    // maximum matching; the bonus only chooses among maximum matchings.
    constexpr int64_t kBonusMax = 1000 + 100 + 50 + 10 + 5;
    const int64_t base = kBonusMax * static_cast<int64_t>(n + 1) + 1;
    std::vector<std::vector<int64_t>> w(n, std::vector<int64_t>(n, 0));
    std::vector<std::vector<std::string>> ev_words(ne), gold_words(ng);
    for (std::size_t i = 0; i < ne; ++i)
        ev_words[i] = content_words(extracted[i].evidence.sentence);
    for (std::size_t j = 0; j < ng; ++j) gold_words[j] = content_words(gold[j].evidence);

    for (std::size_t j = 0; j < ng; ++j) {
        for (std::size_t i = 0; i < ne; ++i) {
            const Event& e = extracted[i];
            const GoldEvent& g = gold[j];
            if (e.type != g.type) continue;
            const bool exact = date_matches(e.date, g, true);
            const bool near = exact || date_matches(e.date, g, false);
            if (mode == MatchMode::strict && !exact) continue;
            if (mode == MatchMode::lenient && !near) continue;
            if (!actors_match(e, g, names)) continue;
            int64_t bonus = (exact ? 1000 : 0) + (near ? 100 : 0);
            bonus += static_cast<int64_t>(50.0 * jaccard(ev_words[i], gold_words[j]) + 0.5);
            if (!e.location.empty() && !g.location.empty()) {
                const auto a = fold(e.location), b = fold(g.location);
                if (a.find(b) != std::string::npos || b.find(a) != std::string::npos) bonus += 10;
            }
            if (g.status && *g.status == e.status) bonus += 5;
            w[j][i] = base + bonus;
        }
    }

    Alignment out;
    std::vector<char> e_used(ne, 0), g_used(ng, 0);
    const auto assign = max_weight_assignment(w);
    for (std::size_t j = 0; j < ng; ++j) {
        const std::size_t i = assign[j];
        if (i < ne && w[j][i] > 0) {
            out.pairs.emplace_back(i, j);
            e_used[i] = 1;
            g_used[j] = 1;
        }
    }
    std::sort(out.pairs.begin(), out.pairs.end());
    for (std::size_t i = 0; i < ne; ++i)
        if (!e_used[i]) out.unmatched_extracted.push_back(i);
    for (std::size_t j = 0; j < ng; ++j)
        if (!g_used[j]) out.unmatched_gold.push_back(j);
    return out;
}

// ---- Counts --------------------------------------------------------------------------------

double Counts::precision() const {
    return has_precision() ? double(tp) / double(tp + fp) : 0.0;
}
double Counts::recall() const {
    return has_recall() ? double(tp) / double(tp + fn) : 0.0;
}
double Counts::f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}
Counts& Counts::operator+=(const Counts& o) {
    tp += o.tp;
    fp += o.fp;
    fn += o.fn;
    return *this;
}

const DocumentScore& Scorer::add(std::vector<Event> extracted, GoldDocument gold) {
    DocumentScore d;
    d.document = gold.document;
    d.strict = align(extracted, gold.events, MatchMode::strict, m_names);
    d.lenient = align(extracted, gold.events, MatchMode::lenient, m_names);
    d.dates = align(extracted, gold.events, MatchMode::ignore_date, m_names);
    d.extracted = std::move(extracted);
    d.gold = std::move(gold);

    Report& r = m_report;
    ++r.documents;
    auto row = [&](EventType t) -> TypeScore& { return r.by_type[t]; };
    for (const auto& e : d.extracted) {
        ++row(e.type).extracted;
        ++r.overall.extracted;
    }
    for (const auto& g : d.gold.events) {
        ++row(g.type).gold;
        ++r.overall.gold;
    }
    auto count = [&](const Alignment& a, Counts TypeScore::*which) {
        for (const auto& [i, j] : a.pairs) {
            ++(row(d.gold.events[j].type).*which).tp;
            ++(r.overall.*which).tp;
        }
        for (auto i : a.unmatched_extracted) {
            ++(row(d.extracted[i].type).*which).fp;
            ++(r.overall.*which).fp;
        }
        for (auto j : a.unmatched_gold) {
            ++(row(d.gold.events[j].type).*which).fn;
            ++(r.overall.*which).fn;
        }
    };
    count(d.strict, &TypeScore::strict);
    count(d.lenient, &TypeScore::lenient);
    for (const auto& [i, j] : d.dates.pairs) {
        ++r.dates.matched;
        if (date_matches(d.extracted[i].date, d.gold.events[j], true)) ++r.dates.exact;
        if (date_matches(d.extracted[i].date, d.gold.events[j], false)) ++r.dates.lenient;
    }
    m_docs.push_back(std::move(d));
    return m_docs.back();
}

}  // namespace parley
