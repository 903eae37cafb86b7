// The actor stage: gazetteer phrases, person names with their titles, and coreference of
// later mentions ("Mr Ivanov", "the Secretary of State", "he") to the actor introduced first.
#include "actors/actor_rules.hpp"
#include "actors/gazetteer.hpp"
#include "actors/lexer.hpp"
#include "core/split.hpp"
#include "time/time_table.hpp"

#include <parley/actor.hpp>
#include <parley/knowledge.hpp>

#include <algorithm>
#include <optional>

namespace parley {

namespace detail {

namespace {
ViewSet folded_set(const Knowledge& kb, const std::string& file) {
    ViewSet out;
    if (!kb.has(file)) return out;
    for (const auto& l : kb.lines(file)) {
        std::string f = fold_word(l);
        if (!f.empty() && f.back() == '.') f.pop_back();
        out.insert(std::move(f));
    }
    return out;
}
}  // namespace

ActorRules::ActorRules(const Knowledge& kb)
    : gaz(&kb.get<Gazetteer>()),
      time(&kb.get<TimeTable>()),
      honorifics(folded_set(kb, "lexicon/honorifics.txt")),
      particles(folded_set(kb, "lexicon/name-particles.txt")),
      non_name_heads(folded_set(kb, "lexicon/non-name-words.txt")),
      group_nouns(folded_set(kb, "lexicon/group-nouns.txt")),
      subordinators(folded_set(kb, "lexicon/subordinators.txt")),
      ambiguous_titles(folded_set(kb, "lexicon/ambiguous-titles.txt")),
      speech_verbs(folded_set(kb, "lexicon/speech-verbs.txt")),
      org_heads(folded_set(kb, "lexicon/org-words.txt")),
      prepositions(folded_set(kb, "lexicon/prepositions.txt")) {
    // The verbs that open event triggers: "Trump met Kim" -- a sentence's first word before
    // one is its subject.
    if (kb.has("events/triggers.tsv"))
        for (const auto& row : kb.rows("events/triggers.tsv")) {
            // Statements are left out: "Airbus announced" is no person's doing.
            if (row.size() < 5 || row[0] == "statement") continue;
            // Meetings, calls and talks are held with people: "met Zelenskiy", "talks with
            // Zelenskiy" (a visit's object is a place: "visited Kyiv").
            const bool encounter = row[0] == "meeting" || row[0] == "phone_call" ||
                                   row[0] == "negotiation" || row[0] == "mediation";
            for (const auto phrase : split_list(row[4])) {
                const std::string first = fold_word(phrase.substr(0, phrase.find(' ')));
                if (row[2] == "verb") event_verbs.insert(first);
                if (encounter) encounter_words.insert(first);
            }
        }
    // Closed classes shared with the event stage: auxiliaries ("Xi later met"), and the
    // nouns of "his Iranian counterpart".
    if (kb.has("lexicon/function-words.tsv"))
        for (const auto& row : kb.rows("lexicon/function-words.tsv")) {
            if (row.size() < 2) continue;
            // "plan" words sit between a subject and its verb as auxiliaries do.
            auto* set = row[0] == "aux" || row[0] == "plan" ? &aux
                        : row[0] == "counterpart"           ? &counterparts
                                                            : nullptr;
            if (set)
                for (const auto w : split_list(row[1])) set->insert(fold_word(w));
        }
    for (const auto& line : kb.lines("lexicon/counterpart-titles.txt")) {
        auto& family = counterpart_titles.emplace_back();
        for (const auto title : split_list(line)) family.emplace_back(title);
    }
    auto add_phrase = [&](const std::string& phrase) {
        const std::string f = fold_phrase(phrase);
        std::size_t b = 0;
        bool first = true;
        while (b < f.size()) {
            auto e = f.find(' ', b);
            if (e == std::string::npos) e = f.size();
            std::string w = f.substr(b, e - b);
            if (!w.empty() && w.back() == '.') w.pop_back();
            if (first) title_first_words.insert(w);
            phrase_words.insert(w);
            first = false;
            b = e + 1;
        }
    };
    for (const auto& row : kb.rows("gazetteer/titles.tsv")) {
        if (row.empty()) continue;
        add_phrase(row[0]);
        if (row.size() > 2)
            for (const auto alias : split_list(row[2])) add_phrase(std::string(alias));
    }
    for (const char* w : {"of", "the", "for", "and", "de", "du", "des", "la", "le", "al", "el",
                          "on", "in", "-", "&", "."})
        phrase_words.insert(w);
    std::unordered_set<std::string> family_first;
    if (kb.has("lexicon/family-name-first.txt"))
        for (const auto& l : kb.lines("lexicon/family-name-first.txt")) family_first.insert(l);
    const auto& people = gaz->people();
    for (uint32_t i = 0; i < people.size(); ++i) {
        const std::string f = fold_phrase(people[i].name);
        auto sp = f.rfind(' ');
        if (sp == std::string::npos) continue;
        by_surname[f.substr(sp + 1)].push_back(i);
        // The first word is a given name, except where names begin with the family's ("Xi").
        bool family_name_first = false;
        for (const auto& r : people[i].roles)
            family_name_first |= r.code.size() >= 3 && family_first.count(r.code.substr(0, 3));
        if (!family_name_first) given_names.emplace(f.substr(0, f.find(' ')));
    }
    const std::pair<const ViewSet*, uint16_t> sets[] = {{&honorifics, wc_honorific},
                                                        {&particles, wc_particle},
                                                        {&non_name_heads, wc_non_name_head},
                                                        {&group_nouns, wc_group_noun},
                                                        {&subordinators, wc_subordinator},
                                                        {&speech_verbs, wc_speech_verb},
                                                        {&title_first_words, wc_title_first},
                                                        {&phrase_words, wc_phrase_word},
                                                        {&prepositions, wc_preposition},
                                                        {&event_verbs, wc_event_verb},
                                                        {&aux, wc_aux},
                                                        {&encounter_words, wc_encounter},
                                                        {&given_names, wc_given_name}};
    std::unordered_set<std::string> shared_titles;
    for (const auto& term : gaz->office_terms()) {
        if (term.country.size() == 3 && !shared_titles.count(term.title)) {
            auto [it, fresh] = title_country.emplace(term.title, term.country);
            if (!fresh && it->second != term.country) {
                shared_titles.insert(term.title);
                title_country.erase(it);
            }
        }
        const std::string f = fold_phrase(term.name);
        const auto sp = f.rfind(' ');
        if (sp != std::string::npos) office_by_surname[f.substr(sp + 1)].push_back(&term);
        // "Xi" of Xi Jinping, "Kim" of Kim Jong Un.
        if (family_first.count(term.country) && sp != std::string::npos)
            office_by_surname[f.substr(0, f.find(' '))].push_back(&term);
    }
    // A given name that is nobody's surname ("Laura", not "Thomas"): alone, someone the story
    // calls by first name, not an actor of the dictionaries' kind.
    std::erase_if(given_names, [&](const std::string& g) {
        return by_surname.count(g) > 0 || office_by_surname.count(g) > 0;
    });
    std::size_t n = by_surname.size() + office_by_surname.size() + gaz->common_words().size();
    for (const auto& [set, bit] : sets) n += set->size();
    std::size_t cap = 16;
    while (cap < 4 * n) cap *= 2;  // load factor at most 1/4: a probe or two per word
    m_class_slots.assign(cap, ClassSlot{});
    for (const auto& [set, bit] : sets)
        for (const auto& w : *set) add_class(w, bit);
    for (const auto& [w, v] : by_surname) add_class(w, wc_surname);
    for (const auto& [w, v] : office_by_surname) add_class(w, wc_surname);
    for (const auto w : gaz->common_words()) add_class(w, wc_common);
}

void ActorRules::add_class(std::string_view w, uint16_t bit) {
    if (w.empty() || w.size() > UINT16_MAX) {
        if (w.empty()) m_empty_class |= bit;
        return;  // no token is that long
    }
    const std::size_t mask = m_class_slots.size() - 1;
    for (std::size_t i = word_hash(w) & mask;; i = (i + 1) & mask) {
        ClassSlot& slot = m_class_slots[i];
        if (slot.len == 0) {
            slot = ClassSlot{static_cast<uint32_t>(m_class_store.size()),
                             static_cast<uint16_t>(w.size()), bit};
            m_class_store.append(w);
            return;
        }
        if (std::string_view(m_class_store).substr(slot.off, slot.len) == w) {
            slot.cls |= bit;
            return;
        }
    }
}

uint16_t ActorRules::word_class(std::string_view low) const {
    return word_class(low, word_hash(low));
}

uint16_t ActorRules::word_class(std::string_view low, std::size_t hash) const {
    if (low.empty()) return m_empty_class;
    const std::size_t mask = m_class_slots.size() - 1;
    const std::string_view store = m_class_store;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
        const ClassSlot& slot = m_class_slots[i];
        if (slot.len == 0) return 0;
        // First byte before the compare: most probes end here without a memcmp call.
        if (slot.len == low.size() && store[slot.off] == low[0] &&
            store.substr(slot.off, slot.len) == low)
            return slot.cls;
    }
}

}  // namespace detail

namespace {

using detail::GazKind;
using detail::GazMatch;
using detail::Tok;
using detail::TokShape;

enum class ChunkKind : uint8_t {
    none,
    country,
    adj,
    metonym,
    org,
    title,
    place,
    known_person,
    name,
    honorific,
    pronoun
};

struct Chunk {
    ChunkKind kind = ChunkKind::none;
    std::size_t b = 0, e = 0;  // token range [b, e)
    uint32_t index = 0;        // gazetteer index
};

std::string title_case(std::string_view s) {
    std::string out(s);
    bool start = true;
    for (auto& c : out) {
        if (c >= 'A' && c <= 'Z' && !start) c = static_cast<char>(c + 32);
        if (c >= 'a' && c <= 'z' && start) c = static_cast<char>(c - 32);
        start = (c == ' ' || c == '-');
    }
    return out;
}

// Last name token of a person, particles stripped: "Hafez el Assad" -> "assad", "al-Assad" ->
// "assad".
std::string surname_key(const std::vector<std::string>& low, const detail::ActorRules& r) {
    if (low.empty()) return {};
    std::string last = low.back();
    auto dash = last.find('-');
    if (dash != std::string::npos && r.particles.count(last.substr(0, dash)))
        last = last.substr(dash + 1);
    return last;
}

struct PersonRec {
    int actor = -1;
    std::vector<std::string> low;  // folded name tokens, initials and particles dropped
    std::string surname;
};

class DocActors {
  public:
    DocActors(const Document& doc, const detail::ActorRules& rules) : m_doc(doc), m_r(rules) {}

    ActorTable run() {
        // Pass 1 collects the names seen away from a sentence start, so that a sentence-initial
        // "Bush" or "Rice" (ordinary words too) is known to be a name in pass 2.
        m_tokens.reserve(m_doc.sentences.size());
        for (uint32_t si = 0; si < m_doc.sentences.size(); ++si) {
            m_tokens.push_back(
                detail::lex_sentence(m_doc.text, m_doc.sentences[si], m_shared->arena));
            for (auto& k : m_tokens.back()) {
                k.hash = detail::word_hash(k.low);
                k.cls = m_r.word_class(k.low, k.hash);
            }
            m_headline.push_back(is_title(si) || (si < 6 && title_cased(m_tokens.back(), 5)));
        }
        collect_inner_caps();
        for (uint32_t si = 0; si < m_doc.sentences.size(); ++si) sentence(si);
        // A surname the text never completed ("Qarase", "Trump" in 2016): the one office
        // holder of that name in the dictionaries, whatever the day -- of a country the article
        // speaks of ("Johnson said" in a story about Ohio is no British prime minister).
        std::unordered_set<std::string> countries;
        for (const auto& a : m_table.actors)
            if (a.kind != ActorKind::person && !a.country.empty()) countries.insert(a.country);
        for (const auto& pl : m_table.places)
            if (!pl.country.empty()) countries.insert(pl.country);
        for (auto& p : m_people) {
            if (p.low.size() != 1) continue;
            auto& a = m_table.actors[static_cast<std::size_t>(p.actor)];
            if (a.name.find(' ') != std::string::npos) continue;
            // Named with a title or as a clause's subject, not "at Andrews air force base" --
            // unless someone of that surname held an office that very day.
            const auto* term = office_holder_by_surname(p.surname, a.country);
            if (term && !countries.count(term->country)) term = nullptr;
            if (a.titles.empty() && !m_subject_surnames.count(p.surname) && !term) continue;
            // "Roth" after Raymond, Jonathan and Evana Roth is one of them, no banker.
            bool kin = false;
            for (const auto& q : m_people) kin |= q.actor != p.actor && q.surname == p.surname;
            if (kin) continue;
            // In office that day: the one holder of that surname in office-holders.tsv.
            if (term) {
                a.name = term->name;
                if (a.country.empty() && term->country.size() == 3) a.country = term->country;
                continue;
            }
            const auto* d = unique_bearer(p.surname, a.country);
            if (d && !d->roles.empty() && d->roles.front().code.size() >= 3 &&
                !countries.count(d->roles.front().code.substr(0, 3)))
                d = nullptr;
            if (d) {
                a.name = d->name;
                if (a.country.empty() && d->roles.front().code.size() >= 3)
                    a.country = d->roles.front().code.substr(0, 3);
            }
        }
        // What the text leaves out, the office holders know: "Tony Blair" in July 1999 was
        // Prime Minister of the United Kingdom.
        if (m_doc.publication)
            for (auto& a : m_table.actors) {
                if (a.kind != ActorKind::person || !a.titles.empty()) continue;
                const auto terms =
                    gaz().offices_of(detail::fold_phrase(a.name), *m_doc.publication);
                for (const auto* term : terms) {
                    if (!a.country.empty() && term->country.size() == 3 &&
                        term->country != a.country)
                        continue;
                    a.titles.push_back(term->title);
                    if (a.country.empty() && term->country.size() == 3) a.country = term->country;
                    break;
                }
            }
        for (auto& a : m_table.actors) {
            std::sort(a.aliases.begin(), a.aliases.end());
            a.aliases.erase(std::unique(a.aliases.begin(), a.aliases.end()), a.aliases.end());
        }
        auto& shared = *m_shared;
        shared.text = m_doc.text.data();
        shared.text_size = m_doc.text.size();
        shared.sentences.reserve(m_doc.sentences.size());
        for (const auto& s : m_doc.sentences) shared.sentences.push_back({s.begin, s.end});
        shared.by_sentence = std::move(m_tokens);
        m_table.tokens = std::move(m_shared);
        return std::move(m_table);
    }

  private:
    const Document& m_doc;
    const detail::ActorRules& m_r;
    ActorTable m_table;
    detail::ViewSet m_inner_caps;
    // The tokens' folded words live in m_shared's arena; the event stage reads them after us.
    std::shared_ptr<detail::SentenceTokens> m_shared = std::make_shared<detail::SentenceTokens>();
    std::vector<std::vector<Tok>> m_tokens;  // per sentence, from the first pass
    std::vector<PersonRec> m_people;
    std::unordered_map<std::string, int> m_by_key;  // country/org code -> actor
    int m_last_person = -1;
    int m_cur_first = -1;                             // first person named in the current sentence
    std::unordered_set<int> m_people_named_in_title;  // headlines shorten names
    uint32_t m_si = 0;                                // the sentence being read
    uint32_t m_first_person_sentence = 0;  // where the first person was named ("I" in releases)
    // Lone surnames seen as the subject of a clause (looks_like_person is const: a cache).
    mutable detail::ViewSet m_subject_surnames;
    std::vector<bool> m_headline;  // the title, or a Title-Case standfirst near the top
    // Per-sentence scratch, kept so that its buffers are reused.
    std::vector<Tok> m_headline_toks;  // a headline's tokens, true-cased
    std::vector<Chunk> m_chunks;
    std::vector<bool> m_used;
    int m_prev_subject = -1;  // first person named in the last sentence that named one

    static bool is(const Tok& k, uint16_t word_class) { return (k.cls & word_class) != 0; }

    // m_inner_caps: the words capitalised away from a sentence start outside headlines (a
    // Title-Case headline capitalises every word). It is asked only about common words that
    // start a sentence or sit in a headline, so only those are collected: no string per name.
    void collect_inner_caps() {
        std::vector<std::size_t> asked;  // word hashes
        for (uint32_t si = 0; si < m_tokens.size(); ++si) {
            const auto& toks = m_tokens[si];
            if (!toks.empty() && is(toks[0], detail::wc_common)) asked.push_back(toks[0].hash);
            if (!m_headline[si]) continue;
            for (std::size_t i = 1; i < toks.size(); ++i)
                if (toks[i].shape == TokShape::cap && is(toks[i], detail::wc_common))
                    asked.push_back(toks[i].hash);
        }
        if (asked.empty()) return;
        std::sort(asked.begin(), asked.end());
        for (uint32_t si = 0; si < m_tokens.size(); ++si) {
            if (m_headline[si]) continue;
            const auto& toks = m_tokens[si];
            for (std::size_t i = 1; i < toks.size(); ++i)
                if (toks[i].shape == TokShape::cap &&
                    std::binary_search(asked.begin(), asked.end(), toks[i].hash))
                    m_inner_caps.emplace(toks[i].low);
        }
    }

    bool is_title(uint32_t si) const {
        const auto& s = m_doc.sentences[si];
        return m_doc.title_span.size() > 0 && s.begin >= m_doc.title_span.begin &&
               s.end <= m_doc.title_span.end;
    }

    // "President Bush Meets With Abbas": in a Title-Case headline, ordinary words that the body
    // never capitalises are read in lower case, so they are not taken for names.
    static bool title_cased(const std::vector<Tok>& t, std::size_t min_words) {
        std::size_t words = 0, caps = 0, lower_long = 0;
        for (const auto& k : t)
            if (k.is_word() && k.shape != TokShape::number) {
                ++words;
                caps += k.capitalised();
                lower_long += !k.capitalised() && k.low.size() >= 3;
            }
        // A standfirst ("Bill Clinton And Boris Yeltsin Arrived For A Summit") must have no
        // long word in lower case; a headline may ("Abbas and Olmert meet before Bush visit").
        if (min_words > 3 && lower_long > 0) return false;
        return words >= min_words && caps * 3 >= words * 2;
    }

    void truecase_title(std::vector<Tok>& t) const {
        if (!title_cased(t, 3)) return;
        for (std::size_t i = 1; i < t.size(); ++i)
            if (t[i].shape == TokShape::cap && is(t[i], detail::wc_common) &&
                !m_inner_caps.count(t[i].low) && !gaz().find(t[i].low) &&
                !is(t[i], detail::wc_surname))
                t[i].shape = TokShape::lower;
    }

    std::string_view text(std::size_t b, std::size_t e) const {
        return std::string_view(m_doc.text).substr(b, e - b);
    }
    std::string_view span_text(const std::vector<Tok>& t, std::size_t b, std::size_t e) const {
        return text(t[b].begin, t[e - 1].end);
    }

    const detail::Gazetteer& gaz() const { return *m_r.gaz; }

    // Longest gazetteer match starting at token i.
    std::optional<Chunk> gaz_at(const std::vector<Tok>& t, std::size_t i) const {
        if (!t[i].is_word()) return std::nullopt;
        // Lower-case words start only titles ("secretary of state"): skip the rest unlooked.
        if (!t[i].capitalised() && !is(t[i], detail::wc_title_first)) return std::nullopt;
        std::string key;
        std::size_t state = 0;  // detail::phrase_state(key), extended a token at a time
        std::optional<Chunk> best;
        const std::size_t maxn = std::min(gaz().max_tokens(), t.size() - i);
        for (std::size_t n = 1; n <= maxn; ++n) {
            const Tok& k = t[i + n - 1];
            if (!k.is_word() && k.low != "-" && k.low != "." && k.low != "&") break;
            if (n > 1 && !k.capitalised() && k.shape != TokShape::number &&
                !is(k, detail::wc_phrase_word))
                break;
            if (n > 1) key += ' ';
            key += k.low;
            // A folded token holding a space (rare) is more than one word of the phrase.
            state = !k.spaced ? detail::phrase_extend(state, k.hash) : detail::phrase_state(key);
            const detail::PhraseKey pk{key, detail::phrase_final(state)};
            if (const auto* hits = gaz().find(pk)) {
                // "us", "who", "pm" are keys only when written in capitals.
                const bool caps_ok = t[i].shape == TokShape::upper || !gaz().acronym_only(pk);
                if (caps_ok)
                    if (auto c = pick(t, i, i + n, *hits)) best = c;
            }
            if (k.possessive) break;
            if (n < maxn && !gaz().has_longer_hash(pk.hash)) break;  // no longer phrase here
        }
        return best;
    }

    std::optional<Chunk> pick(const std::vector<Tok>& t, std::size_t b, std::size_t e,
                              const std::vector<GazMatch>& hits) const {
        const bool cap = t[b].capitalised();
        // Short all-lowercase keys like "us" or "chad" are only names when capitalised.
        const bool upper_short =
            t[b].shape == TokShape::upper && e - b == 1 && t[b].low.size() <= 3;
        std::optional<Chunk> best;
        int best_rank = 99;
        for (const auto& h : hits) {
            ChunkKind k = ChunkKind::none;
            int rank = 9;
            switch (h.kind) {
                case GazKind::country_name:
                    k = ChunkKind::country;
                    rank = 1;
                    break;
                case GazKind::country_adj:
                    k = ChunkKind::adj;
                    rank = 2;
                    break;
                case GazKind::organisation:
                    k = ChunkKind::org;
                    rank = 3;
                    break;
                case GazKind::country_metonym:
                    k = ChunkKind::metonym;
                    rank = 4;
                    break;
                case GazKind::person:
                    k = ChunkKind::known_person;
                    rank = 5;
                    break;
                case GazKind::place:
                    k = ChunkKind::place;
                    rank = 6;
                    break;
                case GazKind::title:
                    k = ChunkKind::title;
                    rank = 7;
                    break;
            }
            if (k != ChunkKind::title && !cap) continue;
            if (k == ChunkKind::title && t[b].shape == TokShape::upper && !upper_short &&
                e - b > 1) {
                // ALL-CAPS run of a headline: still a title.
            }
            if (rank < best_rank) {
                best_rank = rank;
                best = Chunk{k, b, e, h.index};
            }
        }
        return best;
    }

    bool name_token(const std::vector<Tok>& t, std::size_t i) const {
        const Tok& k = t[i];
        if (k.shape == TokShape::cap) return true;
        if (k.shape == TokShape::upper) {
            // Headline capitals ("EFFORTS TO mend") are words, not names; initials "M." are names.
            if (k.low.size() == 2 && k.low[1] == '.') return true;
            return !is(k, detail::wc_common) && k.low.size() > 1;
        }
        // "al-Faisal", "el-Sisi", "bin-Zayed": a particle joined to a capitalised name.
        if (!k.hyphen) return false;
        if (const auto dash = k.low.find('-');
            dash != std::string::npos && dash + 1 < k.low.size()) {
            const std::string_view w = text(k.begin, k.end);
            return m_r.particles.count(k.low.substr(0, dash)) && dash + 1 < w.size() &&
                   w[dash + 1] >= 'A' && w[dash + 1] <= 'Z';
        }
        return false;
    }
    bool particle_at(const std::vector<Tok>& t, std::size_t i) const {
        return i + 1 < t.size() && is(t[i], detail::wc_particle) && name_token(t, i + 1) &&
               !t[i].possessive;
    }

    // Into `out` (cleared), so that its buffer is reused sentence after sentence.
    void chunk(const std::vector<Tok>& t, std::vector<Chunk>& out) const {
        out.clear();
        std::size_t i = 0;
        while (i < t.size()) {
            if (!t[i].is_word()) {
                ++i;
                continue;
            }
            if (is(t[i], detail::wc_honorific) && t[i].capitalised() && i + 1 < t.size()) {
                // "Mr Ivanov", "Mr. Christopher" (the lexer leaves the dot as its own token).
                const std::size_t n = (t[i + 1].low == "." && i + 2 < t.size()) ? i + 2 : i + 1;
                if (name_token(t, n) || particle_at(t, n)) {
                    out.push_back(Chunk{ChunkKind::honorific, i, n, 0});
                    i = n;
                    continue;
                }
            }
            if (auto g = gaz_at(t, i)) {
                // A known two-word title inside a longer name run ("Prime Minister") wins, but a
                // one-word capitalised gazetteer hit followed by more name words may be a name
                // ("Jordan Peterson"): people from dictionaries and countries keep priority.
                out.push_back(*g);
                i = g->e;
                continue;
            }
            const Tok& k = t[i];
            const std::string_view w = k.low;  // pronouns are short: compare views, no strlen
            const bool short_word = w.size() <= 3;
            const bool third =
                short_word &&
                (k.shape == TokShape::lower || (k.sentence_start && k.shape == TokShape::cap)) &&
                (w == "he" || w == "she" || w == "his" || w == "her" || w == "him");
            const bool first = short_word && ((w == "i" && k.shape == TokShape::upper) ||
                                              (w == "my" && !is(k, detail::wc_particle)) ||
                                              (w == "me" && k.shape == TokShape::lower));
            if (third || first) {
                out.push_back(Chunk{ChunkKind::pronoun, i, i + 1, 0});
                ++i;
                continue;
            }
            if (name_token(t, i) || particle_at(t, i)) {
                std::size_t j = i;
                const bool caps_run = t[i].shape == TokShape::upper && name_token(t, i);
                while (j < t.size() && (name_token(t, j) || particle_at(t, j) ||
                                        (caps_run && j > i && t[j].shape == TokShape::upper &&
                                         t[j].low.size() > 2))) {
                    if (j > i) {
                        auto g = gaz_at(t, j);
                        // "George Washington", "Denzel Washington": a one-word place right after
                        // a first name, with no more name after it, is a surname.
                        const bool surname_like =
                            g && g->e == j + 1 &&
                            (g->kind == ChunkKind::metonym || g->kind == ChunkKind::place) &&
                            j == i + 1 && !t[i].possessive && !is(t[i], detail::wc_common) &&
                            (j + 1 >= t.size() || !name_token(t, j + 1));
                        if (g && g->kind != ChunkKind::known_person && !surname_like) break;
                    }
                    ++j;
                    if (t[j - 1].possessive) break;
                }
                if (j == i) j = i + 1;
                out.push_back(Chunk{ChunkKind::name, i, j, 0});
                i = j;
                continue;
            }
            ++i;
        }
    }

    int country_actor(const detail::CountryEntry& c) {
        auto key = "C:" + c.code;
        if (auto it = m_by_key.find(key); it != m_by_key.end()) return it->second;
        Actor a;
        a.name = c.name;
        a.kind = ActorKind::country;
        a.country = c.code;
        m_table.actors.push_back(std::move(a));
        int idx = static_cast<int>(m_table.actors.size()) - 1;
        m_by_key.emplace(key, idx);
        return idx;
    }
    int org_actor(const detail::OrgEntry& o) {
        auto key = "O:" + o.code + ":" + o.name;
        if (auto it = m_by_key.find(key); it != m_by_key.end()) return it->second;
        Actor a;
        a.name = o.name;
        a.kind = ActorKind::organisation;
        a.country = o.country;
        m_table.actors.push_back(std::move(a));
        int idx = static_cast<int>(m_table.actors.size()) - 1;
        m_by_key.emplace(key, idx);
        return idx;
    }

    void add_mention(int actor, uint32_t b, uint32_t e, uint32_t hb, uint32_t he, uint32_t si,
                     MentionForm form, std::string title = {}) {
        Mention m;
        m.begin = b;
        m.end = e;
        m.head_begin = hb;
        m.head_end = he;
        m.actor = actor;
        m.sentence = si;
        m.form = form;
        m.title = std::move(title);
        auto& a = m_table.actors[actor];
        ++a.mentions;
        if (form != MentionForm::pronoun && form != MentionForm::title)
            a.aliases.emplace_back(text(hb, he));
        if (a.kind == ActorKind::person && form != MentionForm::pronoun) {
            m_last_person = actor;
            if (m_cur_first < 0) m_cur_first = actor;
        }
        m_table.mentions.push_back(std::move(m));
    }

    // Country of a modifier chunk (adjective, country name, metonym; possessive or not).
    const detail::CountryEntry* modifier_country(const Chunk& c) const {
        if (c.kind == ChunkKind::country || c.kind == ChunkKind::adj ||
            c.kind == ChunkKind::metonym)
            return &gaz().countries()[c.index];
        return nullptr;
    }

    struct PersonContext {
        std::string title;
        std::string country;
        std::size_t begin_tok;
        std::size_t end_tok;
        bool honorific = false;
    };
    std::vector<std::optional<PersonContext>> m_ctx;  // per-sentence scratch of sentence()

    // Looks left of name chunk k for "[the] [Country|Adj|Country's] TITLE [,]" or an honorific,
    // and right for ", [the] [Country] TITLE" or "of COUNTRY".
    PersonContext context_of(const std::vector<Tok>& t, const std::vector<Chunk>& ch,
                             std::size_t k) const {
        PersonContext pc{{}, {}, ch[k].b, ch[k].e};
        std::size_t j = k;
        auto adjacent = [&](std::size_t left, std::size_t right_tok, bool allow_comma) {
            std::size_t gap = right_tok - ch[left].e;
            if (gap == 0) return true;
            if (allow_comma && gap == 1 && t[ch[left].e].low == ",") return true;
            return false;
        };
        if (j > 0 && ch[j - 1].kind == ChunkKind::honorific && ch[j - 1].e == ch[k].b) {
            pc.honorific = true;
            pc.begin_tok = ch[j - 1].b;
            --j;
        }
        // "President of the United States George W. Bush": title, "of [the]", country, name.
        if (j >= 2 && ch[j - 1].kind == ChunkKind::country && ch[j - 1].e == ch[j].b &&
            ch[j - 2].kind == ChunkKind::title) {
            std::size_t p = ch[j - 1].b;
            if (p > 0 && t[p - 1].low == "the") --p;
            if (p > 0 && t[p - 1].low == "of" && ch[j - 2].e == p - 1) {
                pc.title = gaz().titles()[ch[j - 2].index].title;
                pc.country = gaz().countries()[ch[j - 1].index].code;
                pc.begin_tok = ch[j - 2].b;
                j -= 2;
                if (j > 0 && modifier_country(ch[j - 1]) && ch[j - 1].e == ch[j].b)
                    pc.begin_tok = ch[j - 1].b;
                return pc;
            }
        }
        // "Ehud Olmert, the Israeli Prime Minister, George Bush said": a title set off by
        // commas right after another name is that name's appositive, not this name's.
        auto appositive_before = [&](std::size_t title) {
            std::size_t b = ch[title].b;
            if (title > 0 && ch[title - 1].e == b &&
                (ch[title - 1].kind == ChunkKind::adj || ch[title - 1].kind == ChunkKind::country))
                b = ch[title - 1].b;
            if (b > 0 && (t[b - 1].low == "the" || t[b - 1].low == "a")) --b;
            if (b < 2 || t[b - 1].low != ",") return false;
            for (std::size_t q = 0; q < title; ++q)
                if (ch[q].e == b - 1 &&
                    (ch[q].kind == ChunkKind::name || ch[q].kind == ChunkKind::known_person))
                    return true;
            return false;
        };
        std::size_t titles_seen = 0;
        while (j > 0 && ch[j - 1].kind == ChunkKind::title &&
               adjacent(j - 1, ch[j].b, titles_seen == 0) &&
               !(ch[j].b != ch[j - 1].e && appositive_before(j - 1))) {
            // "Secretary of State Warren M. Christopher"; "Deputy Prime Minister" is one title.
            const auto& te = gaz().titles()[ch[j - 1].index];
            if (pc.title.empty()) pc.title = te.title;
            pc.begin_tok = ch[j - 1].b;
            --j;
            ++titles_seen;
            if (j > 0 && ch[j - 1].kind == ChunkKind::name && ch[j - 1].e == ch[j].b &&
                ch[j - 1].e - ch[j - 1].b <= 2 && all_common(t, ch[j - 1])) {
                pc.title =
                    std::string(span_text(t, ch[j - 1].b, ch[j].e));  // "Agriculture Secretary"
                pc.begin_tok = ch[j - 1].b;
                --j;
            }
            if (j > 0 &&
                (ch[j - 1].kind == ChunkKind::country || ch[j - 1].kind == ChunkKind::adj ||
                 ch[j - 1].kind == ChunkKind::metonym) &&
                ch[j - 1].e == ch[j].b) {
                pc.country = gaz().countries()[ch[j - 1].index].code;
                pc.begin_tok = ch[j - 1].b;
                --j;
            }
            break;
        }
        if (pc.country.empty() && j > 0 && ch[j - 1].e == ch[j].b &&
            (ch[j - 1].kind == ChunkKind::adj ||
             ((ch[j - 1].kind == ChunkKind::country || ch[j - 1].kind == ChunkKind::metonym) &&
              t[ch[j - 1].e - 1].possessive))) {
            pc.country = gaz()
                             .countries()[ch[j - 1].index]
                             .code;  // "Syrian Hafez al-Assad", "Syria's Assad"
            pc.begin_tok = ch[j - 1].b;
        }
        // Right: ", the US Vice-President," / ", Israel's prime minister" / "of Israel"
        std::size_t r = k + 1;
        const std::size_t end_tok = ch[k].e;
        if (r < ch.size() && end_tok < t.size()) {
            std::size_t p = end_tok;
            if (t[p].low == "," && p + 1 < t.size()) {
                ++p;
                if (t[p].low == "the" || t[p].low == "a" || t[p].low == "an") ++p;
                std::string ctry;
                std::size_t q = r;
                while (q < ch.size() && ch[q].b < p) ++q;
                if (q < ch.size() && ch[q].b == p && modifier_country(ch[q])) {
                    ctry = gaz().countries()[ch[q].index].code;
                    p = ch[q].e;
                    ++q;
                }
                // "the former/then/acting" style modifiers are skipped
                while (p < t.size() && t[p].shape == TokShape::lower &&
                       (q >= ch.size() || ch[q].b != p) && p - end_tok < 4)
                    ++p;
                // "Qarase, Foreign Minister Tavola": a title with a name of its own is that
                // name's, not an appositive of the first.
                const bool owned = q + 1 < ch.size() && ch[q + 1].b == ch[q].e &&
                                   (ch[q + 1].kind == ChunkKind::name ||
                                    ch[q + 1].kind == ChunkKind::known_person);
                if (q < ch.size() && ch[q].b == p && ch[q].kind == ChunkKind::title && !owned) {
                    if (pc.title.empty()) pc.title = gaz().titles()[ch[q].index].title;
                    if (pc.country.empty()) pc.country = ctry;
                    pc.end_tok = ch[q].e;
                    std::size_t of = ch[q].e;
                    if (pc.country.empty() && of + 1 < t.size() && t[of].low == "of" &&
                        q + 1 < ch.size() && ch[q + 1].b == of + 1 && modifier_country(ch[q + 1])) {
                        pc.country = gaz().countries()[ch[q + 1].index].code;
                        pc.end_tok = ch[q + 1].e;
                    }
                }
            } else if (t[p].low == "of" && r < ch.size() && ch[r].b == p + 1 &&
                       modifier_country(ch[r]) && !pc.title.empty()) {
                if (pc.country.empty()) pc.country = gaz().countries()[ch[r].index].code;
            }
        }
        return pc;
    }

    bool all_common(const std::vector<Tok>& t, const Chunk& c) const {
        for (std::size_t i = c.b; i < c.e; ++i)
            if (!is(t[i], detail::wc_common)) return false;
        return true;
    }

    // Where the verb of a name ending at token `e` would be: over a second name ("Trump and
    // Putin met", "Trump and Kim Jong Un met") and over "later", "will", "has" ("Xi later met").
    std::size_t verb_after(const std::vector<Tok>& t, std::size_t e) const {
        std::size_t v = e;
        if (v + 1 < t.size() && t[v].low == "and" && t[v + 1].capitalised()) {
            v += 2;
            while (v < t.size() && v < e + 6 && t[v].capitalised()) ++v;
        }
        const std::size_t names_end = v;
        // ... and over an adverb: "Burns secretly travelled".
        while (v < t.size() && v < names_end + 3 &&
               (is(t[v], detail::wc_aux) ||
                (t[v].shape == TokShape::lower && t[v].low.size() > 4 && t[v].low.ends_with("ly"))))
            ++v;
        return v;
    }

    bool looks_like_person(const std::vector<Tok>& t, const Chunk& c,
                           const PersonContext& pc) const {
        const std::size_t n = c.e - c.b;
        const Tok& last = t[c.e - 1];
        if (is(last, detail::wc_non_name_head)) return false;
        bool all_common = true;
        for (std::size_t i = c.b; i < c.e; ++i) {
            if (is(t[i], detail::wc_non_name_head) && !pc.honorific && pc.title.empty())
                return false;
            if (!is(t[i], detail::wc_common) && !is(t[i], detail::wc_particle) &&
                !(t[i].low.size() == 2 && t[i].low[1] == '.'))
                all_common = false;
        }
        if (n == 1 && !pc.honorific && m_r.ambiguous_titles.count(detail::fold_word(pc.title)) &&
            is(t[c.b], detail::wc_common) && known_surname(t[c.b].low) < 0)
            return false;             // "its General Debate", "the Chief Executive"
        if (n == 1 && !pc.honorific)  // "Deputy Director": a title word is not a name
            if (const auto* hits = gaz().find(t[c.b].low))
                for (const auto& h : *hits)
                    if (h.kind == GazKind::title) return false;
        if (!pc.title.empty() || pc.honorific) return true;
        if (n == 1) {
            // A lone capitalised word is a person when it names one already met, is the surname
            // of someone in the actor dictionaries, or speaks ("Olmert said").
            const detail::Word w = t[c.b].low;
            if (known_surname(w) >= 0) return true;
            // An ordinary word ("Bush", "Rice") is a name when someone of that surname held
            // office on the publication day.
            // As the subject of a clause, the one office holder of that surname the
            // dictionaries know, at any time, will do: "On Sunday, Trump met Netanyahu" in 2016
            // (not "Julien De Rosa/Pool via Reuters" or "at Andrews air force base").
            const std::size_t v = verb_after(t, c.e);
            const bool opens_clause =
                c.b == 0 && v < t.size() && w.find('\'') == std::string::npos &&
                (is(t[v], detail::wc_speech_verb) || is(t[v], detail::wc_event_verb));
            const bool subject_slot =
                opens_clause || (c.b > 0 && !t[c.b].sentence_start &&
                                 (t[c.b - 1].low == "," || t[c.b - 1].low == "and" ||
                                  (t[c.b - 1].shape == TokShape::lower &&
                                   !is(t[c.b - 1], detail::wc_preposition))) &&
                                 c.e < t.size() && t[c.e].shape == TokShape::lower &&
                                 !is(t[c.e], detail::wc_preposition));
            if (subject_slot) m_subject_surnames.emplace(w);
            // Not a day or a month ("met Thursday", "Friday and Saturday"), nor a first name.
            const auto* time_word = m_r.time->info(w);
            const bool day_or_month = (time_word && (time_word->cls & detail::W_START)) ||
                                      is(t[c.b], detail::wc_given_name);  // nor "with Laura"
            const bool met =
                c.b > 0 && !day_or_month &&
                (is(t[c.b - 1], detail::wc_encounter) ||
                 (c.b > 1 && (t[c.b - 1].low == "with" || t[c.b - 1].low == "by") &&
                  (is(t[c.b - 2], detail::wc_encounter) ||  // "met Thursday with", "welcomed by"
                   (c.b > 2 && is(t[c.b - 3], detail::wc_encounter)))));
            if (is(t[c.b], detail::wc_common)) {
                if (dictionary_holder(w, pc.country)) return true;
                // ... or right after an event verb: "Lukashenko met Xi in Beijing".
                const bool object_slot = met || (c.b > 0 && is(t[c.b - 1], detail::wc_event_verb));
                // "Rutte met Trump" in 2024: met, the one office holder of that surname ever.
                return ((subject_slot || met) && unique_bearer(w, pc.country) != nullptr) ||
                       ((subject_slot || object_slot) &&
                        office_holder_by_surname(w, pc.country) != nullptr);
            }
            if (is(t[c.b], detail::wc_surname)) return true;
            // ... or someone of that surname holds an office that day ("Macron is scheduled to").
            if (office_holder_by_surname(w, pc.country) != nullptr) return true;
            // ... or it speaks ("Olmert said"), or opens its sentence before an event verb
            // ("Lukashenko met Xi"), or is met, called or talked with ("met Zelenskiy",
            // "talks with Zelenskiy"), or stands next to a person ("Putin and Zelenskiy").
            const auto person_word = [&](std::size_t i) {
                return t[i].capitalised() &&
                       (known_surname(t[i].low) >= 0 || is(t[i], detail::wc_surname));
            };
            const bool beside_person =
                !day_or_month &&
                ((c.b > 1 && t[c.b - 1].low == "and" && person_word(c.b - 2)) ||
                 (c.e + 1 < t.size() && t[c.e].low == "and" && person_word(c.e + 1)));
            return (c.e < t.size() && is(t[c.e], detail::wc_speech_verb)) || opens_clause || met ||
                   beside_person;
        }
        if (all_common) return known_surname(t[c.e - 1].low) >= 0;
        return true;
    }

    int known_surname(std::string_view low) const {
        // A bare surname refers to the principal bearer, the one introduced first
        // ("Macron" is Emmanuel even after "his wife Brigitte Macron").
        for (const auto& p : m_people)
            if (p.surname == low) return p.actor;
        for (auto it = m_people.rbegin(); it != m_people.rend(); ++it) {
            for (const auto& w : it->low)
                if (w == low) return it->actor;  // "Jintao" for Hu Jintao
        }
        return -1;
    }

    int person_actor(const std::vector<Tok>& t, const Chunk& c, const PersonContext& pc) {
        std::vector<std::string> low;
        for (std::size_t i = c.b; i < c.e; ++i) {
            const auto& w = t[i].low;
            if (w.size() == 2 && w[1] == '.') continue;  // initial
            if (is(t[i], detail::wc_particle)) continue;
            low.emplace_back(w);
        }
        if (low.empty()) return -1;
        const std::string sur = surname_key(low, m_r);
        if (low.size() == 1) {
            int a = known_surname(sur);
            if (a >= 0) return a;
        } else {
            for (auto it = m_people.begin(); it != m_people.end(); ++it) {
                if (it->surname != sur) continue;
                if (it->low.size() == 1 || it->low.front() == low.front()) {
                    // A full name after a surname-only introduction becomes the canonical name,
                    // and so does a fuller one ("George W. Bush" after a headline's "George Bush").
                    const std::string full = clean_name(t, c);
                    auto& canonical = m_table.actors[it->actor].name;
                    if (it->low.size() == 1 ||
                        (full.size() > canonical.size() && full.find(' ') != std::string::npos &&
                         m_people_named_in_title.count(it->actor))) {
                        it->low = low;
                        canonical = full;
                    }
                    return it->actor;
                }
            }
        }
        Actor a;
        a.name = clean_name(t, c);
        a.kind = ActorKind::person;
        a.country = pc.country;
        if (low.size() == 1) {
            // "President Bush" in 2008: the one dictionary person of that surname in office
            // (in that country, when known) on the publication day is George W. Bush.
            if (const auto* d = dictionary_holder(sur, pc.country)) {
                a.name = d->name;
                if (a.country.empty() && d->roles.front().code.size() >= 3)
                    a.country = d->roles.front().code.substr(0, 3);
                auto full = detail::fold_phrase(d->name);
                low.clear();
                for (std::size_t b = 0, e; b < full.size(); b = e + 1) {
                    e = full.find(' ', b);
                    if (e == std::string::npos) e = full.size();
                    std::string w = full.substr(b, e - b);
                    if (!(w.size() == 2 && w[1] == '.') && !m_r.particles.count(w))
                        low.push_back(w);
                }
            }
        }
        m_table.actors.push_back(std::move(a));
        const int idx = static_cast<int>(m_table.actors.size()) - 1;
        if (m_people.empty()) m_first_person_sentence = m_si;
        if (is_title(m_si)) m_people_named_in_title.insert(idx);
        m_people.push_back(PersonRec{idx, std::move(low), sur});
        return idx;
    }

    // The one office holder of that surname (in that country, when known) in office on the
    // publication day, from office-holders.tsv.
    const detail::OfficeTerm* office_holder_by_surname(std::string_view surname,
                                                       std::string_view country) const {
        if (!m_doc.publication) return nullptr;
        auto it = m_r.office_by_surname.find(surname);
        if (it == m_r.office_by_surname.end()) return nullptr;
        const detail::OfficeTerm* found = nullptr;
        for (const auto* term : it->second) {
            if (!country.empty() && term->country != country) continue;
            if (term->from && *m_doc.publication < *term->from) continue;
            if (term->to && *m_doc.publication > *term->to) continue;
            if (found && found->name != term->name) return nullptr;  // two of that name
            found = term;
        }
        return found;
    }

    // The one person of that surname in the dictionaries who ever held an office (in that
    // country, when known), whatever the day; nullptr when there are none or several.
    const detail::PersonEntry* unique_bearer(std::string_view surname,
                                             std::string_view country) const {
        return office_bearer(surname, country, std::nullopt);
    }

    // The one dictionary person of that surname in office (in that country, when known) on the
    // publication day: "President Bush" in 2008 is George W. Bush.
    const detail::PersonEntry* dictionary_holder(std::string_view surname,
                                                 std::string_view country) const {
        if (!m_doc.publication) return nullptr;
        return office_bearer(surname, country, m_doc.publication);
    }

    // The one dictionary person of that surname with a dated office role (on `day`, if given).
    const detail::PersonEntry* office_bearer(std::string_view surname, std::string_view country,
                                             std::optional<date::sys_days> day) const {
        auto it = m_r.by_surname.find(surname);
        if (it == m_r.by_surname.end()) return nullptr;
        const detail::PersonEntry* found = nullptr;
        for (uint32_t idx : it->second) {
            const auto& p = gaz().people()[idx];
            bool holds = false;
            for (const auto& r : p.roles) {
                if (!r.from && !r.to) continue;  // an undated role says nothing about the day
                // Offices only: ELI ("elite") roles run from birth and say nothing about office.
                const std::string_view sector =
                    std::string_view(r.code).substr(std::min<std::size_t>(3, r.code.size()));
                if (!(sector.starts_with("GOV") || sector.starts_with("MIL") ||
                      r.code.starts_with("IGO")))
                    continue;
                if (!country.empty() && r.code.compare(0, 3, country) != 0) continue;
                if (day && r.from && *day < *r.from) continue;
                if (day && r.to && *day > *r.to) continue;
                holds = true;
            }
            if (!holds) continue;
            if (found && found != &p) return nullptr;  // ambiguous: keep the surname
            found = &p;
        }
        return found;
    }

    std::string clean_name(const std::vector<Tok>& t, const Chunk& c) const {
        std::string name;
        for (std::size_t i = c.b; i < c.e; ++i) {
            if (!name.empty()) name += ' ';
            std::string_view w = text(t[i].begin, t[i].end);
            name += t[i].shape == TokShape::upper && w.size() > 2 ? title_case(w) : std::string(w);
        }
        return name;
    }

    // "the British Prime Minister" with no one named: whoever held that office that day.
    int office_holder_actor(const std::string& title, const std::string& country) {
        if (!m_doc.publication) return -1;
        const auto terms = gaz().office_holders(title, country, *m_doc.publication);
        if (terms.size() != 1) return -1;
        const std::string key = detail::fold_phrase(terms.front()->name);
        for (const auto& p : m_people)
            if (detail::fold_phrase(m_table.actors[p.actor].name) == key) return p.actor;
        Actor a;
        a.name = terms.front()->name;
        a.kind = ActorKind::person;
        a.country = country;
        a.titles.push_back(title);
        m_table.actors.push_back(std::move(a));
        const int idx = static_cast<int>(m_table.actors.size()) - 1;
        std::vector<std::string> low;
        for (std::size_t b = 0, e; b < key.size(); b = e + 1) {
            e = key.find(' ', b);
            if (e == std::string::npos) e = key.size();
            low.push_back(key.substr(b, e - b));
        }
        const std::string sur = surname_key(low, m_r);
        m_people.push_back(PersonRec{idx, std::move(low), sur});
        return idx;
    }

    int title_holder(const std::string& title, const std::string& country) const {
        // The latest person holding this title (and country, when given) in the document.
        for (auto it = m_people.rbegin(); it != m_people.rend(); ++it) {
            const auto& a = m_table.actors[it->actor];
            if (!country.empty() && !a.country.empty() && a.country != country) continue;
            if (std::find(a.titles.begin(), a.titles.end(), title) != a.titles.end())
                return it->actor;
        }
        return -1;
    }

    void sentence(uint32_t si) {
        m_si = si;
        // Lexed in the first pass, and kept as lexed for the event stage: a headline is
        // true-cased in a copy.
        const std::vector<Tok>* tp = &m_tokens[si];
        if (tp->empty()) return;
        if (m_headline[si]) {
            m_headline_toks = *tp;
            truecase_title(m_headline_toks);
            tp = &m_headline_toks;
        }
        // A transcript's speaker label in capitals ("PRESIDENT BUSH: Thanks for coming") reads
        // as a name in Title Case. Two words at least: "US: ..." stays an acronym.
        std::size_t label = 0;
        while (label < tp->size() && label < 5 && (*tp)[label].shape == TokShape::upper) ++label;
        if (label >= 2 && label < tp->size() && (*tp)[label].low == ":") {
            if (tp != &m_headline_toks) {
                m_headline_toks = *tp;
                tp = &m_headline_toks;
            }
            for (std::size_t k = 0; k < label; ++k) m_headline_toks[k].shape = TokShape::cap;
        }
        const std::vector<Tok>& t = *tp;
        if (m_cur_first >= 0) m_prev_subject = m_cur_first;
        m_cur_first = -1;
        std::vector<Chunk>& ch = m_chunks;
        chunk(t, ch);
        // A sentence-initial ordinary word glued to a name run ("After Tony Blair") is dropped
        // from the run; a lone sentence-initial word stays a name only if it is one elsewhere.
        for (auto& c : ch) {
            if (c.kind != ChunkKind::name || c.b != 0) continue;
            const Tok& k = t[c.b];
            // "Trump met Kim", "Rice said": a lone first word before a speech or event verb is
            // a name when someone of that surname held office that day.
            const std::size_t v = verb_after(t, 1);
            const bool subject_of_verb =
                c.e == 1 && v < t.size() &&
                (is(t[v], detail::wc_speech_verb) || is(t[v], detail::wc_event_verb)) &&
                (dictionary_holder(k.low, {}) || office_holder_by_surname(k.low, {}));
            if (is(k, detail::wc_common) && !m_inner_caps.count(k.low) && !subject_of_verb) {
                ++c.b;
                if (c.b == c.e) c.kind = ChunkKind::none;
            } else if (is(k, detail::wc_subordinator)) {
                ++c.b;
                if (c.b == c.e) c.kind = ChunkKind::none;
            }
        }
        // Modifiers of a person ("Moscow Mayor Yury Luzhkov", "the US Secretary of State,
        // Madeleine Albright") belong to that person's mention, not to mentions of their own.
        std::vector<bool>& used = m_used;
        used.assign(ch.size(), false);
        std::vector<std::optional<PersonContext>>& ctx = m_ctx;
        ctx.assign(ch.size(), std::nullopt);
        named_bodies(t, ch, used, si);
        for (std::size_t k = 0; k < ch.size(); ++k) {
            if (used[k]) continue;
            if (ch[k].kind != ChunkKind::name && ch[k].kind != ChunkKind::known_person) continue;
            PersonContext pc = context_of(t, ch, k);
            if (ch[k].kind == ChunkKind::name && !looks_like_person(t, ch[k], pc)) continue;
            for (std::size_t q = 0; q < ch.size(); ++q)
                if (q != k && ch[q].b >= pc.begin_tok && ch[q].e <= std::max(pc.end_tok, ch[k].e) &&
                    ch[q].kind != ChunkKind::name && ch[q].kind != ChunkKind::known_person)
                    used[q] = true;
            ctx[k] = std::move(pc);
        }
        for (std::size_t k = 0; k < ch.size(); ++k) {
            if (used[k] || ch[k].kind == ChunkKind::none || ch[k].b >= ch[k].e) continue;
            const Chunk& c = ch[k];
            const uint32_t b = t[c.b].begin, e = t[c.e - 1].end;
            switch (c.kind) {
                case ChunkKind::country: {
                    if (named_counterpart(t, c)) break;  // "his U.S. counterpart Antony Blinken"
                    const auto& ce = gaz().countries()[c.index];
                    add_mention(country_actor(ce), b, e, b, e, si, MentionForm::country);
                    break;
                }
                case ChunkKind::metonym: {
                    const auto& ce = gaz().countries()[c.index];
                    add_mention(country_actor(ce), b, e, b, e, si, MentionForm::metonym);
                    std::string_view surface = text(b, e);
                    const bool caps = t[c.b].shape == TokShape::upper;
                    m_table.places.push_back(PlaceMention{
                        b, e, si, caps ? title_case(surface) : std::string(surface), ce.code});
                    break;
                }
                case ChunkKind::org: {
                    const auto& oe = gaz().organisations()[c.index];
                    add_mention(org_actor(oe), b, e, b, e, si, MentionForm::organisation);
                    break;
                }
                case ChunkKind::place: {
                    const auto& pe = gaz().places()[c.index];
                    m_table.places.push_back(PlaceMention{b, e, si, pe.name, pe.country});
                    break;
                }
                case ChunkKind::adj:
                    if (!counterpart_mention(t, ch[k], si)) group_mention(t, ch, k, si);
                    break;
                case ChunkKind::known_person:
                case ChunkKind::name: {
                    if (!ctx[k]) break;
                    const PersonContext& pc = *ctx[k];
                    // A dictionary person's lone surname may be completed at the end (run()).
                    if (c.kind == ChunkKind::known_person && c.e == c.b + 1)
                        m_subject_surnames.emplace(t[c.b].low);
                    int a = person_actor(t, c, pc);
                    if (a < 0) break;
                    auto& actor = m_table.actors[a];
                    if (!pc.title.empty() && std::find(actor.titles.begin(), actor.titles.end(),
                                                       pc.title) == actor.titles.end())
                        actor.titles.push_back(pc.title);
                    if (actor.country.empty()) actor.country = pc.country;
                    if (actor.country.empty() && c.kind == ChunkKind::known_person) {
                        const auto& pe = gaz().people()[c.index];
                        if (!pe.roles.empty() && pe.roles.front().code.size() >= 3)
                            actor.country = pe.roles.front().code.substr(0, 3);
                    }
                    const bool single = c.e - c.b == 1;
                    add_mention(a, t[pc.begin_tok].begin, t[std::max(pc.end_tok, c.e) - 1].end, b,
                                e, si, single ? MentionForm::surname : MentionForm::name, pc.title);
                    break;
                }
                case ChunkKind::title: {
                    // A title that no name follows: "the Secretary of State", "the Syrian leader".
                    bool attached = k + 1 < ch.size() &&
                                    (ch[k + 1].kind == ChunkKind::name ||
                                     ch[k + 1].kind == ChunkKind::known_person ||
                                     ch[k + 1].kind == ChunkKind::title) &&
                                    ch[k + 1].b <= c.e + 1;
                    bool appositive =
                        k > 0 && c.b >= 2 && (t[c.b - 1].low == "," || t[c.b - 2].low == ",");
                    if (attached || appositive) break;
                    if (c.b == 0 || (t[c.b - 1].low != "the" &&
                                     !(k > 0 && modifier_country(ch[k - 1]) && ch[k - 1].e == c.b)))
                        break;
                    std::string country;
                    if (k > 0 && ch[k - 1].e == c.b && modifier_country(ch[k - 1]))
                        country = gaz().countries()[ch[k - 1].index].code;
                    const auto& te = gaz().titles()[c.index];
                    if (country.empty())
                        if (auto it = m_r.title_country.find(te.title);
                            it != m_r.title_country.end())
                            country = it->second;
                    int a = title_holder(te.title, country);
                    if (a < 0 && !country.empty()) a = office_holder_actor(te.title, country);
                    if (a >= 0) add_mention(a, b, e, b, e, si, MentionForm::title, te.title);
                    break;
                }
                case ChunkKind::pronoun: {
                    // "his Iranian counterpart" is someone else (counterpart_mention).
                    if (k + 1 < ch.size() && ch[k + 1].kind == ChunkKind::adj &&
                        ch[k + 1].b == c.e && ch[k + 1].e < t.size() &&
                        m_r.counterparts.count(t[ch[k + 1].e].low))
                        break;
                    int a = pronoun_antecedent(t, ch, k, si);
                    if (a >= 0) add_mention(a, b, e, b, e, si, MentionForm::pronoun);
                    break;
                }
                default:
                    break;
            }
        }
    }

    // The actor of a key ("B:fiji labour party"), made on first sight.
    int keyed_actor(const std::string& key, const std::string& name, ActorKind kind,
                    const std::string& country) {
        if (auto it = m_by_key.find(key); it != m_by_key.end()) return it->second;
        Actor a;
        a.name = name;
        a.kind = kind;
        a.country = country;
        m_table.actors.push_back(std::move(a));
        const int idx = static_cast<int>(m_table.actors.size()) - 1;
        m_by_key.emplace(key, idx);
        return idx;
    }

    // "the Fiji Labour Party", "the African National Congress", "the Fiji-Australia Business
    // Council": a capitalised run ending in an organisation word (data/lexicon/org-words.txt)
    // that the gazetteer does not know is a body of its own, of the country that opens it.
    void named_bodies(const std::vector<Tok>& t, const std::vector<Chunk>& ch,
                      std::vector<bool>& used, uint32_t si) {
        for (std::size_t k = 0; k < ch.size(); ++k) {
            if (ch[k].kind != ChunkKind::name || used[k]) continue;
            // The run may end in a gazetteer body's one-word name: "National" + "Congress".
            std::size_t last = k;
            if (k + 1 < ch.size() && ch[k + 1].kind == ChunkKind::org && ch[k + 1].b == ch[k].e &&
                ch[k + 1].e == ch[k + 1].b + 1)
                last = k + 1;
            const Tok& head = t[ch[last].e - 1];
            if (head.shape != TokShape::cap || !m_r.org_heads.count(head.low)) continue;
            if (last == k && ch[k].e - ch[k].b < 2 && !(k > 0 && ch[k - 1].e == ch[k].b))
                continue;  // a lone "Council" is not a name
            std::size_t first = k;
            std::string country;
            // "Fiji Labour Party", "British Labour Party", "Fiji-Australia Business Council".
            while (first > 0 &&
                   (ch[first - 1].kind == ChunkKind::country ||
                    ch[first - 1].kind == ChunkKind::adj) &&
                   (ch[first - 1].e == ch[first].b ||
                    (ch[first - 1].e + 1 == ch[first].b && t[ch[first - 1].e].low == "-"))) {
                --first;
                if (country.empty()) country = gaz().countries()[ch[first].index].code;
            }
            // Two countries ("Fiji-Australia"): a joint body of no one country.
            if (first + 1 < k) country.clear();
            // A one-word title glued to the run is part of the name: "General Motors".
            if (first == k && k > 0 && ch[k - 1].kind == ChunkKind::title &&
                ch[k - 1].e == ch[k].b && ch[k - 1].e == ch[k - 1].b + 1 &&
                t[ch[k - 1].b].shape == TokShape::cap)
                --first;
            const uint32_t b = t[ch[first].b].begin, e = t[ch[last].e - 1].end;
            const std::string name(text(b, e));
            const int idx = keyed_actor("B:" + detail::fold_phrase(name), name,
                                        ActorKind::organisation, country);
            add_mention(idx, b, e, b, e, si, MentionForm::organisation);
            for (std::size_t q = first; q <= last; ++q) used[q] = true;
        }
    }

    // "his U.S. counterpart(,) Antony Blinken": a country word before "counterpart" and a name.
    bool named_counterpart(const std::vector<Tok>& t, const Chunk& c) const {
        if (c.e >= t.size() || !m_r.counterparts.count(t[c.e].low)) return false;
        std::size_t n = c.e + 1;
        if (n < t.size() && t[n].low == ",") ++n;
        return n < t.size() && t[n].capitalised();
    }

    // "Lavrov met his Iranian counterpart": whoever held the office of the person named just
    // before in the adjective's country that day -- or, when neither the text nor the office
    // holders say who, that country.
    bool counterpart_mention(const std::vector<Tok>& t, const Chunk& c, uint32_t si) {
        if (c.b == 0 || c.e >= t.size() || !m_r.counterparts.count(t[c.e].low)) return false;
        const detail::Word before = t[c.b - 1].low;
        if (before != "his" && before != "her" && before != "their" && before != "the")
            return false;
        // "his Turkish counterpart(,) Recep Tayyip Erdogan": the name says who; the adjective
        // is no mention of its own (not "U.S. officials").
        if (named_counterpart(t, c)) return true;
        const auto& ce = gaz().countries()[c.index];
        std::string title;
        for (auto it = m_table.mentions.rbegin(); it != m_table.mentions.rend(); ++it) {
            if (it->sentence + 1 < si) break;
            if (it->actor < 0) continue;
            const Actor& a = m_table.actors[static_cast<std::size_t>(it->actor)];
            if (a.kind != ActorKind::person || a.country == ce.code) continue;
            title = !it->title.empty() ? it->title : (a.titles.empty() ? "" : a.titles.front());
            // Titles from the office holders are added at the end: ask them now.
            if (title.empty() && m_doc.publication)
                for (const auto* term :
                     gaz().offices_of(detail::fold_phrase(a.name), *m_doc.publication))
                    if (term->country == a.country) {
                        title = term->title;
                        break;
                    }
            break;
        }
        // The same title first, then the others of its family.
        std::vector<std::string> titles;
        if (!title.empty()) titles.push_back(title);
        for (const auto& family : m_r.counterpart_titles)
            if (std::find(family.begin(), family.end(), title) != family.end())
                for (const auto& other : family)
                    if (other != title) titles.push_back(other);
        int a = -1;
        for (std::size_t i = 0; i < titles.size() && a < 0; ++i) {
            a = title_holder(titles[i], ce.code);
            if (a >= 0 && m_table.actors[static_cast<std::size_t>(a)].country != ce.code) a = -1;
            if (a < 0) a = office_holder_actor(titles[i], ce.code);
            if (a >= 0) title = titles[i];
        }
        const uint32_t b = t[c.b].begin, e = t[c.e].end;
        if (a >= 0)
            add_mention(a, b, e, b, e, si, MentionForm::title, title);
        else
            add_mention(country_actor(ce), b, e, b, e, si, MentionForm::country);
        return true;
    }

    // "Russian defence officials", "Israeli negotiators": a country adjective with a group noun.
    void group_mention(const std::vector<Tok>& t, const std::vector<Chunk>& ch, std::size_t k,
                       uint32_t si) {
        const Chunk& c = ch[k];
        std::size_t j = c.e;
        while (j < t.size() && j < c.e + 3 && t[j].shape == TokShape::lower &&
               !is(t[j], detail::wc_group_noun))
            ++j;
        if (j >= t.size() || !is(t[j], detail::wc_group_noun)) return;
        if (k + 1 < ch.size() && ch[k + 1].b < j) return;  // something else in between
        const auto& ce = gaz().countries()[c.index];
        std::string name = std::string(text(t[c.b].begin, t[j].end));
        const int idx =
            keyed_actor("G:" + detail::fold_phrase(name), name, ActorKind::group, ce.code);
        add_mention(idx, t[c.b].begin, t[j].end, t[c.b].begin, t[j].end, si, MentionForm::group);
    }

    int pronoun_antecedent(const std::vector<Tok>& t, const std::vector<Chunk>& ch, std::size_t k,
                           uint32_t) {
        const std::string_view w = t[ch[k].b].low;
        if (w == "i" || w == "my" || w == "me") {
            // Outside quotation marks, "I" is the author of a release or speech: the first
            // person the document names. Inside a quotation the speaker is unknown here.
            std::size_t quotes = 0;
            for (std::size_t i = 0; i < ch[k].b; ++i)
                quotes += t[i].low == "\"" || t[i].low == "\u201c" || t[i].low == "\u201d" ||
                          t[i].low == "''" || t[i].low == "``";
            if (quotes % 2 == 1 || m_people.empty() || m_first_person_sentence > 3) return -1;
            return m_people.front().actor;
        }
        // Cataphora: "After his meeting with X, Mr Peres said" -> the subject after the comma.
        if (!t.empty() && is(t[0], detail::wc_subordinator)) {
            std::size_t comma = 0;
            // The subject follows the comma that closes the opening phrase: the first mention
            // after a comma that a verb (a lower-case word) follows, not an appositive name.
            for (std::size_t i = ch[k].e; i < t.size(); ++i) {
                if (t[i].low != ",") continue;
                for (std::size_t q = k + 1; q < ch.size(); ++q) {
                    if (ch[q].b <= i || ch[q].b > i + 2) continue;
                    std::size_t e = ch[q].e;
                    while (q + 1 < ch.size() && ch[q + 1].b == e) e = ch[++q].e;
                    if (e < t.size() && t[e].shape == TokShape::lower) {
                        comma = i;
                        break;
                    }
                }
                if (comma) break;
            }
            if (comma) {
                for (std::size_t q = k + 1; q < ch.size(); ++q) {
                    if (ch[q].b < comma) continue;
                    if (ch[q].b > comma + 4 || ch[q].kind == ChunkKind::pronoun) break;
                    if (ch[q].kind == ChunkKind::name || ch[q].kind == ChunkKind::known_person ||
                        ch[q].kind == ChunkKind::honorific || ch[q].kind == ChunkKind::title) {
                        // "..., the Secretary-General raised": a title in scope stands for its
                        // holder.
                        if (ch[q].kind == ChunkKind::title &&
                            !(q + 1 < ch.size() && ch[q + 1].b <= ch[q].e + 1 &&
                              (ch[q + 1].kind == ChunkKind::name ||
                               ch[q + 1].kind == ChunkKind::known_person))) {
                            const int h = title_holder(gaz().titles()[ch[q].index].title, {});
                            if (h >= 0) return h;
                            break;
                        }
                        std::size_t nq = q;
                        while (nq < ch.size() && ch[nq].kind != ChunkKind::name &&
                               ch[nq].kind != ChunkKind::known_person)
                            ++nq;
                        if (nq < ch.size()) {
                            PersonContext pc = context_of(t, ch, nq);
                            if (looks_like_person(t, ch[nq], pc))
                                return person_actor(t, ch[nq], pc);
                        }
                        break;
                    }
                }
            }
        }
        // "X said he would ..." -> X; a sentence opening with "He" -> the last sentence's subject.
        if (m_cur_first >= 0) return m_cur_first;
        return m_prev_subject >= 0 ? m_prev_subject : m_last_person;
    }
};

}  // namespace

ActorTable find_actors(const Document& doc, const Knowledge& kb) {
    const auto& rules = kb.get<detail::ActorRules>();
    return DocActors(doc, rules).run();
}

}  // namespace parley
