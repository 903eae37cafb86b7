// The PETRARCH verb-pattern coder. It reads the verb dictionary the way PETRARCH does (synsets,
// verb forms, compound verbs, patterns with slots and codes) and codes each sentence with a
// shallow, TABARI-like reading: the verb, its patterns tried most specific first against the
// words around it (sparse: other words may come between pattern words unless '_' ties them),
// then the source (the subject before the verb) and the target (the first actor after it).
#include "events/petrarch_coder.hpp"

#include "core/fnv.hpp"

#include "actors/gazetteer.hpp"
#include "actors/lexer.hpp"

#include <parley/error.hpp>
#include <parley/text.hpp>

#include <algorithm>
#include <fstream>
#include <functional>
#include <optional>
#include <set>
#include <tuple>

namespace parley::detail {

namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

std::vector<std::string_view> split_ws(std::string_view s) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && is_space(s[i])) ++i;
        const auto b = i;
        while (i < s.size() && !is_space(s[i])) ++i;
        if (i > b) out.push_back(s.substr(b, i - b));
    }
    return out;
}

// Words of a dictionary phrase: "AUSTRIAN FLORIN", "GOLDEN_GOBLIN_GALLEONS" -> folded words.
std::vector<std::string> phrase_words(std::string_view s) {
    std::vector<std::string> out;
    std::string cur;
    auto flush = [&] {
        if (!cur.empty()) out.push_back(cur.front() == '&' ? cur : fold_word(cur));
        cur.clear();
    };
    for (char c : s) {
        if (is_space(c) || c == '_')
            flush();
        else if (c != '+' || !cur.empty())
            cur += c;
    }
    flush();
    return out;
}

// One code of a bracket body: "032" from "032", "025?", "210a"; none from "---", "+++", "abc".
std::string digits_of(std::string_view c) {
    c = trim(c);
    std::string out;
    for (char ch : c) {
        if (ch < '0' || ch > '9') break;
        out += ch;
    }
    return out.size() >= 2 ? out : std::string();
}

// The first "[...]" of `text`: (source->target code, target->source code). `found` tells
// whether there was a bracket at all ("[---]" is found, with no code).
std::pair<std::string, std::string> codes_of(std::string_view text, bool& found) {
    found = false;
    const auto open = text.find('[');
    if (open == std::string_view::npos) return {};
    const auto close = text.find(']', open);
    if (close == std::string_view::npos) return {};
    found = true;
    const auto body = text.substr(open + 1, close - open - 1);
    const auto colon = body.find(':');
    if (colon == std::string_view::npos) return {digits_of(body), {}};
    return {digits_of(body.substr(0, colon)), digits_of(body.substr(colon + 1))};
}

std::string synset_name(std::string_view s) {
    std::string out(s);
    while (!out.empty() && out.back() == '_') out.pop_back();
    for (auto& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    return out;
}

// "- $ NOT * ^ TO_ + [124]" (the text between '-' and '['): '_' ties two elements together.
bool parse_pattern(std::string_view text, VerbPattern& p) {
    std::vector<std::pair<std::string, bool>> parts;  // text, tied to the next
    std::string cur;
    for (char c : text) {
        if (is_space(c) || c == '_') {
            if (!cur.empty()) parts.emplace_back(std::move(cur), false);
            if (c == '_' && !parts.empty()) parts.back().second = true;
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (!cur.empty()) parts.emplace_back(std::move(cur), false);
    std::vector<PatternElem> elems;
    int star = -1;
    bool star_tied = false;
    for (const auto& [part, tied] : parts) {
        if (part == "*") {
            if (star >= 0) return false;
            star = static_cast<int>(elems.size());
            star_tied = tied;
            continue;
        }
        PatternElem el;
        if (part == "+")
            el.kind = PatternElem::target;
        else if (part == "$")
            el.kind = PatternElem::source;
        else if (part == "%")
            el.kind = PatternElem::compound;
        else if (part == "^")
            el.kind = PatternElem::skip;
        else if (part.front() == '&') {
            el.kind = PatternElem::synset;
            el.text = synset_name(std::string_view(part).substr(1));
        } else {
            el.text = fold_word(part);
        }
        el.joined_next = tied;
        elems.push_back(std::move(el));
    }
    if (star < 0) return false;
    const auto at = elems.begin() + star;
    p.pre.assign(elems.begin(), at);
    p.post.assign(at, elems.end());
    p.pre_joined = !p.pre.empty() && p.pre.back().joined_next;
    p.post_joined = star_tied;
    p.weight = elems.size();
    return true;
}

}  // namespace

// --- regular forms -------------------------------------------------------------------------

namespace {

bool vowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

// "ban" doubles its last letter before -ed/-ing; "open", "visit" (two vowel groups) do not.
bool doubles(const std::string& w) {
    if (w.size() < 3) return false;
    const char a = w[w.size() - 3], b = w[w.size() - 2], c = w.back();
    if (vowel(a) || !vowel(b) || vowel(c) || c == 'w' || c == 'x' || c == 'y') return false;
    int groups = 0;
    for (std::size_t i = 0; i < w.size(); ++i)
        groups += vowel(w[i]) && (i == 0 || !vowel(w[i - 1]));
    return groups == 1;
}

}  // namespace

std::vector<std::string> petrarch_inflections(const std::string& w, bool past) {
    std::vector<std::string> out;
    if (w.empty()) return out;
    const char last = w.back();
    const bool cons_y = last == 'y' && w.size() > 1 && !vowel(w[w.size() - 2]);
    const std::string stem = w.substr(0, w.size() - 1);
    if (w.ends_with("s") || w.ends_with("x") || w.ends_with("z") || w.ends_with("ch") ||
        w.ends_with("sh"))
        out.push_back(w + "es");
    else
        out.push_back(cons_y ? stem + "ies" : w + "s");
    if (past) {
        if (last == 'e')
            out.push_back(w + "d");
        else if (cons_y)
            out.push_back(stem + "ied");
        else if (doubles(w))
            out.push_back(w + last + "ed");
        else
            out.push_back(w + "ed");
    }
    if (w.ends_with("ie"))
        out.push_back(w.substr(0, w.size() - 2) + "ying");
    else if (last == 'e' && !w.ends_with("ee") && !w.ends_with("ye") && !w.ends_with("oe"))
        out.push_back(stem + "ing");
    else if (doubles(w))
        out.push_back(w + last + "ing");
    else
        out.push_back(w + "ing");
    return out;
}

// --- the dictionary ----------------------------------------------------------------------

PetrarchVerbs::PetrarchVerbs(const Knowledge& kb) {
    for (const auto& path : kb.verb_dictionaries) read(path);
    finish();
    if (blocks.empty()) return;
    if (kb.has("lexicon/group-sectors.tsv"))
        for (const auto& row : kb.rows("lexicon/group-sectors.tsv")) {
            if (row.size() < 2 || row[1].empty()) continue;
            auto words = phrase_words(row[0]);
            if (words.empty()) continue;
            agents.emplace(words, row[1]);
            // "officials" -> "official" too (news name one official as often as many).
            auto& last = words.back();
            if (last.size() > 3 && last.ends_with("ies"))
                last = last.substr(0, last.size() - 3) + "y";
            else if (last.size() > 3 && last.ends_with('s') && !last.ends_with("ss"))
                last.pop_back();
            agents.emplace(words, row[1]);
            max_agent = std::max(max_agent, words.size());
        }
    if (kb.has("lexicon/function-words.tsv"))
        for (const auto& row : kb.rows("lexicon/function-words.tsv")) {
            if (row.size() < 2) continue;
            auto* set = row[0] == "determiner" ? &determiners : row[0] == "aux" ? &aux : nullptr;
            if (!set) continue;
            std::string_view ws = row[1];
            while (!ws.empty()) {
                const auto bar = ws.find('|');
                set->insert(std::string(ws.substr(0, bar)));
                ws = bar == std::string_view::npos ? std::string_view() : ws.substr(bar + 1);
            }
        }
    if (kb.has("lexicon/speech-verbs.txt"))
        for (const auto& w : kb.lines("lexicon/speech-verbs.txt"))
            speech_verbs.insert(fold_word(w));
    if (kb.has("lexicon/prepositions.txt"))
        for (const auto& w : kb.lines("lexicon/prepositions.txt"))
            prepositions.insert(fold_word(w));
}

void PetrarchVerbs::read(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!std::filesystem::is_regular_file(path) || !in)
        throw Error(path.string() + ": cannot read verb dictionary");
    enum { none, in_synset, in_block } state = none;
    std::string synset;
    std::string block_code, block_reverse;
    bool block_coded = false;
    std::string raw;
    std::size_t lineno = 0;
    while (std::getline(in, raw)) {
        ++lineno;
        std::string_view line(raw);
        if (const auto hash = line.find('#'); hash != std::string_view::npos)
            line = line.substr(0, hash);
        line = trim(line);
        if (line.empty() || line.starts_with("<!")) continue;
        if (line.starts_with("---")) {
            auto body = line.substr(3);
            const auto open = body.find('[');
            VerbBlock b;
            b.name = std::string(trim(body.substr(0, std::min(open, body.find("---")))));
            bool found = false;
            auto [code, reverse] = codes_of(body, found);
            block_code = code;
            block_reverse = reverse;
            block_coded = !code.empty();
            blocks.push_back(std::move(b));
            state = in_block;
            continue;
        }
        if (line.front() == '&') {
            synset = synset_name(split_ws(line.substr(1)).front());
            synsets[synset];
            state = in_synset;
            continue;
        }
        if (state == in_synset) {
            if (line.front() == '+') {
                auto words = phrase_words(line.substr(1));
                if (!words.empty()) synsets[synset].push_back(std::move(words));
            }
            continue;
        }
        if (state != in_block) continue;
        if (line.front() == '-') {
            const auto open = line.find('[');
            if (open == std::string_view::npos) continue;
            VerbPattern p;
            if (!parse_pattern(line.substr(1, open - 1), p)) continue;
            bool found = false;
            std::tie(p.code, p.reverse) = codes_of(line.substr(open), found);
            blocks.back().patterns.push_back(std::move(p));
            continue;
        }
        // A verb line: "BREAK { BROKE BROKEN }", "+BREAK_DOWN {+BREAKS_DOWN ...}",
        // "KLM_NOP_+RST [002]", "LASH OUT".
        const auto stop = line.find_first_of("{[");
        std::string_view head = trim(line.substr(0, stop));
        std::string_view rest =
            stop == std::string_view::npos ? std::string_view() : line.substr(stop);
        std::vector<std::string_view> braced;
        if (!rest.empty() && rest.front() == '{') {
            const auto cb = rest.find('}');
            if (cb == std::string_view::npos)
                throw Error(path.string() + ":" + std::to_string(lineno) + ": unclosed '{'");
            braced = split_ws(rest.substr(1, cb - 1));
            rest = rest.substr(cb + 1);
        }
        bool found = false;
        auto [code, reverse] = codes_of(rest, found);
        VerbForm proto;
        proto.block = blocks.size() - 1;
        proto.code = found ? code : block_code;
        proto.reverse = found ? reverse : block_reverse;
        proto.coded = found ? !code.empty() : block_coded;

        // The head word (marked '+', else the first) takes the regular endings.
        std::size_t head_index = 0;
        {
            std::size_t n = 0;
            std::string cur;
            for (char c : head) {
                if (is_space(c) || c == '_') {
                    if (!cur.empty()) ++n, cur.clear();
                } else if (c == '+') {
                    head_index = n;
                } else {
                    cur += c;
                }
            }
        }
        std::vector<std::vector<std::string>> spellings;
        auto base = phrase_words(head);
        if (base.empty()) continue;
        if (head_index >= base.size()) head_index = 0;
        spellings.push_back(base);
        for (const auto& w : petrarch_inflections(base[head_index], braced.empty())) {
            auto s = base;
            s[head_index] = w;
            spellings.push_back(std::move(s));
        }
        for (auto b : braced) {
            auto words = phrase_words(b);
            if (!words.empty()) spellings.push_back(std::move(words));
        }
        for (auto& s : spellings) {
            VerbForm f = proto;
            f.words = std::move(s);
            auto& list = forms[f.words.front()];
            const bool dup = std::any_of(list.begin(), list.end(), [&](const VerbForm& o) {
                return o.words == f.words && o.block == f.block;
            });
            if (!dup) list.push_back(std::move(f));
        }
    }
}

void PetrarchVerbs::finish() {
    for (auto& b : blocks)
        std::stable_sort(
            b.patterns.begin(), b.patterns.end(),
            [](const VerbPattern& a, const VerbPattern& c) { return a.weight > c.weight; });
    // Longest spelling first, so "break down" is tried before "break".
    for (auto& [w, list] : forms)
        std::stable_sort(list.begin(), list.end(), [](const VerbForm& a, const VerbForm& c) {
            return a.words.size() > c.words.size();
        });
}

}  // namespace parley::detail

namespace parley {

namespace {

using detail::Gazetteer;
using detail::GazKind;
using detail::PatternElem;
using detail::PetrarchVerbs;
using detail::VerbPattern;

// An actor where the coder can see it: tokens [b, e) and who it stands for (one actor, or an
// agent of several countries: "lawmakers in Fornost and Gondor").
struct Ref {
    int b = 0, e = 0;
    std::vector<Participant> people;
};

struct Sent {
    const PetrarchVerbs* dict = nullptr;
    std::vector<Token> toks;
    std::vector<std::string> words;  ///< folded, possessive "'s" dropped
    std::vector<Ref> refs;           ///< in text order
    std::vector<int> ref_at;         ///< token -> ref index, -1
    std::vector<int> list_of;        ///< ref -> list id (refs joined by "and", ",")
    int n() const { return static_cast<int>(toks.size()); }
    bool punct(int i) const { return toks[static_cast<std::size_t>(i)].shape == Shape::punct; }
    const std::string& w(int i) const { return words[static_cast<std::size_t>(i)]; }
};

bool is_joiner(const std::string& w) {
    return w == "," || w == "and" || w == "or" || w == "&";
}

// Whether the words [b, e) can stand between two members of a list: a joiner, and otherwise
// only determiners and modifiers ("Fornost and the evil awful Gondor", ", the Shire,").
bool list_gap(const Sent& s, int b, int e) {
    if (e - b > 5) return false;
    bool joiner = false;
    for (int i = b; i < e; ++i) {
        const auto& w = s.w(i);
        if (is_joiner(w)) {
            joiner = true;
            continue;
        }
        // Modifiers belong to the next member: ", the awful Fornost", not "Peres yesterday,".
        if (!joiner || s.punct(i) || s.dict->prepositions.count(w) || s.dict->aux.count(w))
            return false;
        if (s.dict->forms.count(w)) return false;
    }
    return joiner;
}

// Words a noun-phrase modifier may be ("first", "Deputy"): a word, not a preposition, not
// punctuation.
bool modifier(const Sent& s, int i) {
    const auto& w = s.w(i);
    return !s.punct(i) && !s.dict->prepositions.count(w) && !is_joiner(w) &&
           !s.dict->forms.count(w);
}

Participant participant_of(const Actor& a, const Mention& m) {
    Participant p;
    p.name = a.name;
    p.kind = a.kind;
    p.country = a.country;
    p.title = !m.title.empty() ? m.title : a.titles.empty() ? std::string() : a.titles.front();
    return p;
}

// The agent phrase starting at token i: its length and sector (0 when none).
int agent_at(const Sent& s, int i, std::string& sector) {
    const auto& ag = s.dict->agents;
    for (int len = static_cast<int>(std::min<std::size_t>(s.dict->max_agent, s.toks.size() - i));
         len >= 1; --len) {
        std::vector<std::string> key;
        bool ok = true;
        for (int k = i; k < i + len; ++k) {
            if (s.ref_at[static_cast<std::size_t>(k)] >= 0 || s.punct(k)) {
                ok = false;
                break;
            }
            key.push_back(s.w(k));
        }
        if (!ok) continue;
        if (auto it = ag.find(key); it != ag.end()) {
            sector = it->second;
            return len;
        }
    }
    return 0;
}

void index_refs(Sent& s) {
    std::sort(s.refs.begin(), s.refs.end(), [](const Ref& a, const Ref& b) { return a.b < b.b; });
    s.ref_at.assign(s.toks.size(), -1);
    for (std::size_t r = 0; r < s.refs.size(); ++r)
        for (int i = s.refs[r].b; i < s.refs[r].e; ++i)
            s.ref_at[static_cast<std::size_t>(i)] = static_cast<int>(r);
    s.list_of.assign(s.refs.size(), 0);
    int id = 0;
    for (std::size_t r = 0; r < s.refs.size(); ++r) {
        if (r > 0 && !list_gap(s, s.refs[r - 1].e, s.refs[r].b)) ++id;
        s.list_of[r] = id;
    }
}

// Agents: "the Calenardhon government", "Dagolath's first Deputy Prime Minister Telemar",
// "the ambassadors of Arnor, Osgiliath and Gondor", "lawmakers and officials in Fornost",
// "a senior official" (no country: ---GOV).
void attach_agents(Sent& s, const Document& doc) {
    index_refs(s);
    struct Agent {
        int b, e;
        std::string text;
    };
    std::vector<Ref> out;
    std::vector<bool> used(s.refs.size(), false);
    int i = 0;
    const int n = s.n();
    while (i < n) {
        std::string sector;
        int len = s.ref_at[static_cast<std::size_t>(i)] < 0 ? agent_at(s, i, sector) : 0;
        if (!len) {
            ++i;
            continue;
        }
        // A list of agents: "lawmakers and officials".
        std::vector<Agent> group;
        int b = i, e = i + len;
        auto text_of = [&](int x, int y) {
            return std::string(doc.slice(s.toks[static_cast<std::size_t>(x)].begin,
                                         s.toks[static_cast<std::size_t>(y - 1)].end));
        };
        group.push_back({b, e, text_of(b, e)});
        while (e + 1 < n && (s.w(e) == "and" || s.w(e) == "," || s.w(e) == "or")) {
            const int l2 = agent_at(s, e + 1, sector);
            if (!l2) break;
            group.push_back({e + 1, e + 1 + l2, text_of(e + 1, e + 1 + l2)});
            e = e + 1 + l2;
        }
        Ref merged;
        merged.b = b;
        merged.e = e;
        std::vector<int> countries;  // refs the agents belong to
        // Before: "Calenardhon government", "Ithilen's president", "Bree official".
        int k = b - 1, gap = 0;
        while (k >= 0 && s.ref_at[static_cast<std::size_t>(k)] < 0 && gap < 3 && modifier(s, k))
            --k, ++gap;
        if (k >= 0 && s.ref_at[static_cast<std::size_t>(k)] >= 0) {
            const int r = s.ref_at[static_cast<std::size_t>(k)];
            if (!used[static_cast<std::size_t>(r)] &&
                s.refs[static_cast<std::size_t>(r)].e == k + 1 &&
                s.refs[static_cast<std::size_t>(r)].people.size() == 1 &&
                s.refs[static_cast<std::size_t>(r)].people[0].kind == ActorKind::country) {
                countries.push_back(r);
                merged.b = s.refs[static_cast<std::size_t>(r)].b;
            }
        }
        // After: "ambassadors of Arnor, Osgiliath and Gondor", "lawmakers in Fornost".
        if (countries.empty() && e + 1 < n &&
            (s.w(e) == "of" || s.w(e) == "in" || s.w(e) == "from")) {
            int j = e + 1;
            while (j < n && s.dict->determiners.count(s.w(j))) ++j;
            int r = j < n ? s.ref_at[static_cast<std::size_t>(j)] : -1;
            while (r >= 0 && s.refs[static_cast<std::size_t>(r)].b == j) {
                const auto& ref = s.refs[static_cast<std::size_t>(r)];
                if (ref.people.size() != 1 || ref.people[0].kind != ActorKind::country) break;
                countries.push_back(r);
                merged.e = ref.e;
                const auto next = static_cast<std::size_t>(r + 1);
                if (next >= s.refs.size() || !list_gap(s, ref.e, s.refs[next].b)) break;
                j = s.refs[next].b;
                r = static_cast<int>(next);
            }
        }
        for (const auto& a : group) {
            if (countries.empty()) {
                Participant p;
                p.name = a.text;
                p.kind = ActorKind::group;
                p.title = a.text;
                merged.people.push_back(std::move(p));
            }
            for (int r : countries) {
                const auto& c = s.refs[static_cast<std::size_t>(r)].people[0];
                Participant p;
                p.name = c.name + " " + a.text;
                p.kind = ActorKind::group;
                p.country = c.country;
                p.title = a.text;
                merged.people.push_back(std::move(p));
            }
        }
        for (int r : countries) used[static_cast<std::size_t>(r)] = true;
        // The person the title names: "Deputy Prime Minister Telemar".
        if (e < n && s.ref_at[static_cast<std::size_t>(e)] >= 0) {
            const int r = s.ref_at[static_cast<std::size_t>(e)];
            if (s.refs[static_cast<std::size_t>(r)].b == e && !used[static_cast<std::size_t>(r)] &&
                !countries.empty()) {
                used[static_cast<std::size_t>(r)] = true;
                merged.e = s.refs[static_cast<std::size_t>(r)].e;
            }
        }
        out.push_back(std::move(merged));
        i = std::max(e, out.back().e);
    }
    for (std::size_t r = 0; r < s.refs.size(); ++r)
        if (!used[r]) out.push_back(std::move(s.refs[r]));
    s.refs = std::move(out);
    index_refs(s);
}

// --- pattern matching ------------------------------------------------------------------------

struct Bindings {
    int source = -1, target = -1, compound = -1;
    bool compound_pre = false;
    std::vector<int> skipped;
};

// Whether the phrase `words` (which may name synsets) lies at tokens [pos, ...) going right,
// or ends at pos going left; `end` gets the position past it.
bool phrase_at(const Sent& s, const std::vector<std::string>& words, int pos, int dir, int& end,
               int depth);

bool synset_at(const Sent& s, const std::string& name, int pos, int dir, int& end, int depth) {
    if (depth > 4) return false;
    auto it = s.dict->synsets.find(name);
    if (it == s.dict->synsets.end()) return false;
    for (const auto& member : it->second)
        if (phrase_at(s, member, pos, dir, end, depth + 1)) return true;
    return false;
}

bool word_is(const Sent& s, int i, const std::string& w) {
    const auto& t = s.w(i);
    return t == w ||
           (t.size() == w.size() + 1 && t.back() == 's' && t.compare(0, w.size(), w) == 0);
}

bool phrase_at(const Sent& s, const std::vector<std::string>& words, int pos, int dir, int& end,
               int depth) {
    int p = pos;
    const int n = static_cast<int>(words.size());
    for (int k = 0; k < n; ++k) {
        const auto& w = words[static_cast<std::size_t>(dir > 0 ? k : n - 1 - k)];
        if (p < 0 || p >= s.n()) return false;
        if (!w.empty() && w.front() == '&') {
            int e2 = 0;
            if (!synset_at(s, detail::synset_name(std::string_view(w).substr(1)), p, dir, e2,
                           depth))
                return false;
            p = e2;
            continue;
        }
        if (!word_is(s, p, w)) return false;
        p += dir;
    }
    end = p;
    return true;
}

// Matches the elements `els` (already ordered outward from the verb) from `pos` in direction
// `dir`; tied[i]: element i must sit right at its position.
bool match_elems(const Sent& s, const std::vector<const PatternElem*>& els,
                 const std::vector<bool>& tied, std::size_t i, int pos, int dir, Bindings& b,
                 bool pre) {
    if (i == els.size()) return true;
    const PatternElem& el = *els[i];
    const int limit = dir > 0 ? s.n() : -1;
    for (int p = pos; p != limit; p += dir) {
        int end = 0;
        bool ok = false;
        int ref = -1;
        switch (el.kind) {
            case PatternElem::word:
                ok = word_is(s, p, el.text);
                end = p + dir;
                break;
            case PatternElem::synset:
                ok = synset_at(s, el.text, p, dir, end, 0);
                break;
            default: {
                // A slot: an actor starting (going right) or ending (going left) here, after
                // any determiners ("with the leaders of Gondor").
                int q = p;
                while (q >= 0 && q < s.n() && s.ref_at[static_cast<std::size_t>(q)] < 0 &&
                       s.dict->determiners.count(s.w(q)))
                    q += dir;
                if (q < 0 || q >= s.n()) break;
                ref = s.ref_at[static_cast<std::size_t>(q)];
                if (ref < 0) break;
                const auto& r = s.refs[static_cast<std::size_t>(ref)];
                if ((dir > 0 && r.b != q) || (dir < 0 && r.e != q + 1)) break;
                ok = true;
                end = dir > 0 ? r.e : r.b - 1;
            }
        }
        if (ok) {
            Bindings saved = b;
            switch (el.kind) {
                case PatternElem::source:
                    b.source = ref;
                    break;
                case PatternElem::target:
                    b.target = ref;
                    break;
                case PatternElem::compound:
                    b.compound = ref;
                    b.compound_pre = pre;
                    break;
                case PatternElem::skip:
                    b.skipped.push_back(ref);
                    break;
                default:
                    break;
            }
            if (match_elems(s, els, tied, i + 1, end, dir, b, pre)) return true;
            b = saved;
        }
        if (tied[i]) break;  // no word may come between
    }
    return false;
}

bool match_pattern(const Sent& s, const VerbPattern& p, int vb, int ve, Bindings& b) {
    // Before the verb, outward (right to left).
    std::vector<const PatternElem*> els;
    std::vector<bool> tied;
    for (std::size_t k = p.pre.size(); k-- > 0;) {
        els.push_back(&p.pre[k]);
        tied.push_back(p.pre[k].joined_next);
    }
    if (!match_elems(s, els, tied, 0, vb - 1, -1, b, true)) return false;
    els.clear();
    tied.clear();
    for (std::size_t k = 0; k < p.post.size(); ++k) {
        els.push_back(&p.post[k]);
        tied.push_back(k == 0 ? p.post_joined : p.post[k - 1].joined_next);
    }
    return match_elems(s, els, tied, 0, ve, 1, b, false);
}

// --- source and target -------------------------------------------------------------------------

bool clause_word(const std::string& w) {
    return w == ";" || w == ":" || w == "that" || w == "which" || w == "who" || w == "whom" ||
           w == "when" || w == "while" || w == "because" || w == "if" || w == "although" ||
           w == "(" || w == ")" || w == "\"" || w == "-" || w == "--" || w == "\u2014";
}

// Whether the comma at i lies inside a list of actors ("Mordor, Rohan and Bree").
bool list_comma(const Sent& s, int i) {
    int l = i - 1;
    while (l >= 0 && s.ref_at[static_cast<std::size_t>(l)] < 0 && !s.punct(l)) --l;
    int r = i + 1;
    while (r < s.n() && s.ref_at[static_cast<std::size_t>(r)] < 0 && !s.punct(r) &&
           s.dict->prepositions.count(s.w(r)) == 0)
        ++r;
    if (l < 0 || r >= s.n()) return false;
    const int a = s.ref_at[static_cast<std::size_t>(l)], b = s.ref_at[static_cast<std::size_t>(r)];
    return a >= 0 && b >= 0 &&
           s.list_of[static_cast<std::size_t>(a)] == s.list_of[static_cast<std::size_t>(b)];
}

std::vector<int> list_members(const Sent& s, int ref, int lo, int hi) {
    std::vector<int> out;
    for (std::size_t r = 0; r < s.refs.size(); ++r)
        if (s.list_of[r] == s.list_of[static_cast<std::size_t>(ref)] && s.refs[r].b >= lo &&
            s.refs[r].e <= hi)
            out.push_back(static_cast<int>(r));
    return out;
}

// The subject of the verb at vb: the first actor of its clause with the actors listed with it
// (TABARI's rule; "The Calenardhon government condemned ... and promised aid").
// The token that opens the verb's clause (a comma, "that", ...), or -1 at the sentence start.
int clause_opener(const Sent& s, int vb) {
    int c = vb - 1;
    for (; c >= 0; --c) {
        if (s.ref_at[static_cast<std::size_t>(c)] >= 0) continue;
        const auto& w = s.w(c);
        if (clause_word(w) || (w == "," && !list_comma(s, c))) break;
    }
    return c;
}

std::vector<int> subject(const Sent& s, int vb) {
    const int start = clause_opener(s, vb) + 1;
    int first = -1;
    for (std::size_t r = 0; r < s.refs.size(); ++r) {
        if (s.refs[r].b < start || s.refs[r].e > vb) continue;
        if (first < 0) first = static_cast<int>(r);
    }
    if (first < 0) return {};
    const int pick = first;
    return list_members(s, pick, start, vb);
}

std::vector<int> object(const Sent& s, int from, const std::vector<int>& exclude) {
    for (std::size_t r = 0; r < s.refs.size(); ++r) {
        if (s.refs[r].b < from) continue;
        if (std::find(exclude.begin(), exclude.end(), static_cast<int>(r)) != exclude.end())
            continue;
        auto members = list_members(s, static_cast<int>(r), from, s.n());
        std::erase_if(members, [&](int m) {
            return std::find(exclude.begin(), exclude.end(), m) != exclude.end();
        });
        return members;
    }
    return {};
}

std::vector<Participant> people(const Sent& s, const std::vector<int>& refs) {
    std::vector<Participant> out;
    for (int r : refs)
        for (const auto& p : s.refs[static_cast<std::size_t>(r)].people) out.push_back(p);
    return out;
}

// Whether the dictionary word at i is a noun: a determiner before it, perhaps with modifiers
// between ("a visit", "a brief private visit", "their meeting").
// A title or a plural between ("the new mayor left", "the two sides met") makes it a verb again.
bool noun_use(const Sent& s, int i, const Gazetteer& gaz) {
    for (int k = i - 1, n = 0; k >= 0 && n <= 3; --k, ++n) {
        if (s.dict->determiners.count(s.w(k))) return true;
        const auto& w = s.w(k);
        bool title = w.size() > 2 && w.ends_with('s') && !w.ends_with("ss");
        if (const auto* hits = gaz.find(w))
            for (const auto& h : *hits) title = title || h.kind == GazKind::title;
        if (title || s.ref_at[static_cast<std::size_t>(k)] >= 0 || s.punct(k) ||
            s.toks[static_cast<std::size_t>(k)].shape != Shape::word_lower ||
            s.dict->aux.count(s.w(k)) || s.dict->prepositions.count(s.w(k)))
            return false;
    }
    return false;
}

// Whether the verb at vb is a passive participle: "was reported", "were quickly dispersed".
bool passive_at(const Sent& s, int vb) {
    const auto& v = s.w(vb);
    if (!v.ends_with("ed") && !v.ends_with("en")) return false;
    int k = vb - 1;
    if (k >= 0 && s.w(k).ends_with("ly")) --k;
    if (k < 0) return false;
    const auto& be = s.w(k);
    return be == "was" || be == "were" || be == "been" || be == "being" || be == "is" ||
           be == "are" || be == "be";
}

std::optional<EventType> type_of(const std::string& code) {
    const auto r = code.substr(0, 2);
    if (r == "01") return EventType::statement;
    if (r == "02") return EventType::appeal;
    if (r == "03") return EventType::other;
    if (r == "04") {
        const auto sub = code.substr(0, std::min<std::size_t>(3, code.size()));
        if (sub == "041") return EventType::phone_call;
        if (sub == "042") return EventType::visit;
        if (sub == "045") return EventType::mediation;
        if (sub == "046") return EventType::negotiation;
        return EventType::meeting;
    }
    if (r == "05") return code.starts_with("057") ? EventType::agreement : EventType::other;
    return std::nullopt;
}

}  // namespace

std::vector<Event> code_petrarch_events(const Document& doc, const ActorTable& actors,
                                        const std::vector<TimeSpan>& times, const Knowledge& kb) {
    std::vector<Event> out;
    if (kb.verb_dictionaries.empty()) return out;
    const auto& dict = kb.get<PetrarchVerbs>();
    if (dict.empty()) return out;
    const auto& gaz = kb.get<Gazetteer>();
    std::set<std::tuple<uint32_t, std::string, std::string, std::string>> seen;

    for (uint32_t si = 0; si < doc.sentences.size(); ++si) {
        const auto& sen = doc.sentences[si];
        Sent s;
        s.dict = &dict;
        s.toks = tokenize(doc.text, sen.begin, sen.end);
        if (s.toks.empty()) continue;
        for (const auto& t : s.toks) {
            auto w = fold(doc.slice(t.begin, t.end));
            if (w.size() > 2 && (w.ends_with("'s") || w.ends_with("\u2019s")))
                w.resize(w.size() - (w.ends_with("'s") ? 2 : 4));
            s.words.push_back(std::move(w));
        }
        for (const auto& m : actors.mentions) {
            if (m.sentence != si || m.actor < 0 || m.form == MentionForm::pronoun) continue;
            Ref r;
            r.b = -1;
            for (int i = 0; i < s.n(); ++i) {
                const auto& t = s.toks[static_cast<std::size_t>(i)];
                if (t.end <= m.begin || t.begin >= m.end) continue;
                if (r.b < 0) r.b = i;
                r.e = i + 1;
            }
            if (r.b < 0) continue;
            // "(EU)" after "the European Union": the same actor again.
            if (r.b > 0 && s.w(r.b - 1) == "(" && r.e < s.n() && s.w(r.e) == ")") continue;
            r.people.push_back(participant_of(actors.actors[static_cast<std::size_t>(m.actor)], m));
            s.refs.push_back(std::move(r));
        }
        // Overlapping mentions: keep the first.
        std::sort(s.refs.begin(), s.refs.end(),
                  [](const Ref& a, const Ref& b) { return a.b < b.b; });
        std::vector<Ref> kept;
        for (auto& r : s.refs)
            if (kept.empty() || r.b >= kept.back().e) kept.push_back(std::move(r));
        s.refs = std::move(kept);
        attach_agents(s, doc);

        // The sentence's date: the first resolved time expression inside it.
        const TimeSpan* when = nullptr;
        for (const auto& t : times)
            if (t.ok() && t.span.begin >= sen.begin && t.span.end <= sen.end) {
                when = &t;
                break;
            }

        bool coded_other = false;               // a verb other than an attribution coded
        std::vector<std::size_t> attributions;  // their events, indices into `out`
        for (int i = 0; i < s.n(); ++i) {
            if (s.ref_at[static_cast<std::size_t>(i)] >= 0) continue;
            auto it = dict.forms.find(s.w(i));
            if (it == dict.forms.end()) continue;
            // A capitalised word inside the sentence is a name, not a verb; after a
            // determiner the word is a noun ("a visit", "the talks").
            if (i > 0 && s.toks[static_cast<std::size_t>(i)].shape != Shape::word_lower) continue;
            if (noun_use(s, i, gaz)) continue;
            const detail::VerbForm* form = nullptr;
            for (const auto& f : it->second) {
                if (i + static_cast<int>(f.words.size()) > s.n()) continue;
                bool ok = true;
                for (std::size_t k = 1; k < f.words.size() && ok; ++k)
                    ok = s.w(i + static_cast<int>(k)) == f.words[k];
                if (ok) {
                    form = &f;
                    break;
                }
            }
            if (!form) continue;
            const int vb = i, ve = i + static_cast<int>(form->words.size());
            i = ve - 1;

            std::string code = form->coded ? form->code : std::string();
            std::string reverse = form->coded ? form->reverse : std::string();
            Bindings bind;
            for (const auto& p : dict.blocks[form->block].patterns) {
                Bindings b;
                if (!match_pattern(s, p, vb, ve, b)) continue;
                code = p.code;
                reverse = p.reverse;
                bind = b;
                break;
            }
            if (code.empty()) continue;
            if (!type_of(code)) {
                // Outside 01-05: no event, but the sentence has one ("restore ties", 064).
                coded_other = coded_other || bind.source >= 0 || !subject(s, vb).empty();
                continue;
            }
            // ", a senior official said": an attribution, coded only when the sentence has no
            // other event (PETRARCH codes the reported event, not the report).
            const bool attribution = dict.speech_verbs.count(s.w(vb)) && bind.source < 0 &&
                                     bind.target < 0 && clause_opener(s, vb) >= 0 &&
                                     s.w(clause_opener(s, vb)) == "," && object(s, ve, {}).empty();
            const std::size_t first_event = out.size();

            std::vector<int> src, tgt;
            bool both = false;  // '%' before the verb: the compound's members with each other
            if (bind.source >= 0) src = list_members(s, bind.source, 0, s.n());
            if (bind.target >= 0) tgt = list_members(s, bind.target, 0, s.n());
            if (bind.compound >= 0) {
                auto members = list_members(s, bind.compound, 0, s.n());
                if (bind.compound_pre && src.empty() && tgt.empty() && members.size() > 1)
                    both = true, src = members;
                else if (bind.compound_pre && src.empty())
                    src = members;
                else if (!bind.compound_pre && tgt.empty())
                    tgt = members;
            }
            // A passive ("a hafling was reported", "was hosted by Y"): its subject is the
            // target, and only "by X" names the source.
            const bool passive = !both && bind.source < 0 && passive_at(s, vb);
            if (passive) {
                if (tgt.empty()) tgt = subject(s, vb);
                for (int k = ve; k < std::min(s.n() - 1, ve + 4) && src.empty(); ++k)
                    if (s.w(k) == "by" && s.ref_at[static_cast<std::size_t>(k + 1)] >= 0)
                        src = list_members(s, s.ref_at[static_cast<std::size_t>(k + 1)], 0, s.n());
            }
            if (src.empty() && !both && !passive) src = subject(s, vb);
            if (tgt.empty() && !both) {
                auto exclude = src;
                for (int r : bind.skipped) exclude.push_back(r);
                tgt = object(s, ve, exclude);
            }

            auto emit = [&](const std::string& c, const Participant* a, const Participant* b) {
                const auto key = std::make_tuple(si, c, a ? a->name : "", b ? b->name : "");
                if (!seen.insert(key).second) return;
                Event e;
                e.type = *type_of(c);
                e.cameo = c;
                if (a) {
                    e.participants.push_back(*a);
                    e.participants.back().role = Role::source;
                }
                if (b) {
                    e.participants.push_back(*b);
                    e.participants.back().role = Role::target;
                }
                if (when) {
                    e.date.first = when->first;
                    e.date.last = when->last;
                    e.date.granularity = when->granularity;
                    e.date.expression = when->expression;
                }
                e.evidence.document = doc.source;
                e.evidence.sentence = std::string(doc.sentence_text(sen));
                e.evidence.begin = sen.begin;
                e.evidence.end = sen.end;
                e.sources.push_back(doc.source);
                e.confidence = 0.6;
                e.id = detail::hex16(detail::fnv1a(doc.id + ":" + std::to_string(sen.begin) + ":" +
                                                   c + ":" + std::to_string(vb) + ":" +
                                                   (a ? a->name : "") + ":" + (b ? b->name : "")));
                out.push_back(std::move(e));
            };

            const auto sp = people(s, src), tp = people(s, tgt);
            if (both) {
                for (const auto& a : sp)
                    for (const auto& b : sp)
                        if (&a != &b) emit(code, &a, &b);
                coded_other = coded_other || out.size() > first_event;
                continue;
            }
            // PETRARCH codes no event without a source.
            if (sp.empty()) continue;
            auto same = [](const Participant& a, const Participant& b) {
                return a.name == b.name && a.country == b.country;
            };
            if (tp.empty())
                for (const auto& a : sp) emit(code, &a, nullptr);
            for (const auto& a : sp)
                for (const auto& b : tp) {
                    if (same(a, b)) continue;
                    emit(code, &a, &b);
                    if (!reverse.empty() && type_of(reverse)) emit(reverse, &b, &a);
                }
            if (attribution)
                for (auto k = first_event; k < out.size(); ++k) attributions.push_back(k);
            else
                coded_other = coded_other || out.size() > first_event;
        }
        if (coded_other)
            for (auto k = attributions.rbegin(); k != attributions.rend(); ++k)
                out.erase(out.begin() + static_cast<std::ptrdiff_t>(*k));
    }
    return out;
}

}  // namespace parley
