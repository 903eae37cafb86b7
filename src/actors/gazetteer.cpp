// Gazetteer: compiles data/gazetteer/*.tsv, data/lexicon/words.txt and the PETRARCH actor
// dictionaries into one phrase map. Built once per Knowledge (kb.get<Gazetteer>()).
#include "actors/gazetteer.hpp"

#include "actors/petrarch_dictionary.hpp"
#include "core/split.hpp"

#include <parley/error.hpp>

#include <utf8proc.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace parley::detail {

namespace {

std::string_view trim(std::string_view s) {
    return trim_blanks(s);
}

std::vector<std::string_view> split_bar(std::string_view s) {
    return split_list(s, '|');
}

const std::string& col(const std::vector<std::string>& row, std::size_t i) {
    static const std::string empty;
    return i < row.size() ? row[i] : empty;
}

// "Victoria (Seychelles)": a parenthesised note marks a display-only, ambiguous name.
bool has_note(std::string_view s) {
    return !s.empty() && s.back() == ')' && s.find(" (") != s.npos;
}
std::string_view without_note(std::string_view s) {
    if (!has_note(s)) return s;
    return trim(s.substr(0, s.rfind(" (")));
}

bool is_acronym(std::string_view s) {
    bool upper = false;
    for (char c : s) {
        if (c >= 'a' && c <= 'z') return false;
        if (c >= 'A' && c <= 'Z') upper = true;
    }
    return upper;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path + ": cannot read data file");
    std::ostringstream ss;
    ss << in.rdbuf();
    return std::move(ss).str();
}

// The lexer drops a lone final dot from a word ("Sen." -> "sen", "No." -> "no") but keeps
// dotted abbreviations ("u.s."): the same key in that form.
std::string lexer_variant(std::string_view key) {
    std::string out;
    out.reserve(key.size());
    std::size_t i = 0;
    while (i <= key.size()) {
        auto sp = key.find(' ', i);
        if (sp == std::string_view::npos) sp = key.size();
        std::string_view w = key.substr(i, sp - i);
        if (w.size() > 2 && w.back() == '.' && w.find('.') == w.size() - 1) w.remove_suffix(1);
        if (!out.empty()) out += ' ';
        out += w;
        i = sp + 1;
    }
    return out;
}

// "2001-01-20" -> a day; "" -> open. Anything else is a data error.
std::optional<date::sys_days> parse_iso_day(std::string_view s, const std::string& who) {
    if (s.empty()) return std::nullopt;
    auto num = [&](std::size_t b, std::size_t n) {
        int v = 0;
        for (std::size_t i = b; i < b + n; ++i) {
            if (s[i] < '0' || s[i] > '9') return -1;
            v = v * 10 + (s[i] - '0');
        }
        return v;
    };
    if (s.size() == 10 && s[4] == '-' && s[7] == '-') {
        const int y = num(0, 4), m = num(5, 2), d = num(8, 2);
        const date::year_month_day ymd{date::year{y}, date::month(static_cast<unsigned>(m)),
                                       date::day(static_cast<unsigned>(d))};
        if (y >= 0 && m > 0 && d > 0 && ymd.ok()) return date::sys_days(ymd);
    }
    throw Error("gazetteer/office-holders.tsv: bad date '" + std::string(s) + "' for " + who);
}

// Office lookups ignore the hyphen/space choice: "hafez al-assad" = "hafez al assad".
std::string person_key(std::string_view folded) {
    std::string k(folded);
    std::replace(k.begin(), k.end(), '-', ' ');
    return k;
}

using SurnameIndex = ViewMap<std::vector<uint32_t>>;

// "jean-pierre raffarin" -> {jean, pierre, raffarin}
std::vector<std::string> name_words(std::string_view folded) {
    std::vector<std::string> out;
    std::size_t b = 0;
    for (std::size_t i = 0; i <= folded.size(); ++i) {
        if (i < folded.size() && folded[i] != ' ' && folded[i] != '-') continue;
        if (i > b) out.emplace_back(folded.substr(b, i - b));
        b = i + 1;
    }
    return out;
}

// Every word of the shorter name is in the longer one: "julia gillard" / "julia eileen gillard".
bool words_within(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    const auto& small = a.size() <= b.size() ? a : b;
    const auto& large = a.size() <= b.size() ? b : a;
    return std::all_of(small.begin(), small.end(), [&](const std::string& w) {
        return std::find(large.begin(), large.end(), w) != large.end();
    });
}

bool in_term(const OfficeTerm& t, date::sys_days day) {
    return !(t.from && day < *t.from) && !(t.to && day > *t.to);
}

}  // namespace

std::string fold_phrase(std::string_view s) {
    // Straighten curly quotes, turn no-break spaces and Unicode hyphens into ASCII first.
    std::string pre;
    pre.reserve(s.size());
    bool ascii = true;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            pre += static_cast<char>(c);
            continue;
        }
        if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
            const auto d = static_cast<unsigned char>(s[i + 2]);
            char r = 0;
            if (d == 0x98 || d == 0x99)
                r = '\'';
            else if (d == 0x9C || d == 0x9D)
                r = '"';
            else if (d == 0x90 || d == 0x91)
                r = '-';
            if (r) {
                pre += r;
                i += 2;
                continue;
            }
        }
        if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
            pre += ' ';
            ++i;
            continue;
        }
        ascii = false;
        pre += static_cast<char>(c);
    }
    if (!ascii) {
        utf8proc_uint8_t* mapped = nullptr;
        const auto n =
            utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(pre.data()),
                         static_cast<utf8proc_ssize_t>(pre.size()), &mapped,
                         static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                                        UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD));
        if (n >= 0 && mapped) pre.assign(reinterpret_cast<const char*>(mapped), n);
        std::free(mapped);  // invalid UTF-8 (n < 0): keep the bytes, lower-case ASCII below
    }
    std::string out;
    out.reserve(pre.size());
    for (std::size_t i = 0; i < pre.size(); ++i) {
        char c = pre[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            if (!out.empty() && out.back() != ' ') out += ' ';
            continue;
        }
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
        // "Vice- President" -> "vice-president": a hyphen after a word swallows the spaces.
        if (c == '-' && !out.empty() && out.back() != ' ') {
            out += c;
            while (i + 1 < pre.size() && (pre[i + 1] == ' ' || pre[i + 1] == '\t')) ++i;
            continue;
        }
        out += c;
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    if (out.size() > 4 && out.compare(0, 4, "the ") == 0) out.erase(0, 4);
    return out;
}

Gazetteer::Gazetteer(const Knowledge& kb) {
    m_phrases.reserve(1 << 17);
    load_words(kb);
    load_countries(kb);
    load_organisations(kb);
    load_titles(kb);
    load_places(kb);

    std::vector<std::string> particle_store;
    if (kb.has("lexicon/name-particles.txt"))
        particle_store = kb.lines("lexicon/name-particles.txt");
    std::vector<std::string_view> particles(particle_store.begin(), particle_store.end());
    std::vector<std::string> org_words;
    if (kb.has("lexicon/org-words.txt"))
        for (auto& w : kb.lines("lexicon/org-words.txt")) org_words.push_back(fold_phrase(w));

    if (kb.has("petrarch/dictionaries.txt"))
        for (const auto& rel : kb.lines("petrarch/dictionaries.txt"))
            load_dictionary((kb.dir() / rel).string(), particles, org_words);
    for (const auto& p : kb.actor_dictionaries) load_dictionary(p.string(), particles, org_words);
    // After the dictionaries, so that their people are found and extended, not duplicated.
    const auto t0 = std::chrono::steady_clock::now();
    load_office_holders(kb, particles);
    m_office_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    for (const auto& [key, hits] : m_phrases) {
        const std::string_view k = key;
        const std::size_t kh = phrase_final(phrase_state(k)) & (kPrefixBits - 1);
        m_keys[kh / 64] |= uint64_t{1} << (kh % 64);
        for (auto sp = k.find(' '); sp != std::string_view::npos; sp = k.find(' ', sp + 1)) {
            const std::size_t h = phrase_final(phrase_state(k.substr(0, sp))) & (kPrefixBits - 1);
            m_prefixes[h / 64] |= uint64_t{1} << (h % 64);
        }
    }
}

void Gazetteer::add(std::string_view surface, GazMatch m, bool track_case) {
    surface = trim(surface);
    if (surface.empty() || has_note(surface)) return;
    add_key(fold_phrase(surface), m, track_case && is_acronym(surface));
}

void Gazetteer::add_key(std::string key, GazMatch m, bool acronym) {
    if (key.empty()) return;
    auto put = [&](std::string k) {
        const std::size_t tokens = 1 + std::count(k.begin(), k.end(), ' ');
        m_max_tokens = std::max(m_max_tokens, tokens);
        // m_acronym holds only keys whose every surface so far was an acronym.
        auto [it, inserted] = m_phrases.try_emplace(std::move(k));
        if (inserted && acronym)
            m_acronym.insert(it->first);
        else if (!inserted && !acronym)
            m_acronym.erase(it->first);
        auto& v = it->second;
        for (const auto& e : v)
            if (e.kind == m.kind && e.index == m.index) return;
        v.push_back(m);
    };
    if (key.find('.') != std::string::npos) {
        std::string variant = lexer_variant(key);
        if (variant != key) put(std::move(variant));
    }
    put(std::move(key));
}

void Gazetteer::load_words(const Knowledge& kb) {
    m_words_blob = read_file((kb.dir() / "lexicon/words.txt").string());
    m_words.reserve(m_words_blob.size() / 8);
    std::string_view all = m_words_blob;
    std::size_t pos = 0;
    while (pos < all.size()) {
        auto nl = all.find('\n', pos);
        if (nl == std::string_view::npos) nl = all.size();
        auto w = trim(all.substr(pos, nl - pos));
        pos = nl + 1;
        if (!w.empty() && w.front() != '#') m_words.insert(w);
    }
}

void Gazetteer::load_countries(const Knowledge& kb) {
    for (const auto& row : kb.rows("gazetteer/countries.tsv")) {
        const auto codes = split_bar(col(row, 0));
        if (codes.empty() || col(row, 1).empty()) continue;
        const auto idx = static_cast<uint32_t>(m_countries.size());
        const auto metonyms = split_bar(col(row, 4));
        CountryEntry c;
        c.code = std::string(codes.front());
        c.name = col(row, 1);
        if (!metonyms.empty()) c.capital = std::string(without_note(metonyms.front()));
        m_countries.push_back(std::move(c));
        for (auto code : codes) m_country_index.emplace(std::string(code), idx);
        add(col(row, 1), {GazKind::country_name, idx});
        for (auto a : split_bar(col(row, 2))) add(a, {GazKind::country_name, idx});
        for (auto a : split_bar(col(row, 3))) add(a, {GazKind::country_adj, idx});
        for (auto a : metonyms) add(a, {GazKind::country_metonym, idx});
    }
}

void Gazetteer::load_organisations(const Knowledge& kb) {
    for (const auto& row : kb.rows("gazetteer/organisations.tsv")) {
        if (col(row, 0).empty() || col(row, 1).empty()) continue;
        const auto idx = static_cast<uint32_t>(m_orgs.size());
        OrgEntry o;
        o.code = col(row, 0);
        o.name = std::string(without_note(col(row, 1)));
        o.country = col(row, 3);
        // Generic codes ("GOV" for "the Foreign Ministry") name no single body.
        if (o.code.size() > 3 || !o.country.empty()) m_org_index.emplace(o.code, idx);
        m_orgs.push_back(std::move(o));
        add(col(row, 1), {GazKind::organisation, idx});
        for (auto a : split_bar(col(row, 2))) add(a, {GazKind::organisation, idx});
    }
}

void Gazetteer::load_titles(const Knowledge& kb) {
    for (const auto& row : kb.rows("gazetteer/titles.tsv")) {
        if (col(row, 0).empty()) continue;
        const auto idx = static_cast<uint32_t>(m_titles.size());
        TitleEntry t;
        t.title = col(row, 0);
        t.sector = col(row, 1);
        t.head = col(row, 3) == "1";
        m_titles.push_back(std::move(t));
        add(col(row, 0), {GazKind::title, idx});
        for (auto a : split_bar(col(row, 2))) add(a, {GazKind::title, idx});
    }
}

void Gazetteer::load_places(const Knowledge& kb) {
    for (const auto& row : kb.rows("gazetteer/places.tsv")) {
        if (col(row, 0).empty()) continue;
        const auto idx = static_cast<uint32_t>(m_places.size());
        PlaceEntry p;
        p.name = std::string(without_note(col(row, 0)));
        p.country = col(row, 1);
        m_places.push_back(std::move(p));
        add(col(row, 0), {GazKind::place, idx});
        for (auto a : split_bar(col(row, 2))) add(a, {GazKind::place, idx});
    }
}

void Gazetteer::load_dictionary(const std::string& path,
                                const std::vector<std::string_view>& particles,
                                const std::vector<std::string>& org_words) {
    std::string text;
    try {
        text = read_file(path);
    } catch (const Error&) {
        throw Error(path + ": cannot read actor dictionary");
    }
    for (auto& e : parse_petrarch_actors(text)) {
        if (e.roles.empty()) continue;
        bool country_entry = false, dated = false;
        for (const auto& r : e.roles) {
            if (r.code.size() == 3 && m_country_index.count(r.code)) country_entry = true;
            if (r.code.size() > 3 && (r.from || r.to)) dated = true;
        }
        if (country_entry) continue;
        const bool listed = e.comment.find("CountryInfo") != std::string::npos ||
                            e.comment.find("IGOrulers") != std::string::npos;
        if (!listed && !dated) continue;
        const std::string display = petrarch_display_name(e.names.front(), particles);
        const std::string key = fold_phrase(display);
        if (key.find_first_of("abcdefghijklmnopqrstuvwxyz") == std::string::npos) continue;
        bool org = false;
        for (std::size_t i = 0; i <= key.size() && !org;) {
            auto j = key.find_first_of(" -", i);
            if (j == std::string::npos) j = key.size();
            const std::string_view w(key.data() + i, j - i);
            org = std::find(org_words.begin(), org_words.end(), w) != org_words.end();
            i = j + 1;
        }
        if (org) continue;

        uint32_t idx;
        if (auto it = m_person_names.find(key); it != m_person_names.end()) {
            idx = it->second;
        } else {
            idx = static_cast<uint32_t>(m_people.size());
            m_people.push_back(PersonEntry{display, {}});
            m_person_names.emplace(key, idx);
        }
        auto& roles = m_people[idx].roles;
        for (auto& r : e.roles) {
            const bool dup = std::any_of(roles.begin(), roles.end(), [&](const DatedRole& o) {
                return o.code == r.code && o.from == r.from && o.to == r.to;
            });
            if (dup) continue;
            auto& holders = m_role_index[r.code];
            if (holders.empty() || holders.back() != idx) holders.push_back(idx);
            roles.push_back(std::move(r));
        }
        for (const auto& n : e.names) {
            // A one-word synonym that is an ordinary word ("BROWN") would shadow the word.
            const std::string f = fold_phrase(n);
            if (f.find(' ') == std::string::npos && is_common_word(f)) continue;
            // "PRESIDENT_BORIS_YELTSIN", "SECRETARY_OF_STATE_WARREN_CHRISTOPHER": a synonym that
            // starts with a title would swallow the title the text itself gives.
            if (starts_with_title(f)) continue;
            add_person_key(f, idx, particles);
        }
    }
}

void Gazetteer::add_person_key(const std::string& f, uint32_t idx,
                               const std::vector<std::string_view>& particles) {
    add_key(f, {GazKind::person, idx}, false);
    // "BASHAR_AL_ASSAD" is written "Bashar al-Assad" (one token) and vice versa: flip the
    // separator after an inner particle.
    std::size_t word = 0;
    for (std::size_t j = 0; j < f.size(); ++j) {
        if (f[j] != ' ' && f[j] != '-') continue;
        const std::string_view w(f.data() + word, j - word);
        if (word > 0 && j + 1 < f.size() && w.size() <= 5 &&
            std::find(particles.begin(), particles.end(), w) != particles.end()) {
            std::string v = f;
            v[j] = f[j] == ' ' ? '-' : ' ';
            add_key(std::move(v), {GazKind::person, idx}, false);
        }
        word = j + 1;
    }
}

std::string Gazetteer::canonical_title(std::string_view title) const {
    if (const auto* hits = find(fold_phrase(title)))
        for (const auto& h : *hits)
            if (h.kind == GazKind::title) return m_titles[h.index].title;
    auto lo = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    auto same = [&](std::string_view a, std::string_view b) {
        return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                                  [&](char x, char y) { return lo(x) == lo(y); });
    };
    for (const auto& t : m_titles)
        if (same(t.title, title)) return t.title;
    return {};
}

namespace {

// The one dictionary person whose name has the same last word, contains (or is contained in)
// the office holder's name, and holds a dated role in the same country during the term:
// "Abdul Karim al Kabariti" for Abdul Karim Kabariti, "Hojatolislam Sayyed Ali Khamenei".
std::optional<uint32_t> fuller_name_match(const std::vector<PersonEntry>& people,
                                          const std::string& folded, const std::string& code,
                                          const OfficeTerm& t, const SurnameIndex& by_surname) {
    const auto words = name_words(folded);
    if (words.size() < 2) return std::nullopt;
    auto it = by_surname.find(words.back());
    if (it == by_surname.end()) return std::nullopt;
    std::optional<uint32_t> found;
    for (uint32_t i : it->second) {
        const bool serving =
            std::any_of(people[i].roles.begin(), people[i].roles.end(), [&](const DatedRole& r) {
                if ((!r.from && !r.to) || r.code.compare(0, 3, code, 0, 3) != 0) return false;
                return !(r.to && t.from && *r.to < *t.from) && !(r.from && t.to && *t.to < *r.from);
            });
        if (!serving || !words_within(words, name_words(fold_phrase(people[i].name)))) continue;
        if (found && *found != i) return std::nullopt;  // two candidates: trust neither
        found = i;
    }
    return found;
}

}  // namespace

void Gazetteer::load_office_holders(const Knowledge& kb,
                                    const std::vector<std::string_view>& particles) {
    const std::string file = "gazetteer/office-holders.tsv";
    if (!kb.has(file)) return;
    const auto rows = kb.rows(file);
    m_offices.reserve(rows.size());
    // Dictionary people by last word (only the last words this file needs), for names the
    // dictionaries spell more fully. Display names are mostly ASCII: fold only when not.
    SurnameIndex by_surname;
    by_surname.reserve(rows.size());
    for (const auto& row : rows) {
        const auto words = name_words(fold_phrase(col(row, 0)));
        if (words.size() > 1) by_surname.try_emplace(words.back());
    }
    std::string last;
    for (uint32_t i = 0; i < m_people.size(); ++i) {
        const std::string_view name = m_people[i].name;
        const auto cut = name.find_last_of(" -");
        if (cut == std::string_view::npos) continue;
        last.assign(name.substr(cut + 1));
        bool ascii = true;
        for (auto& c : last) {
            if (c >= 'A' && c <= 'Z')
                c = static_cast<char>(c + 32);
            else if (static_cast<unsigned char>(c) >= 0x80)
                ascii = false;
        }
        auto it = by_surname.find(ascii ? last : fold_phrase(last));
        if (it != by_surname.end()) it->second.push_back(i);
    }
    for (const auto& row : rows) {
        if (col(row, 0).empty() || col(row, 1).empty() || col(row, 2).empty()) continue;
        OfficeTerm t;
        t.name = col(row, 0);
        t.title = canonical_title(col(row, 1));
        if (t.title.empty()) throw Error(file + ": unknown title '" + col(row, 1) + "'");
        const auto* c = country_by_code(col(row, 2));
        t.country = c ? c->code : col(row, 2);
        t.from = parse_iso_day(col(row, 3), t.name);
        t.to = parse_iso_day(col(row, 4), t.name);
        const auto ti = static_cast<uint32_t>(m_offices.size());
        m_office_index[t.title + '|' + t.country].push_back(ti);

        std::vector<std::string> folded{fold_phrase(t.name)};
        for (auto a : split_bar(col(row, 5))) folded.push_back(fold_phrase(a));
        for (const auto& f : folded) {
            auto& v = m_office_people[person_key(f)];
            if (v.empty() || v.back() != ti) v.push_back(ti);
        }

        // The same person in the dictionaries: by display name, then by a unique phrase hit;
        // the primary name first, so that a shared alias ("George Bush") cannot mislead.
        std::optional<uint32_t> idx;
        for (const auto& f : folded) {
            if (auto it = m_person_names.find(f); it != m_person_names.end()) {
                idx = it->second;
                break;
            }
            std::optional<uint32_t> hit;
            bool unique = true;
            if (const auto* hits = find(f))
                for (const auto& h : *hits)
                    if (h.kind == GazKind::person) {
                        if (hit && *hit != h.index) unique = false;
                        hit = h.index;
                    }
            if (hit && unique) {
                idx = hit;
                break;
            }
        }
        const std::string code = t.country.size() == 3 ? t.country + "GOV" : t.country;
        if (!idx) idx = fuller_name_match(m_people, folded.front(), code, t, by_surname);
        if (!idx) {
            idx = static_cast<uint32_t>(m_people.size());
            m_people.push_back(PersonEntry{t.name, {}});
            m_person_names.emplace(folded.front(), *idx);
        }
        // A dated role unless a dated role with the same code already overlaps the term.
        auto& roles = m_people[*idx].roles;
        const bool covered = std::any_of(roles.begin(), roles.end(), [&](const DatedRole& r) {
            if (r.code != code || (!r.from && !r.to)) return false;
            return !(r.to && t.from && *r.to < *t.from) && !(r.from && t.to && *t.to < *r.from);
        });
        if (!covered) {
            roles.push_back(DatedRole{code, t.from, t.to});
            auto& holders = m_role_index[code];
            if (std::find(holders.begin(), holders.end(), *idx) == holders.end())
                holders.push_back(*idx);
        }
        for (const auto& f : folded) {
            if (f.find(' ') == std::string::npos && is_common_word(f)) continue;
            if (starts_with_title(f)) continue;
            bool other = false;  // a key already naming someone else stays theirs
            if (const auto* hits = find(f))
                for (const auto& h : *hits)
                    if (h.kind == GazKind::person && h.index != *idx) other = true;
            if (!other) add_person_key(f, *idx, particles);
        }
        m_offices.push_back(std::move(t));
    }
}

std::vector<const OfficeTerm*> Gazetteer::office_holders(std::string_view title,
                                                         std::string_view country,
                                                         date::sys_days day) const {
    std::vector<const OfficeTerm*> out;
    const std::string canon = canonical_title(title);
    if (canon.empty()) return out;
    const auto* c = country_by_code(country);
    auto it = m_office_index.find(canon + '|' + (c ? c->code : std::string(country)));
    if (it == m_office_index.end()) return out;
    for (uint32_t i : it->second)
        if (in_term(m_offices[i], day)) out.push_back(&m_offices[i]);
    return out;
}

std::vector<const OfficeTerm*> Gazetteer::offices_of(std::string_view folded_name,
                                                     date::sys_days day) const {
    std::vector<const OfficeTerm*> out;
    auto it = m_office_people.find(person_key(fold_phrase(folded_name)));
    if (it == m_office_people.end()) return out;
    for (uint32_t i : it->second)
        if (in_term(m_offices[i], day)) out.push_back(&m_offices[i]);
    return out;
}

bool Gazetteer::starts_with_title(std::string_view folded) const {
    // Any title before the last word: "president boris yeltsin", "russian president vladimir
    // putin".
    const std::size_t last = folded.rfind(' ');
    if (last == std::string_view::npos) return false;
    for (std::size_t b = 0; b < last; b = folded.find(' ', b) + 1) {
        for (std::size_t j = folded.find(' ', b); j != std::string_view::npos && j <= last;
             j = folded.find(' ', j + 1)) {
            if (const auto* hits = find(folded.substr(b, j - b)))
                for (const auto& h : *hits)
                    if (h.kind == GazKind::title) return true;
        }
        if (folded.find(' ', b) == std::string_view::npos) break;
    }
    return false;
}

const std::vector<GazMatch>* Gazetteer::find(std::string_view folded) const {
    auto it = m_phrases.find(folded);
    return it == m_phrases.end() ? nullptr : &it->second;
}

const CountryEntry* Gazetteer::country_by_code(std::string_view code) const {
    auto it = m_country_index.find(code);
    return it == m_country_index.end() ? nullptr : &m_countries[it->second];
}

const OrgEntry* Gazetteer::organisation_by_code(std::string_view code) const {
    auto it = m_org_index.find(code);
    return it == m_org_index.end() ? nullptr : &m_orgs[it->second];
}

std::optional<uint32_t> Gazetteer::person_by_name(std::string_view folded) const {
    auto it = m_person_names.find(folded);
    if (it == m_person_names.end()) return std::nullopt;
    return it->second;
}

std::vector<uint32_t> Gazetteer::holders(std::string_view code, date::sys_days day) const {
    std::vector<uint32_t> out;
    auto it = m_role_index.find(code);
    if (it == m_role_index.end()) return out;
    for (uint32_t idx : it->second) {
        for (const auto& r : m_people[idx].roles) {
            if (r.code != code) continue;
            if ((r.from && day < *r.from) || (r.to && day > *r.to)) continue;
            out.push_back(idx);
            break;
        }
    }
    return out;
}

bool Gazetteer::is_common_word(std::string_view lower) const {
    return m_words.count(lower) > 0;
}

bool Gazetteer::acronym_only(std::string_view folded) const {
    return m_acronym.find(folded) != m_acronym.end();
}

}  // namespace parley::detail
