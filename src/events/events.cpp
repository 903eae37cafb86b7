// The event stage: TABARI-style sparse parse. A trigger (data/events/triggers.tsv) is found in
// a sentence; its participants are looked for left (source) and right (target) inside the
// clause, in active, passive, nominal and list forms; status comes from cue words in the verb
// group (data/events/cues.tsv); the date is the time expression nearest the trigger.
#include "actors/gazetteer.hpp"
#include "actors/lexer.hpp"
#include "core/fnv.hpp"
#include "core/split.hpp"
#include "events/event_rules.hpp"
#include "events/petrarch_coder.hpp"

#include <parley/event.hpp>
#include <parley/knowledge.hpp>

#include <algorithm>
#include <set>
#include <string_view>
#include <unordered_map>

namespace parley {

namespace detail {

namespace {
std::vector<std::string> split(std::string_view s, char sep) {
    const auto items = split_list(s, sep);
    return {items.begin(), items.end()};
}
std::vector<std::string> words(std::string_view phrase) {
    std::vector<std::string> out;
    for (auto& w : split(phrase, ' ')) out.push_back(fold_word(w));
    return out;
}
}  // namespace

EventRules::EventRules(const Knowledge& kb) : gaz(&kb.get<Gazetteer>()) {
    for (const auto& row : kb.rows("events/triggers.tsv")) {
        if (row.size() < 5)
            throw Error(kb.dir().string() + "/events/triggers.tsv: row needs 5 columns");
        auto type = event_type_from_string(row[0]);
        if (!type)
            throw Error(kb.dir().string() + "/events/triggers.tsv: unknown type '" + row[0] + "'");
        for (const auto& phrase : split(row[4], '|')) {
            Trigger t;
            t.type = *type;
            t.cameo = row[1];
            t.noun = row[2] == "noun";
            for (const auto& f : split(row[3], ',')) {
                t.frames.push_back(f);
                static const std::pair<const char*, Frame> kNames[] = {
                    {"with", Frame::with},         {"obj", Frame::obj},
                    {"person", Frame::person},     {"dest", Frame::dest},
                    {"host", Frame::host},         {"self", Frame::self},
                    {"dateline", Frame::dateline}, {"from", Frame::from},
                    {"for", Frame::for_},          {"org", Frame::org},
                    {"plural", Frame::plural},     {"dated", Frame::dated}};
                Frame k = Frame::other;
                for (const auto& [name, kind] : kNames)
                    if (f == name) k = kind;
                if (f.starts_with("near:")) {
                    k = Frame::near;
                    t.near_words.push_back(split(f.substr(5), '/'));
                }
                t.kinds.push_back(k);
                t.frame_bits |= 1u << static_cast<unsigned>(k);
            }
            t.words = words(phrase);
            if (t.words.empty()) continue;
            max_trigger = std::max(max_trigger, t.words.size());
            triggers[t.words.front()].push_back(std::move(t));
        }
    }
    // PETRARCH verb dictionaries (--verbs) are coded by src/events/petrarch_coder.cpp, not read
    // as triggers; loading them here reports an unreadable file before any article is read.
    if (!kb.verb_dictionaries.empty()) kb.get<PetrarchVerbs>();
    // cues_by_first is filled after all cues are read (pointers into `cues` must not move).
    for (const auto& row : kb.rows("events/cues.tsv")) {
        if (row.size() < 2) continue;
        for (const auto& phrase : split(row[1], '|')) {
            Cue c;
            c.kind = row[0];
            c.words = words(phrase);
            if (!c.words.empty()) cues.push_back(std::move(c));
        }
    }
    for (const auto& c : cues) cues_by_first[c.words.front()].push_back(&c);
    for (const auto& l : kb.lines("events/light-verbs.txt")) light_verbs.insert(fold_word(l));
    for (const auto& row : kb.rows("lexicon/function-words.tsv")) {
        if (row.size() < 2) continue;
        WordSet* set = row[0] == "aux"            ? &aux
                       : row[0] == "determiner"   ? &determiners
                       : row[0] == "locative"     ? &locative
                       : row[0] == "venue"        ? &venue
                       : row[0] == "plural"       ? &plural
                       : row[0] == "subordinator" ? &subordinators
                       : row[0] == "unnamed"      ? &unnamed
                       : row[0] == "be"           ? &be
                       : row[0] == "ending"       ? &ending
                       : row[0] == "aside"        ? &aside
                       : row[0] == "separate"     ? &separate
                       : row[0] == "bound"        ? &bound
                       : row[0] == "setting"      ? &setting
                                                  : nullptr;
        if (!set) continue;
        for (const auto& w : split(row[1], '|')) set->insert(fold_word(w));
    }
    if (kb.has("lexicon/prepositions.txt"))
        for (const auto& l : kb.lines("lexicon/prepositions.txt"))
            prepositions.insert(fold_word(l));
    if (kb.has("events/object-modifiers.txt"))
        for (const auto& l : kb.lines("events/object-modifiers.txt"))
            object_modifiers.insert(fold_word(l));
    if (kb.has("lexicon/speech-verbs.txt"))
        for (const auto& l : kb.lines("lexicon/speech-verbs.txt"))
            speech_verbs.insert(fold_word(l));
    if (kb.has("events/proxy-nouns.txt"))
        for (const auto& l : kb.lines("events/proxy-nouns.txt")) proxy_nouns.insert(fold_word(l));
    for (const auto& row : kb.rows("time/weekdays.tsv"))
        if (!row.empty()) weekdays.insert(fold_word(row[0]));
    for (const auto& [w, list] : triggers) word_info[w].triggers = &list;
    for (const auto& [w, list] : cues_by_first) word_info[w].cues = &list;
    const std::pair<const WordSet*, uint32_t> sets[] = {{&light_verbs, wb_light_verb},
                                                        {&object_modifiers, wb_object_modifier},
                                                        {&proxy_nouns, wb_proxy_noun},
                                                        {&subordinators, wb_subordinator},
                                                        {&speech_verbs, wb_speech_verb},
                                                        {&prepositions, wb_preposition},
                                                        {&aux, wb_aux},
                                                        {&determiners, wb_determiner},
                                                        {&locative, wb_locative},
                                                        {&venue, wb_venue},
                                                        {&plural, wb_plural},
                                                        {&weekdays, wb_weekday},
                                                        {&unnamed, wb_unnamed},
                                                        {&be, wb_be},
                                                        {&ending, wb_ending},
                                                        {&aside, wb_aside},
                                                        {&bound, wb_bound},
                                                        {&setting, wb_setting},
                                                        {&separate, wb_separate}};
    for (const auto& [set, bit] : sets)
        for (const auto& w : *set) word_info[w].bits |= bit;
    index_words();
}

void EventRules::index_words() {
    std::size_t size = 16;
    while (size < word_info.size() * 4) size *= 2;  // a load of 1/4 or less: short probes
    for (const auto& [w, trigs] : triggers) {
        if (w.empty()) continue;
        const std::size_t k = filter_key(w);
        m_trigger_filter[k >> 6] |= uint64_t{1} << (k & 63);
    }
    m_slots.assign(size, 0);
    m_mask = size - 1;
    m_entries.clear();
    m_entries.reserve(word_info.size());
    for (const auto& [w, info] : word_info) {
        const uint64_t h = slot_hash(w);
        std::size_t i = h & m_mask;
        while (m_slots[i]) i = (i + 1) & m_mask;
        m_entries.push_back(Entry{&w, &info});
        m_slots[i] = (h >> 32) << 32 | static_cast<uint64_t>(m_entries.size());
    }
}

}  // namespace detail

namespace {

using detail::Cue;
using detail::Tok;
using detail::TokShape;
using detail::Trigger;

struct Arg {
    int actor = -1;
    std::size_t b = 0, e = 0;  // token range of the whole mention
    std::size_t hb = 0;        // token where the head (name) starts
    MentionForm form = MentionForm::name;
    std::string title;
};

struct Dest {
    int actor = -1;       ///< the destination country's actor, when the text names it
    std::string name;     ///< the place as written ("Damascus"), or empty for a country
    std::string country;  ///< alpha-3
};

struct Place {
    std::size_t b = 0, e = 0;
    std::string name;
    std::string country;
};

/// Vectors that SentenceEvents fills, kept by find_events across the sentences of a document
/// so that each sentence reuses their storage instead of allocating its own.
struct SentenceScratch {
    std::vector<const detail::WordInfo*> info;
    std::vector<Arg> args;
    std::vector<Place> places;
    std::vector<const detail::Trigger*> cands;
};

class SentenceEvents {
  public:
    SentenceEvents(SentenceScratch& scratch, const Document& doc, const ActorTable& actors,
                   const std::vector<TimeSpan>& times, const detail::EventRules& rules, uint32_t si,
                   const std::vector<int>& recent_people, const std::vector<int>& participants,
                   const PlaceMention* dateline, bool times_sorted)
        : m_doc(doc),
          m_actors(actors),
          m_times(times),
          m_r(rules),
          m_si(si),
          m_recent(recent_people),
          m_participants(participants),
          m_dateline(dateline),
          m_t(tokens_of(actors, doc, si, m_own, m_own_arena)),
          m_info(scratch.info),
          m_args(scratch.args),
          m_places(scratch.places),
          m_cands(scratch.cands) {
        m_info.clear();
        m_args.clear();
        m_places.clear();
        // One lookup per token answers the trigger, cue and word-class questions below.
        // Most sentences hold no trigger word: they can yield no event, so skip the rest.
        // ("said" begins triggers, but "said in a statement" rarely follows).
        bool any_trigger = false;
        for (std::size_t i = 0; i < m_t.size() && !any_trigger; ++i) {
            if (!m_t[i].is_word() || !rules.may_begin_trigger(m_t[i].low)) continue;
            const detail::WordInfo* wi = rules.info(m_t[i].low, m_t[i].hash);
            if (!wi || !wi->triggers) continue;
            for (const auto& trig : *wi->triggers) {
                if (words_match(trig, i)) {
                    any_trigger = true;
                    break;
                }
            }
        }
        if (!any_trigger) {
            m_no_trigger = true;
            return;
        }
        m_info.reserve(m_t.size());
        for (const auto& t : m_t) m_info.push_back(rules.info(t.low, t.hash));
        if (times_sorted) {
            // Times are in text order: the ones that can matter lie in a few index ranges.
            const auto& s = doc.sentences[si];
            m_times_sorted = true;
            m_before = first_time_at(s.begin);
            m_in_end = first_time_after(s.end);
            if (s.paragraph < doc.paragraphs.size())
                m_para = first_time_at(doc.paragraphs[s.paragraph].begin);
        }
        // "Bill Clinton And Boris Yeltsin Arrived For A Summit": a standfirst in Title Case
        // reads like a headline.
        // Every word of three letters or more is capitalised ("Chinese President Xi Jinping met
        // Putin" is a sentence: "met").
        std::size_t long_words = 0, capitalised = 0, lower = 0;
        for (const auto& t : m_t) {
            if (!t.is_word() || t.low.size() < 3) continue;
            lower += t.shape == TokShape::lower;
            if (lower) break;  // one lower-case word settles it
            if (t.low.size() < 4) continue;
            ++long_words;
            capitalised += t.capitalised();
        }
        m_title_case = long_words >= 4 && lower == 0 && capitalised * 10 >= long_words * 9;
        map_mentions();
    }

    void set_speaker(int actor) { m_speaker = actor; }

    /// A Title-Case sentence ("Bill Clinton And Boris Yeltsin Arrived For A Summit").
    bool title_case() const { return m_title_case; }

    void run(std::vector<Event>& out) {
        if (m_no_trigger) return;
        std::size_t verb_event_end = SIZE_MAX;  // just after the last verb that made an event
        for (std::size_t i = 0; i < m_t.size(); ++i) {
            if (!m_t[i].is_word()) continue;
            if (!m_info[i] || !m_info[i]->triggers) continue;
            const auto& trigs = *m_info[i]->triggers;
            // Longest phrase first; a verb/noun homograph ("meeting", "visit", "call") is a verb
            // after an auxiliary or "to", a noun otherwise.
            std::size_t best_len = 0;
            for (const auto& trig : trigs)
                if (matches(trig, i)) best_len = std::max(best_len, trig.words.size());
            if (best_len == 0) continue;
            // "called off", "called for": a status or proposal phrase, not a trigger.
            if (cue_at(i, best_len)) continue;
            // Longest phrases first; a shorter reading is tried when the longer finds no event.
            auto& cands = m_cands;
            cands.clear();
            for (const auto& trig : trigs)
                if (matches(trig, i)) cands.push_back(&trig);
            const bool verbal =
                i > 0 &&
                (has(i - 1, detail::wb_aux) ||
                 (i > 1 && has(i - 2, detail::wb_aux) && m_t[i - 1].shape == TokShape::lower &&
                  m_t[i - 1].low.size() > 2 && m_t[i - 1].low.ends_with("ly")));
            // "a three-day visit", "his first official trip": a determiner a few words back.
            bool determiner = false;
            for (std::size_t k = i; k-- > 0 && i - k <= 3;) {
                if (!m_t[k].is_word() || has(k, detail::wb_aux)) break;
                if (has(k, detail::wb_determiner) || m_t[k].possessive) {
                    determiner = true;
                    break;
                }
                if (m_t[k].capitalised()) break;
            }
            // A handful of readings: a stable insertion sort, with no buffer to allocate.
            const auto before = [&](const Trigger* a, const Trigger* b) {
                if (a->words.size() != b->words.size()) return a->words.size() > b->words.size();
                auto score = [&](const Trigger* x) {
                    if (x->noun) return determiner ? 0 : (verbal ? 2 : 1);
                    return verbal ? 0 : (determiner ? 2 : 1);
                };
                if (score(a) != score(b)) return score(a) < score(b);
                // "exchanged views with X by telephone": the reading that asks for a nearby
                // word is the more specific one.
                auto near = [](const Trigger* x) { return x->has(detail::Frame::near); };
                return near(a) && !near(b);
            };
            for (std::size_t k = 1; k < cands.size(); ++k)
                for (std::size_t j = k; j > 0 && before(cands[j], cands[j - 1]); --j)
                    std::swap(cands[j], cands[j - 1]);
            std::size_t used = best_len;
            for (const Trigger* trig : cands) {
                // "discussed the hostage deal with X by phone", "signed a peace agreement": a
                // noun that is the object of an event verb is that verb's event, no other.
                if (trig->noun && object_of_event_verb(verb_event_end, i)) continue;
                Event e;
                if (build(*trig, i, i + trig->words.size(), e)) {
                    if (!trig->noun) verb_event_end = i + trig->words.size();
                    // "X is due in Pyongyang on Saturday for talks with Y": the purpose of a
                    // planned trip is planned too, for the same day.
                    if (i > 0 && low(i - 1) == "for" && !out.empty() &&
                        out.back().status == EventStatus::scheduled &&
                        e.status == EventStatus::occurred) {
                        e.status = EventStatus::scheduled;
                        if (e.type == EventType::meeting) e.cameo = "036";
                        if (out.back().date.first) e.date = out.back().date;
                    }
                    split_separate(std::move(e), i, out);
                    used = trig->words.size();
                    break;
                }
            }
            i += used - 1;
        }
    }

  private:
    bool quote_mark(std::size_t i) const {
        const detail::Word w = m_t[i].low;
        return w == "\"" || w == "\u201c" || w == "\u201d" || w == "''" || w == "``";
    }

    // Whether the noun at `noun` follows the verb that ended at `verb_end` with nothing but
    // determiners and lower-case modifiers between ("the hostage", "a new friendship").
    bool object_of_event_verb(std::size_t verb_end, std::size_t noun) const {
        if (verb_end == SIZE_MAX || verb_end > noun || noun - verb_end > 4) return false;
        for (std::size_t k = verb_end; k < noun; ++k)
            if (!m_t[k].is_word() || m_t[k].shape != TokShape::lower ||
                has(k, detail::wb_preposition) || has(k, detail::wb_subordinator))
                return false;  // "made the announcement after meeting with X"
        return true;
    }

    // "their separate talks with Bush", "X and Y held separate meetings with Z": one encounter
    // for each of the subjects. The events go to `out` (through split_by_affiliation), moved,
    // not through vectors of their own.
    void split_separate(Event&& e, std::size_t tb, std::vector<Event>& out) const {
        bool separate = false;
        for (std::size_t k = tb; k-- > 0 && tb - k <= 2;) separate |= has(k, detail::wb_separate);
        std::vector<std::size_t> subjects;
        bool targets = false;
        if (separate)
            for (std::size_t i = 0; i < e.participants.size(); ++i) {
                if (e.participants[i].role == Role::target)
                    targets = true;
                else
                    subjects.push_back(i);
            }
        if (!separate || !targets || subjects.size() < 2) {
            split_by_affiliation(std::move(e), out);
            return;
        }
        for (auto s : subjects) {
            Event part = e;
            part.participants.clear();
            for (std::size_t i = 0; i < e.participants.size(); ++i)
                if (i == s || e.participants[i].role == Role::target)
                    part.participants.push_back(e.participants[i]);
            split_by_affiliation(std::move(part), out);
        }
    }

    // "meet representatives from the IOM and the UNHCR": a meeting's targets from different
    // bodies are separate encounters. People of one country stay together ("meeting Prime
    // Minister Qarase and Foreign Minister Tavola"); the split needs an organisation among them.
    static void split_by_affiliation(Event&& e, std::vector<Event>& out) {
        if (e.type == EventType::visit) {
            split_visitors(std::move(e), out);
            return;
        }
        if (e.type != EventType::meeting) {
            out.push_back(std::move(e));
            return;
        }
        std::vector<std::string> keys;
        bool any_org = false;
        for (const auto& p : e.participants) {
            if (p.role != Role::target) continue;
            any_org |= p.kind == ActorKind::organisation;
            const std::string key =
                p.kind == ActorKind::organisation ? "O:" + p.name : "C:" + p.country;
            if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
        }
        if (!any_org || keys.size() < 2) {
            out.push_back(std::move(e));
            return;
        }
        for (const auto& key : keys) {
            Event part = e;
            std::erase_if(part.participants, [&](const Participant& p) {
                if (p.role != Role::target) return false;
                return (p.kind == ActorKind::organisation ? "O:" + p.name : "C:" + p.country) !=
                       key;
            });
            out.push_back(std::move(part));
        }
    }

    // "Clinton and Yeltsin arrived in Helsinki": leaders of different countries make separate
    // visits; a leader and his own ministers or spouse make one.
    static void split_visitors(Event&& e, std::vector<Event>& out) {
        std::vector<std::string> countries;
        for (const auto& p : e.participants) {
            if (p.role != Role::visitor) continue;
            if (p.country.empty()) {
                out.push_back(std::move(e));
                return;
            }
            if (std::find(countries.begin(), countries.end(), p.country) == countries.end())
                countries.push_back(p.country);
        }
        if (countries.size() < 2) {
            out.push_back(std::move(e));
            return;
        }
        for (const auto& c : countries) {
            Event part = e;
            std::erase_if(part.participants, [&](const Participant& p) {
                return p.role == Role::visitor && p.country != c;
            });
            // Only the travellers: Olmert does not visit Israel when Abbas does.
            bool abroad = false;
            for (const auto& p : part.participants)
                abroad |= p.role == Role::host && p.country != c;
            if (abroad) out.push_back(std::move(part));
        }
    }

    const Document& m_doc;
    const ActorTable& m_actors;
    const std::vector<TimeSpan>& m_times;
    const detail::EventRules& m_r;
    uint32_t m_si;
    const std::vector<int>& m_recent;
    const std::vector<int>& m_participants;
    bool m_title_case = false;
    const PlaceMention* m_dateline;  ///< "HELSINKI, Finland --": where the reporter writes from
    detail::FoldArena m_own_arena;   ///< m_own's folded words
    std::vector<Tok> m_own;          ///< lexed here when the actor stage kept no tokens
    const std::vector<Tok>& m_t;     ///< the sentence's tokens: the actor stage's, or m_own
    std::vector<const detail::WordInfo*>& m_info;  ///< rules.info() of each token
    // With m_times sorted by span.begin: [0, m_before) begin before the sentence,
    // [m_before, m_in_end) begin inside it (or at its end), [m_para, m_before) inside its
    // paragraph before it.
    bool m_times_sorted = false;
    bool m_no_trigger = false;  ///< no token begins a trigger: run() finds nothing
    int m_speaker = -1;         ///< the transcript's speaker (speaker_of), or -1
    std::size_t m_before = 0, m_in_end = 0, m_para = 0;

    // The actor stage already lexed every sentence: reuse its tokens instead of lexing again.
    static const std::vector<Tok>& tokens_of(const ActorTable& actors, const Document& doc,
                                             uint32_t si, std::vector<Tok>& own,
                                             detail::FoldArena& arena) {
        if (const auto* shared = detail::shared_tokens(actors, doc, si)) return *shared;
        own = detail::lex_sentence(doc.text, doc.sentences[si], arena);
        for (auto& t : own) t.hash = detail::word_hash(t.low);
        return own;
    }
    std::size_t first_time_at(uint32_t byte) const {
        return static_cast<std::size_t>(
            std::lower_bound(m_times.begin(), m_times.end(), byte,
                             [](const TimeSpan& t, uint32_t b) { return t.span.begin < b; }) -
            m_times.begin());
    }
    std::size_t first_time_after(uint32_t byte) const {
        return static_cast<std::size_t>(
            std::upper_bound(m_times.begin(), m_times.end(), byte,
                             [](uint32_t b, const TimeSpan& t) { return b < t.span.begin; }) -
            m_times.begin());
    }
    // The times whose span begins in the sentence (all of them when not sorted).
    std::pair<std::size_t, std::size_t> sentence_times() const {
        if (!m_times_sorted) return {0, m_times.size()};
        return {m_before, m_in_end};
    }
    std::vector<Arg>& m_args;
    std::vector<Place>& m_places;
    std::vector<const detail::Trigger*>& m_cands;  ///< run(): the readings of one trigger word

    bool in_title() const {
        const auto& s = m_doc.sentences[m_si];
        return m_doc.title_span.size() > 0 && s.begin >= m_doc.title_span.begin &&
               s.end <= m_doc.title_span.end;
    }

    detail::Word low(std::size_t i) const { return m_t[i].low; }
    bool has(std::size_t i, uint32_t bit) const { return m_info[i] && (m_info[i]->bits & bit); }
    bool has_triggers(std::size_t i) const { return m_info[i] && m_info[i]->triggers; }

    // The first token ending after `byte` (tokens are in text order: a binary search).
    std::size_t tok_at(uint32_t byte) const {
        return static_cast<std::size_t>(
            std::partition_point(m_t.begin(), m_t.end(),
                                 [byte](const Tok& t) { return t.end <= byte; }) -
            m_t.begin());
    }
    std::size_t tok_end(uint32_t byte) const {
        std::size_t i = tok_at(byte > 0 ? byte - 1 : 0);
        return std::min(i + 1, m_t.size());
    }

    void map_mentions() {
        const auto& s = m_doc.sentences[m_si];
        // Mentions are in text order: find this sentence's run by binary search.
        auto first =
            std::lower_bound(m_actors.mentions.begin(), m_actors.mentions.end(), m_si,
                             [](const Mention& m, uint32_t si) { return m.sentence < si; });
        for (auto it = first; it != m_actors.mentions.end() && it->sentence == m_si; ++it) {
            const Mention& m = *it;
            if (m.actor < 0) continue;
            if (m.begin < s.begin || m.end > s.end) continue;
            Arg a;
            a.actor = m.actor;
            a.b = tok_at(m.begin);
            a.e = tok_end(m.end);
            a.hb = tok_at(m.head_begin);
            a.form = m.form;
            a.title = m.title;
            if (a.b < a.e) m_args.push_back(std::move(a));
        }
        std::sort(m_args.begin(), m_args.end(),
                  [](const Arg& x, const Arg& y) { return x.b < y.b; });
        auto pfirst =
            std::lower_bound(m_actors.places.begin(), m_actors.places.end(), m_si,
                             [](const PlaceMention& p, uint32_t si) { return p.sentence < si; });
        for (auto it = pfirst; it != m_actors.places.end() && it->sentence == m_si; ++it) {
            const PlaceMention& p = *it;
            m_places.push_back(Place{tok_at(p.begin), tok_end(p.end), p.name, p.country});
        }
    }

    bool words_match(const Trigger& trig, std::size_t i) const {
        if (i + trig.words.size() > m_t.size()) return false;
        for (std::size_t k = 0; k < trig.words.size(); ++k)
            if (m_t[i + k].low != trig.words[k]) return false;
        return true;
    }

    bool matches(const Trigger& trig, std::size_t i) const {
        if (!words_match(trig, i)) return false;
        // A capitalised trigger mid-sentence is part of a name ("Camp David Summit", "Call"),
        // except in a Title-Case headline ("Bush Meets With Abbas").
        // An international body's own gathering is the exception: "the G20 Summit".
        if (i > 0 && m_t[i].shape == TokShape::cap && !in_title() && !m_title_case &&
            body_before(i) < 0)
            return false;
        return true;
    }

    // "X arrived for a summit", "rolled into this frosty capital", "arrived here": near the
    // top of a story with a dateline, an arrival without a named destination is an arrival
    // where the reporter writes from.
    bool dateline_destination(const Trigger& trig, std::size_t te, std::vector<Dest>& dests) const {
        if (!m_dateline || m_dateline->country.empty()) return false;
        if (!in_title() && m_si > m_dateline->sentence + 2) return false;
        bool ok = false;
        if (te < m_t.size() && (low(te) == "here" || low(te) == "this"))
            ok = true;
        else if (trig.words.size() == 1 && trig.words[0].starts_with("arriv")) {
            // A named place follows "in", "at", "to" (found as a destination when it is one).
            const std::string_view w = te < m_t.size() ? std::string_view(m_t[te].low) : "";
            ok = w != "in" && w != "at" && w != "to" && w != "into" && w != "home" && w != "back";
        }
        if (!ok) return false;
        dests.push_back(
            Dest{country_actor(m_dateline->country), m_dateline->name, m_dateline->country});
        return true;
    }

    // "their planned meeting at the APEC summit": a gathering named as the venue of another
    // event is not reported as an event of its own.
    bool venue_phrase(std::size_t b) const {
        for (std::size_t i = b; i-- > 0 && b - i <= 5;) {
            const detail::Word w = m_t[i].low;
            // "at the APEC summit", "on the sidelines of the G20 summit"
            if (w == "at" || has(i, detail::wb_aside)) return true;
            if (w == "of") continue;
            if (!m_t[i].is_word() || has(i, detail::wb_preposition)) return false;
        }
        return false;
    }

    bool international_body(const Arg& a) const {
        const Actor& x = m_actors.actors[a.actor];
        return x.kind == ActorKind::organisation && x.country.empty();
    }

    // "the NATO summit", "a G20 meeting": the international body right before token i.
    int body_before(std::size_t i) const {
        for (std::size_t k = 0; k < m_args.size(); ++k)
            if (m_args[k].e == i && international_body(m_args[k])) return static_cast<int>(k);
        // "As the General Assembly wrapped up its General Debate": "its" is the body named last.
        if (i > 0 && low(i - 1) == "its")
            for (std::size_t k = m_args.size(); k-- > 0;)
                if (m_args[k].e < i && international_body(m_args[k])) return static_cast<int>(k);
        return -1;
    }

    // "a summit of the African Union", "a meeting of NATO foreign ministers".
    int body_after(std::size_t te) const {
        if (te >= m_t.size() || low(te) != "of") return -1;
        for (std::size_t k = 0; k < m_args.size(); ++k) {
            const Arg& a = m_args[k];
            if (a.b <= te) continue;
            if (a.b > te + 2) break;
            bool clean = true;  // only "the" between
            for (std::size_t i = te + 1; i < a.b; ++i) clean &= low(i) == "the";
            return clean && international_body(a) ? static_cast<int>(k) : -1;
        }
        return -1;
    }

    ActorKind kind(const Arg& a) const { return m_actors.actors[a.actor].kind; }

    // A metonym or country right after a locative preposition is a place, not a participant.
    bool locative(const Arg& a) const {
        if (a.form != MentionForm::metonym && a.form != MentionForm::country) return false;
        // "negotiators from Israel": who they stand for, not where.
        return preposition_before(a.b, m_r.locative) && !proxy_before(a.b);
    }

    // "at the White House": a preposition before token b, over an article.
    template <class Set>
    bool preposition_before(std::size_t b, const Set& preps) const {
        if (b > 0 && low(b - 1) == "the") --b;
        return b > 0 && preps.count(m_t[b - 1].low);
    }

    bool clause_break(std::size_t i) const {
        if (m_t[i].is_word()) return false;  // the common case, without string compares
        const detail::Word w = m_t[i].low;
        if (w.size() == 1) {
            const char c = w[0];
            return c == ';' || c == ':' || c == '"' || c == '(' || c == ')';
        }
        return w == "\u201c" || w == "\u201d" || w == "--" || w == "\u2014";
    }

    // A body named as the subject itself ("NATO will hold", "ASEAN leaders gathered", "EU
    // foreign ministers"), not a person of it ("UN Secretary General", "the UN chief").
    bool body_or_members(const Arg& a) const {
        if (a.e == 0 || m_t[a.e - 1].possessive) return false;  // "the Court's next session"
        for (std::size_t i = a.e; i < m_t.size() && i < a.e + 3; ++i) {
            if (has(i, detail::wb_aux) || has(i, detail::wb_light_verb)) return true;
            if (m_t[i].shape != TokShape::lower) return false;
            if (has(i, detail::wb_proxy_noun) && m_t[i].low.ends_with("s")) return true;
        }
        return false;
    }

    // "NATO foreign ministers will meet", "NATO will meet": the body itself (or its members)
    // is the subject, not "the UN chief".
    bool body_subject(const std::vector<std::size_t>& subj, std::size_t tb) const {
        if (subj.size() != 1) return false;
        // Between the body and the verb: auxiliaries, and words that end in a plural member
        // noun ("foreign ministers", "leaders"); "chief" or "envoy" is a person.
        std::size_t last = SIZE_MAX;
        for (std::size_t i = m_args[subj[0]].e; i < tb; ++i) {
            if (has(i, detail::wb_aux)) continue;
            if (m_t[i].shape != TokShape::lower) return false;
            last = i;
        }
        return last == SIZE_MAX ||
               (has(last, detail::wb_proxy_noun) && m_t[last].low.ends_with("s"));
    }

    // The list right after `word` ("from", "for"), which must come within `window` tokens of
    // the trigger's end: its first actor at most two words on ("for visiting President Putin").
    std::vector<std::size_t> args_after(std::string_view word, std::size_t te,
                                        std::size_t window) const {
        for (std::size_t i = te; i < m_t.size() && i < te + window; ++i) {
            if (low(i) != word) continue;
            for (std::size_t k = 0; k < m_args.size(); ++k) {
                if (m_args[k].b <= i) continue;
                if (m_args[k].b > i + 3 || locative(m_args[k])) break;
                return chain(k);
            }
        }
        return {};
    }

    // "his", "her", "their", "its": a possessive determiner, never a member of a list.
    bool possessive_arg(std::size_t n) const {
        if (m_args[n].form != MentionForm::pronoun) return false;
        const auto w = low(m_args[n].b);
        return w == "his" || w == "her" || w == "their" || w == "its";
    }

    // Coordinated mentions starting at argument index k: "X, Y and Z".
    std::vector<std::size_t> chain(std::size_t k) const {
        std::vector<std::size_t> out{k};
        std::size_t cur = k;
        for (std::size_t n = k + 1; n < m_args.size(); ++n) {
            // "Qarase, Foreign Minister Tavola": the actor stage may lend the next one's title
            // to the first as an appositive; the second still follows the comma.
            if (m_args[n].b < m_args[cur].e && m_args[n].hb >= m_args[cur].e && m_args[n].b > 0 &&
                (low(m_args[n].b - 1) == "," || low(m_args[n].b - 1) == "and")) {
                out.push_back(n);
                cur = n;
                continue;
            }
            if (m_args[n].b < m_args[cur].e) continue;
            // "Lavrov and his counterpart Cavusoglu": a possessive is not a member of the list.
            if (possessive_arg(n)) continue;
            // "(IOM)" after "International Organization for Migration": the same actor again.
            if (m_args[n].actor == m_args[cur].actor && m_args[n].b == m_args[cur].e + 1 &&
                low(m_args[cur].e) == "(")
                continue;
            bool ok = true;
            bool saw_and = false, saw_comma = false;
            for (std::size_t i = m_args[cur].e; i < m_args[n].b; ++i) {
                const detail::Word w = m_t[i].low;
                // "the International Organization for Migration (IOM) and the UNHCR"
                if (w == "(" && i + 3 < m_args[n].b && low(i + 2) == ")" && m_t[i + 1].is_word()) {
                    i += 2;
                    continue;
                }
                if (w == "and" || w == "&")
                    saw_and = true;
                else if (w == ",")
                    saw_comma = true;
                else if (w != "the" && w != "with" && w != "also" &&
                         !(m_t[i].capitalised() && (saw_comma || saw_and)) &&
                         !((saw_comma || saw_and) && (w == "his" || w == "her" || w == "their" ||
                                                      has(i, detail::wb_object_modifier))))
                    ok = false;  // "Qarase, Foreign Minister Tavola": the next one's title;
                                 // "Lavrov and his Turkish counterpart Cavusoglu".
            }
            if (!ok || m_args[n].b == m_args[cur].e) break;
            if (locative(m_args[n])) break;
            // "talks with Zarif, the Kremlin said": the speaker of a reporting clause.
            if (saw_comma && !saw_and && m_args[n].e < m_t.size() &&
                has(m_args[n].e, detail::wb_speech_verb))
                break;
            out.push_back(n);
            cur = n;
            (void)saw_and;
        }
        return out;
    }

    // The last coordination of two or more actors ending before token `at`: "X and Y".
    std::vector<std::size_t> last_coordination(std::size_t at) const {
        for (std::size_t k = m_args.size(); k-- > 0;) {
            if (m_args[k].e > at) continue;
            if (possessive_arg(k)) continue;
            std::size_t first = k;
            while (first > 0) {
                std::size_t prev = first - 1;
                if (possessive_arg(prev) && prev > 0) --prev;  // "X and his counterpart Y"
                auto c = chain(prev);
                if (c.size() > 1 && std::find(c.begin(), c.end(), k) != c.end())
                    first = prev;
                else
                    break;
            }
            auto c = chain(first);
            if (c.size() > 1) return c;
        }
        return {};
    }

    // The nearest participant left of token `at`, within the clause.
    std::vector<std::size_t> subject(std::size_t at, bool leftmost = false) const {
        static const std::set<std::string, std::less<>> by{"by"};  // a passive's agent
        static const std::set<std::string, std::less<>> pair{"between", "among"};
        // "X and his wife Y stand at attention as they arrive": "they" is the last coordination
        // of two or more; with none in the sentence it is nobody we can name.
        {
            std::size_t i = at;
            while (i > 0 && has(i - 1, detail::wb_aux)) --i;
            if (i > 0 && (low(i - 1) == "they" || low(i - 1) == "we"))
                return last_coordination(i - 1);
            // "..., a spokesman told reporters": the speaker is someone the text leaves unnamed
            // (a named one stands right before the verb: "spokesman Michael McCurry said", or
            // behind a closing comma: "McCurry, the spokesman, said").
            if (i > 0 && has(i - 1, detail::wb_unnamed)) return {};
        }
        // "an IMF team which is negotiating", "Yeltsin, who met": the relative pronoun's
        // antecedent.
        for (std::size_t i = at; i-- > 0 && at - i <= 4;) {
            const detail::Word w = m_t[i].low;
            if (w != "which" && w != "who" && w != "that") {
                // A word between ("denied that Putin had met") gives the verb its own subject.
                if (!has(i, detail::wb_aux) && m_t[i].is_word() && !w.ends_with("ly")) break;
                continue;
            }
            for (std::size_t k = m_args.size(); k-- > 0;) {
                if (m_args[k].e > i) continue;
                if (m_args[k].e + 3 < i) break;
                bool clean = true;  // only a comma or a head noun ("team") between
                for (std::size_t j = m_args[k].e; j < i; ++j)
                    clean &= low(j) == "," || m_t[j].shape == TokShape::lower;
                if (clean && !locative(m_args[k])) return {k};
                break;
            }
            break;
        }
        std::size_t lim = at;
        for (std::size_t i = at; i-- > 0;) {
            if (low(i) == ")") {  // "Macron, who arrived ... (1am Singapore time), will join"
                while (i > 0 && low(i) != "(") --i;
                lim = i;
                continue;
            }
            if (clause_break(i)) break;
            lim = i;
            // A verb's subject does not lie beyond the subordinator that opens its clause.
            if (!leftmost && i + 1 < at && has(i, detail::wb_subordinator)) break;
        }
        // Prefer a person, else any actor that is not a place. A verb takes the nearest one; a
        // bare noun in a trailing phrase ("X met Y at the start of a visit") the clause subject.
        for (int pass = 0; pass < 2; ++pass) {
            for (std::size_t n = 0; n < m_args.size(); ++n) {
                const std::size_t k = leftmost ? n : m_args.size() - 1 - n;
                const Arg& a = m_args[k];
                if (a.e > at || a.b < lim) continue;
                if (locative(a)) continue;
                // "Dujarric, the spokesperson for the Secretary-General, told": the object of a
                // preposition is not the subject.
                // "The foreign ministers of France and Germany met" is their meeting.
                // The actor right before the verb is its subject whatever its kind: "...,
                // the White House said" (not a person named earlier in the sentence).
                bool next_to_verb = !leftmost && a.e <= at;
                for (std::size_t j = a.e; j < at && next_to_verb; ++j)
                    next_to_verb = has(j, detail::wb_aux) || m_t[j].low.ends_with("ly");
                // "after X met Y": a subordinator opens a clause, whose subject X is.
                const bool opens_clause =
                    next_to_verb && a.b > 0 && has(a.b - 1, detail::wb_subordinator);
                if (!opens_clause && preposition_before(a.b, m_r.prepositions) &&
                    !preposition_before(a.b, by) && !proxy_before(a.b))
                    continue;
                if (a.form == MentionForm::metonym && pass == 0 && !next_to_verb) continue;
                if (pass == 0 && kind(a) != ActorKind::person && !next_to_verb) continue;
                // Walk back to the first of a coordination "X and Y met".
                std::size_t first = k;
                while (first > 0) {
                    std::size_t prev = first - 1;
                    if (possessive_arg(prev) && prev > 0) --prev;  // "X and his counterpart Y"
                    const std::size_t pb = m_args[prev].b;
                    if (locative(m_args[prev]) ||
                        (preposition_before(pb, m_r.prepositions) &&
                         !preposition_before(pb, pair) && !proxy_before(pb)))
                        break;
                    auto c = chain(prev);
                    if (c.size() > 1 && std::find(c.begin(), c.end(), k) != c.end())
                        first = prev;
                    else
                        break;
                }
                return chain(first);
            }
        }
        return leftmost ? std::vector<std::size_t>{} : parenthetical_subject(at);
    }

    // "Blinken, on his sixth trip to the region since the war began, will travel": a phrase
    // set off by commas right before the verb group, whose subject ends at its first comma (when
    // the nearer words name no subject).
    std::vector<std::size_t> parenthetical_subject(std::size_t at) const {
        std::size_t i = at;
        while (i > 0 && has(i - 1, detail::wb_aux)) --i;
        if (i < 2 || low(i - 1) != ",") return {};
        for (std::size_t j = i - 1; j-- > 0 && i - j <= 24;) {
            if (clause_break(j)) break;
            if (low(j) != ",") continue;
            for (std::size_t k = 0; k < m_args.size(); ++k)
                if (m_args[k].e == j && !locative(m_args[k]) &&
                    !preposition_before(m_args[k].b, m_r.prepositions))
                    return chain(k);
            break;
        }
        return {};
    }

    // "the two", "their talks": the last two people who took part in an event, else the last
    // two people mentioned.
    std::vector<int> last_two_people() const {
        for (const auto* list : {&m_participants, &m_recent}) {
            std::vector<int> out;
            for (auto it = list->rbegin(); it != list->rend() && out.size() < 2; ++it)
                if (std::find(out.begin(), out.end(), *it) == out.end()) out.push_back(*it);
            if (out.size() == 2) return out;
        }
        return {};
    }

    // "the two", "both sides", "the two leaders": the pair just named in the sentence ("a call
    // between X and Y, both sides affirmed"), else the last two people mentioned.
    std::vector<int> plural_subject(std::size_t at) const {
        for (std::size_t i = at; i-- > 0 && at - i <= 4;) {
            if (!has(i, detail::wb_plural)) continue;
            auto c = last_coordination(i);
            if (c.size() == 2) return {m_args[c[0]].actor, m_args[c[1]].actor};
            return last_two_people();
        }
        return {};
    }

    // "members of", "representatives from": token i is of/from after a proxy noun.
    bool proxy_of(std::size_t i) const {
        return i > 0 && (low(i) == "of" || low(i) == "from") && has(i - 1, detail::wb_proxy_noun);
    }

    // "the foreign ministers of (the) X": token b opens the object of a proxy noun's "of".
    bool proxy_before(std::size_t b) const {
        if (b > 1 && low(b - 1) == "the") --b;
        return b > 0 && proxy_of(b - 1);
    }

    // First argument starting within `gap` tokens right of `from` (skipping determiners).
    std::optional<std::size_t> object(std::size_t from, std::size_t gap, bool person_only) const {
        for (std::size_t k = 0; k < m_args.size(); ++k) {
            const Arg& a = m_args[k];
            if (a.b < from) continue;
            // "met his Russian counterpart, X": determiners and the words of
            // data/events/object-modifiers.txt may stand between the verb and its object.
            std::size_t plain = 0;
            for (std::size_t i = from; i < a.b; ++i) {
                if (clause_break(i) || low(i) == ",") {
                    if (low(i) == "," && i + 1 == a.b && i > from &&
                        has(i - 1, detail::wb_object_modifier))
                        continue;
                    return std::nullopt;
                }
                if (has(i, detail::wb_preposition)) {
                    if (proxy_of(i)) continue;
                    return std::nullopt;
                }
                const bool modifier = has(i, detail::wb_determiner) ||
                                      has(i, detail::wb_object_modifier) ||
                                      has(i, detail::wb_proxy_noun) || low(i) == "his" ||
                                      low(i) == "her" || m_t[i].capitalised();
                if (!modifier) ++plain;
            }
            if (plain > gap || a.b > from + gap + 4) return std::nullopt;
            if (a.form == MentionForm::pronoun && a.e < m_t.size() &&
                (low(a.b) == "his" || low(a.b) == "her" || low(a.b) == "my"))
                continue;  // "met his Russian counterpart X": a determiner, not the object
            if (locative(a)) return std::nullopt;
            if (person_only && kind(a) != ActorKind::person) return std::nullopt;
            return k;
        }
        return std::nullopt;
    }

    // "... with X, which will also include Y and Z": Y and Z join the same gathering.
    void extend_inclusion(std::vector<std::size_t>& c) const {
        std::size_t end = m_args[c.back()].e;
        for (std::size_t i = end; i < m_t.size() && i < end + 6; ++i) {
            if (clause_break(i)) return;
            const detail::Word w = m_t[i].low;
            if (w == "include" || w == "includes" || w == "including" || w == "joined") {
                for (std::size_t k = c.back() + 1; k < m_args.size(); ++k) {
                    if (m_args[k].b <= i) continue;
                    if (m_args[k].b > i + 3) return;
                    for (auto n : chain(k)) c.push_back(n);
                    return;
                }
                return;
            }
        }
    }

    // Arguments after "with"/"between" within `window` tokens of the trigger.
    std::vector<std::size_t> with_args(std::size_t from, std::size_t window, bool& between) const {
        between = false;
        for (std::size_t i = from; i < m_t.size() && i < from + window; ++i) {
            if (clause_break(i)) break;
            // "a final meeting Tuesday before their separate talks with Bush": the "with" of
            // another event noun is that noun's.
            // In a headline the noun is capitalised: "Remarks Prior to a Meeting With X".
            if (i > from && has_triggers(i) && low(i) != "with" &&
                (m_t[i].shape == TokShape::lower || in_title() || m_title_case) &&
                !object_of_event_verb(from, i))  // not "discussed the deal with X by phone"
                break;
            if (low(i) == "with" || low(i) == "between" || low(i) == "among") {
                between = low(i) != "with";
                for (std::size_t k = 0; k < m_args.size(); ++k) {
                    if (m_args[k].b <= i) continue;
                    if (m_args[k].b > i + 4) break;
                    // "talks with Zarif, the Kremlin said": a reporting clause's speaker.
                    if (m_args[k].e < m_t.size() && has(m_args[k].e, detail::wb_speech_verb))
                        continue;
                    // "met with reporters at the White House": where, not with whom.
                    if (m_args[k].b > i + 1 && locative(m_args[k]) && !proxy_before(m_args[k].b))
                        continue;
                    auto c = chain(k);
                    extend_inclusion(c);
                    return c;
                }
                return {};
            }
        }
        return {};
    }

    // Destination of a visit: a place, capital or country after to/in/into, or as the object.
    bool destination(std::size_t from, std::vector<Dest>& dests) const {
        std::size_t limit = std::min(m_t.size(), from + 6);
        for (std::size_t i = from; i < limit; ++i) {
            if (clause_break(i)) break;
            for (const auto& p : m_places) {
                if (p.b != i) continue;
                int country = country_actor(p.country);
                dests.push_back(Dest{country, p.name, p.country});
            }
            for (std::size_t k = 0; k < m_args.size(); ++k) {
                const Arg& a = m_args[k];
                if (a.b != i || (a.form != MentionForm::country && a.form != MentionForm::metonym))
                    continue;
                for (auto c : chain(k)) {
                    const Arg& ca = m_args[c];
                    if (ca.form != MentionForm::country && ca.form != MentionForm::metonym)
                        continue;
                    bool dup = false;
                    for (auto& d : dests) dup |= d.actor == ca.actor;
                    if (!dup)
                        dests.push_back(Dest{ca.actor,
                                             ca.form == MentionForm::metonym
                                                 ? std::string(span(ca.hb, ca.e))
                                                 : std::string(),
                                             m_actors.actors[ca.actor].country});
                }
            }
            if (!dests.empty()) return true;
        }
        return false;
    }

    int country_actor(const std::string& code) const {
        for (std::size_t i = 0; i < m_actors.actors.size(); ++i)
            if (m_actors.actors[i].kind == ActorKind::country && m_actors.actors[i].country == code)
                return static_cast<int>(i);
        return -1;
    }

    std::string_view span(std::size_t b, std::size_t e) const {
        return std::string_view(m_doc.text).substr(m_t[b].begin, m_t[e - 1].end - m_t[b].begin);
    }

    // Status cue in the verb group left of the trigger (a window of a few words in the clause).
    std::string cue_before(std::size_t at, std::size_t window) const {
        std::string found;
        std::size_t lo = at > window ? at - window : 0;
        for (std::size_t i = at; i-- > lo;) {
            if (clause_break(i) || low(i) == ",") break;
            for (const Cue* cp : cues_from(i)) {
                const Cue& c = *cp;
                if (i + c.words.size() > at) continue;
                bool ok = true;
                for (std::size_t k = 0; k < c.words.size() && ok; ++k)
                    ok = m_t[i + k].low == c.words[k];
                if (!ok) continue;
                if (c.kind == "hypothetical" || c.kind == "denied" || c.kind == "cancelled")
                    return c.kind;
                if (found.empty()) found = c.kind;
            }
        }
        return found;
    }

    // The cues whose first word is token i (an index, not a scan of every cue).
    const std::vector<const Cue*>& cues_from(std::size_t i) const {
        static const std::vector<const Cue*> none;
        if (!m_info[i] || !m_info[i]->cues) return none;
        // A word of a name is no cue: "Theresa May will meet" is no "may meet".
        if (m_t[i].capitalised())
            for (const Arg& a : m_args)
                if (a.b <= i && i < a.e) return none;
        return *m_info[i]->cues;
    }

    bool cue_at(std::size_t i, std::size_t len) const {
        for (const Cue* cp : cues_from(i)) {
            const Cue& c = *cp;
            if (c.kind == "scheduled" || c.kind == "reported" || c.words.size() <= len) continue;
            bool ok = i + c.words.size() <= m_t.size();
            for (std::size_t k = 0; k < c.words.size() && ok; ++k)
                ok = m_t[i + k].low == c.words[k];
            if (ok) return true;
        }
        return false;
    }

    // After the trigger: "was called off" (cancelled); for a noun, "are set for", "will be held".
    std::string cue_after(std::size_t from, std::size_t window, bool noun) const {
        for (std::size_t i = from; i < m_t.size() && i < from + window; ++i) {
            if (clause_break(i)) break;
            for (const Cue* cp : cues_from(i)) {
                const Cue& c = *cp;
                if (c.kind != "cancelled" && !(noun && c.kind == "scheduled_after")) continue;
                bool ok = i + c.words.size() <= m_t.size();
                for (std::size_t k = 0; k < c.words.size() && ok; ++k)
                    ok = m_t[i + k].low == c.words[k];
                if (ok) return c.kind;
            }
        }
        return {};
    }

    // A planned event cannot lie before the day of writing: "I will be meeting X to discuss
    // our lifting of sanctions on 5 October" is not on 5 October.
    bool past_for_plan(const TimeSpan& ts, bool scheduled) const {
        // A bare weekday is moved to the next week below ("will meet on Saturday, officials
        // said" resolved against the past tense of "said").
        return scheduled && ts.ok() && m_doc.publication && *ts.last < *m_doc.publication &&
               !m_r.weekdays.count(last_word(ts.expression));
    }

    const TimeSpan* date_for(std::size_t tb, std::size_t te, bool scheduled,
                             bool statement = false) const {
        const auto& s = m_doc.sentences[m_si];
        // "Biden will visit Japan next month, the White House said": a statement in a trailing
        // reporting clause is not dated by the clause it reports (one with a verb of its own
        // before the comma; "On Monday, Lavrov told reporters" keeps its Monday).
        std::size_t report_comma = SIZE_MAX;
        if (statement && !m_t.empty() && !has(0, detail::wb_subordinator) &&
            !has(0, detail::wb_preposition)) {
            std::size_t c = tb;  // the token after the last comma before the trigger
            while (c > 0 && low(c - 1) != ",") --c;
            bool event_before = false, event_after = false;
            for (std::size_t i = 0; i + 1 < c; ++i)
                event_before |= m_info[i] && m_info[i]->triggers;
            for (std::size_t i = c; i < tb; ++i) event_after |= m_info[i] && m_info[i]->triggers;
            if (c > 0 && tb - c <= 6 && event_before && !event_after) report_comma = c - 1;
        }
        const TimeSpan* best = nullptr;
        std::size_t best_d = SIZE_MAX;
        const auto [lo, hi] = sentence_times();
        for (std::size_t k = lo; k < hi; ++k) {
            const TimeSpan& ts = m_times[k];
            if (ts.span.begin < s.begin || ts.span.end > s.end) continue;
            if (ts.type == TimexType::duration || ts.type == TimexType::set) continue;
            if (past_for_plan(ts, scheduled)) continue;
            std::size_t b = tok_at(ts.span.begin);
            if (report_comma != SIZE_MAX && b < report_comma) continue;
            // "the first visit since 2008", "talks until Friday": a bound, not the time of it.
            if (has(b, detail::wb_bound) || (b > 0 && has(b - 1, detail::wb_bound))) continue;
            // "the first visit ... in 12 years": how long since the last, not when.
            const std::string_view ex = ts.expression;
            if (low(b) == "in" && (ex.ends_with("years") || ex.ends_with("decades") ||
                                   ex.ends_with("decade") || ex.ends_with("months"))) {
                bool first = false;
                for (std::size_t i = 0; i < b && !first; ++i) first = low(i) == "first";
                if (first) continue;
            }
            // "X will meet Y, a spokesman told reporters on Monday": the reporting clause's
            // time dates the telling, not the meeting.
            bool reported = false;
            for (std::size_t i = te; i < b && i < m_t.size() && !reported; ++i)
                reported = has(i, detail::wb_speech_verb);
            // "X said on Monday that he would visit Syria": the time of the saying, before the
            // "that" that opens the event's clause.
            if (!reported && b < tb) {
                std::size_t that = tb;
                for (std::size_t i = b; i < tb && that == tb; ++i)
                    if (low(i) == "that") that = i;
                for (std::size_t i = b; that < tb && i-- > 0 && b - i <= 8 && !reported;)
                    reported = has(i, detail::wb_speech_verb);
                // "On Monday, Lavrov told reporters that he would visit Iran": fronted.
                for (std::size_t i = b; that < tb && i < that && !reported; ++i)
                    reported = has(i, detail::wb_speech_verb);
            }
            if (reported && scheduled) continue;
            // "UNITED NATIONS, September 18. /TASS/. X plans to meet Y": the dateline's date is
            // the day of writing, not the plan's.
            bool datelined = dateline_time(ts, s.begin);
            if (m_dateline && m_dateline->sentence == m_si && ts.span.begin >= m_dateline->end &&
                ts.span.begin <= m_dateline->end + 3)
                datelined = true;
            if (datelined && scheduled) continue;
            if (datelined) reported = true;
            std::size_t d = b >= te ? b - te : (tb > b ? tb - b : 0);
            // A clause break between the time and the trigger makes it a weaker candidate.
            std::size_t lo = std::min(b, tb), hi = std::max(b, te);
            for (std::size_t i = lo; i < hi && i < m_t.size(); ++i)
                if (clause_break(i)) d += 20;
            if (reported) d += 40;
            if (ts.ok())
                d = d * 2;
            else
                d = d * 2 + 1;
            if (d < best_d) {
                best_d = d;
                best = &ts;
            }
        }
        return best;
    }

    static std::string last_word(std::string_view expr) {
        auto sp = expr.rfind(' ');
        return detail::fold_word(sp == std::string_view::npos ? expr : expr.substr(sp + 1));
    }

    // "a four-day state visit", "a three-day trip": a duration of days in the sentence (P4D).
    int visit_length() const {
        const auto& s = m_doc.sentences[m_si];
        const auto [lo, hi] = sentence_times();
        for (std::size_t k = lo; k < hi; ++k) {
            const TimeSpan& ts = m_times[k];
            if (ts.span.begin < s.begin || ts.span.end > s.end || ts.type != TimexType::duration)
                continue;
            const std::string& v = ts.timex;
            if (v.size() < 3 || v[0] != 'P' || v.back() != 'D') continue;
            int n = 0;
            for (std::size_t k = 1; k + 1 < v.size(); ++k) {
                if (v[k] < '0' || v[k] > '9') return 0;
                n = n * 10 + (v[k] - '0');
            }
            if (n <= 31) return n;
        }
        return 0;
    }

    // A date expression touching the trigger: "said today", "on Tuesday said".
    bool time_next_to(std::size_t tb, std::size_t te) const {
        for (const auto& ts : m_times) {
            if (ts.type != TimexType::date || !ts.ok()) continue;
            const std::size_t b = tok_at(ts.span.begin), e = tok_end(ts.span.end);
            if ((b >= te && b <= te + 1) || (e <= tb && e + 1 >= tb)) return true;
        }
        return false;
    }

    bool mentions_later(std::size_t tb) const {
        for (std::size_t i = tb; i-- > 0 && tb - i <= 4;)
            if (low(i) == "later" || low(i) == "then") return true;
        return false;
    }

    const TimeSpan* document_date() const {
        const auto& s = m_doc.sentences[m_si];
        const TimeSpan* best = nullptr;
        if (m_times_sorted) {
            // The last qualifying time before the sentence, found from the end.
            for (std::size_t k = m_before; k-- > 0;) {
                const TimeSpan& ts = m_times[k];
                if (!ts.ok() || ts.type != TimexType::date || ts.granularity != Granularity::day)
                    continue;
                if (m_doc.publication && *ts.first > *m_doc.publication) continue;
                return &ts;
            }
            return nullptr;
        }
        for (const auto& ts : m_times) {
            if (ts.span.begin >= s.begin) break;
            if (!ts.ok() || ts.type != TimexType::date || ts.granularity != Granularity::day)
                continue;
            if (m_doc.publication && *ts.first > *m_doc.publication) continue;  // past events only
            best = &ts;
        }
        return best;
    }

    // No time in the sentence: the last day-level date mentioned earlier in the paragraph.
    const TimeSpan* paragraph_date(bool scheduled) const {
        const auto& s = m_doc.sentences[m_si];
        if (s.paragraph >= m_doc.paragraphs.size()) return nullptr;
        const uint32_t pb = m_doc.paragraphs[s.paragraph].begin;
        const TimeSpan* best = nullptr;
        const std::size_t lo = m_times_sorted ? m_para : 0;
        const std::size_t hi = m_times_sorted ? m_before : m_times.size();
        for (std::size_t k = lo; k < hi; ++k) {
            const TimeSpan& ts = m_times[k];
            if (ts.span.begin < pb || ts.span.begin >= s.begin) continue;
            if (!ts.ok() || ts.type == TimexType::duration || ts.type == TimexType::set) continue;
            if (ts.granularity != Granularity::day && ts.granularity != Granularity::weekend)
                continue;
            if (past_for_plan(ts, scheduled)) continue;
            if (scheduled && dateline_time(ts, sentence_begin(ts.span.begin))) continue;
            best = &ts;
        }
        return best;
    }

    uint32_t sentence_begin(uint32_t byte) const {
        auto it = std::upper_bound(m_doc.sentences.begin(), m_doc.sentences.end(), byte,
                                   [](uint32_t b, const Sentence& s) { return b < s.begin; });
        return it == m_doc.sentences.begin() ? 0 : std::prev(it)->begin;
    }

    // "UNITED NATIONS, September 18.": a time right after a capitalised dateline that opens its
    // sentence is the day of writing.
    bool dateline_time(const TimeSpan& ts, uint32_t sentence_start) const {
        if (ts.span.begin < sentence_start + 4) return false;
        std::string_view lead =
            std::string_view(m_doc.text).substr(sentence_start, ts.span.begin - sentence_start);
        while (!lead.empty() && lead.back() == ' ') lead.remove_suffix(1);
        if (lead.empty() || lead.back() != ',') return false;
        lead.remove_suffix(1);
        std::size_t letters = 0;
        for (char c : lead) {
            if (c >= 'A' && c <= 'Z')
                ++letters;
            else if (c != ' ' && c != '.' && c != '-' && c != ',')
                return false;
        }
        return letters >= 3;
    }

    Participant participant(int actor, Role role, const std::string& title) const {
        const Actor& a = m_actors.actors[actor];
        Participant p;
        p.name = a.name;
        p.kind = a.kind;
        p.country = a.country;
        p.title = !title.empty() ? title : (a.titles.empty() ? std::string() : a.titles.front());
        p.role = role;
        return p;
    }

    bool build(const Trigger& trig, std::size_t tb, std::size_t te, Event& ev) const {
        std::vector<std::pair<int, Role>> parts;
        std::vector<std::string> titles;
        auto add = [&](int actor, Role role) {
            if (actor < 0) return;
            for (auto& p : parts)
                if (p.first == actor) return;
            parts.emplace_back(actor, role);
        };
        auto add_args = [&](const std::vector<std::size_t>& ks, Role role) {
            for (auto k : ks) add(m_args[k].actor, role);
        };
        std::string location;
        const bool passive = !trig.noun && tb > 0 && has(tb - 1, detail::wb_be) &&
                             te < m_t.size() && low(te) == "by";
        // "Lion was announced at an event": a statement in the passive names no speaker unless
        // "by" does.
        if (trig.type == EventType::statement && !trig.noun && !passive && tb > 0) {
            std::size_t b = tb - 1;  // over an adverb: "were also announced"
            if (b > 0 && (low(b) == "also" || m_t[b].low.ends_with("ly"))) --b;
            if (has(b, detail::wb_be)) return false;
        }
        std::vector<std::size_t> subj;
        std::vector<int> plural;
        std::size_t dest_from = te;     // where a destination is looked for
        bool borrowed_subject = false;  // a bare noun's participant taken from its clause
        bool fronted = false;           // "In a speech ..., X": the subject after the comma
        if (trig.noun) {
            // Possessor: "Hu's visit", "his meeting with X", "Obama's talks".
            std::size_t p = tb;
            while (p > 0 && p + 3 > tb &&
                   (m_t[p - 1].shape == TokShape::lower || m_t[p - 1].shape == TokShape::number) &&
                   !m_t[p - 1].possessive && !has(p - 1, detail::wb_determiner) &&
                   low(p - 1) != "with")
                --p;
            bool owned = false;  // "his visit": the possessor, and nobody else, is the subject
            if (p > 0 && (m_t[p - 1].possessive || low(p - 1) == "his" || low(p - 1) == "her" ||
                          low(p - 1) == "my" || low(p - 1) == "their")) {
                owned = true;
                for (std::size_t k = 0; k < m_args.size(); ++k)
                    if (m_args[k].e == p ||
                        (m_args[k].b == p - 1 && m_args[k].form == MentionForm::pronoun))
                        subj = {k};
                if (low(p - 1) == "their") plural = last_two_people();
                // "talks with President Bush during his visit": "his" or "her" before an event
                // noun is the nearest person before it in the sentence.
                if (low(p - 1) == "his" || low(p - 1) == "her")
                    for (std::size_t k = m_args.size(); k-- > 0;)
                        if (m_args[k].e < p && kind(m_args[k]) == ActorKind::person &&
                            m_args[k].form != MentionForm::pronoun) {
                            subj = {k};
                            break;
                        }
            }
            // "a visit by Biden to Tokyo": the agent after "by".
            if (subj.empty() && !owned && te < m_t.size() && low(te) == "by")
                if (auto by = object(te + 1, 2, false)) {
                    subj = chain(*by);
                    dest_from = m_args[subj.back()].e;
                }
            // A light verb before the noun brings its subject: "X held talks with Y".
            bool light = false;
            if (subj.empty()) {
                std::size_t quoted = 0;  // words skipped inside a quoted modifier
                for (std::size_t i = tb; i-- > 0 && tb - i <= 6 + quoted;) {
                    // 'had a "very, very good" meeting with Xi': over the quoted words.
                    if (quote_mark(i)) {
                        std::size_t j = i;
                        while (j-- > 0 && i - j <= 8 && !quote_mark(j)) {
                        }
                        if (j < i && i - j <= 8 && quote_mark(j)) {
                            quoted += i - j + 1;
                            i = j;
                            continue;
                        }
                    }
                    if (clause_break(i) || low(i) == ",") break;
                    if (has(i, detail::wb_light_verb)) {
                        light = true;
                        subj = subject(i);
                        if (subj.empty()) plural = plural_subject(i);
                        break;
                    }
                }
            }
            // "X flew to Damascus after talks with Y": the clause subject takes part -- unless
            // the noun names its own participants ("a meeting between X and Y").
            bool own_between = false;
            with_args(te, 6, own_between);
            if (subj.empty() && plural.empty() && !light && !own_between && !owned) {
                subj = subject(tb, /*leftmost=*/true);
                borrowed_subject = !subj.empty();
            }
            // "In a speech to parliament on Tuesday, Tony Blair defended ...", "Speaking at a
            // joint news conference with Scholz, Macron said": a statement noun in an opening
            // phrase belongs to the subject after its comma.
            const bool opening_phrase =
                (tb <= 4 && has(0, detail::wb_setting) && low(0) != "to") ||
                // "Speaking at", "Appearing in", not "Commenting on the statement"
                (tb <= 5 && m_t[0].low.ends_with("ing") && m_t.size() > 1 &&
                 has(1, detail::wb_setting));
            if (subj.empty() && plural.empty() && trig.type == EventType::statement &&
                opening_phrase) {
                std::size_t comma = te;
                while (comma < m_t.size() && comma < te + 14 && low(comma) != "," &&
                       !clause_break(comma))
                    ++comma;
                if (comma < m_t.size() && low(comma) == ",")
                    for (std::size_t k = 0; k < m_args.size(); ++k)
                        if (m_args[k].b > comma && m_args[k].b <= comma + 4 &&
                            kind(m_args[k]) == ActorKind::person) {
                            subj = {k};
                            fronted = true;
                            break;
                        }
            }
        } else if (passive) {
            auto by = object(te + 1, 2, false);
            if (by) subj = chain(*by);
        } else {
            subj = subject(tb);
            if (subj.size() <= 1) plural = plural_subject(tb);  // "both sides affirmed"
            if (!plural.empty()) subj.clear();
        }

        using detail::Frame;
        const bool host_frame = trig.has(Frame::host) || trig.has(Frame::for_);
        const Role src_role = host_frame
                                  ? Role::host
                                  : (trig.type == EventType::visit ? Role::visitor : Role::source);
        if (!plural.empty()) {
            for (int a : plural) add(a, Role::participant);
        }
        add_args(subj, src_role);
        // A transcript's headline names no subject ("Remarks Prior to a Meeting With X"): the
        // transcript's speaker is it.
        if (trig.noun && subj.empty() && plural.empty() && m_speaker >= 0 && in_title())
            add(m_speaker, src_role);
        if (passive) {
            auto left = subject(tb);
            add_args(left, Role::target);
        }

        bool found_target = false;
        bool body_gathering = false;
        bool between = false;
        std::vector<Dest> dests;
        std::vector<Participant> extra;  // a destination's country that the text never names
        if (trig.has(Frame::plural) && parts.size() < 2) return false;
        if (trig.has(Frame::dated) && !time_next_to(tb, te)) return false;
        for (const auto& near : trig.near_words) {
            bool seen = false;  // "spoke with X by phone": the medium makes it a call
            for (std::size_t i = te; i < m_t.size() && i < te + 16 && !seen; ++i) {
                if (clause_break(i)) break;
                for (const auto& w : near) seen |= m_t[i].low == w;
            }
            if (!seen) return false;
        }
        for (std::size_t fi = 0; fi < trig.kinds.size(); ++fi) {
            if (found_target) break;
            const Frame f = trig.kinds[fi];
            if (f == Frame::with) {
                const std::size_t from = trig.words.back() == "with" ? te - 1 : te;
                auto w = with_args(from, trig.noun ? 6 : 9, between);
                if (!w.empty()) {
                    add_args(w, between && subj.empty() ? Role::participant : Role::target);
                    found_target = true;
                }
            } else if (f == Frame::from || f == Frame::for_) {
                // "received a phone call from X": the caller; "hosted a banquet for visiting
                // President Putin", "dinners for India": the guests of a meal or reception.
                auto a = args_after(trig.frames[fi], te, f == Frame::from ? 3 : 1);
                if (!a.empty()) {
                    add_args(a, f == Frame::from ? Role::source : Role::visitor);
                    found_target = true;
                }
            } else if ((f == Frame::obj || f == Frame::person || f == Frame::host) && !passive) {
                auto o = object(te, 2, f == Frame::person);
                if (o) {
                    add_args(chain(*o), f == Frame::host ? Role::visitor : Role::target);
                    found_target = true;
                }
            } else if (f == Frame::dest || f == Frame::dateline) {
                if (f == Frame::dest ? destination(dest_from, dests)
                                     : dateline_destination(trig, te, dests)) {
                    for (auto& d : dests) {
                        if (d.actor >= 0) {
                            add(d.actor, Role::host);
                        } else if (const auto* c = m_r.gaz->country_by_code(d.country)) {
                            bool dup = false;
                            for (const auto& x : extra) dup |= x.country == c->code;
                            if (!dup) {
                                Participant p;
                                p.name = c->name;
                                p.kind = ActorKind::country;
                                p.country = c->code;
                                p.role = Role::host;
                                extra.push_back(std::move(p));
                            }
                        }
                        if (location.empty() && !d.name.empty()) location = d.name;
                    }
                    found_target = true;
                }
            } else if (f == Frame::org) {
                // The gathering of one international body is an event of its own, with that
                // body as its participant: "the upcoming G20 Summit", "a session of the OIC".
                int k = body_before(tb);
                if (k < 0) k = body_after(te);
                // "ASEAN leaders will hold a summit", "G7 leaders gathered for a summit": the
                // body that is (or whose members are) the clause's subject holds it.
                const bool subject_body = k < 0 && trig.noun && subj.size() == 1 &&
                                          kind(m_args[subj[0]]) == ActorKind::organisation &&
                                          body_or_members(m_args[subj[0]]);
                if (subject_body) {
                    k = static_cast<int>(subj[0]);
                    parts.clear();  // a participant, not the source, of its own gathering
                }
                if (k >= 0 &&
                    (subject_body || !venue_phrase(m_args[k].e == tb ? m_args[k].b : tb))) {
                    // Whoever the clause is about prepares for it, not necessarily attends.
                    if (borrowed_subject) parts.clear();
                    add(m_args[k].actor, Role::participant);
                    body_gathering = true;
                    found_target = true;
                }
            } else if (f == Frame::self) {
                // "X warned in an interview", "X said at a news conference", "X, speaking at a
                // joint press conference": the speaker is the clause subject.
                bool in_speech = false;
                for (std::size_t i = tb; trig.noun && i-- > 0 && tb - i <= 3;) {
                    const auto w = low(i);
                    if (w == "in" || w == "at" || w == "during") in_speech = true;
                    if (in_speech || w == ",") break;
                }
                found_target = !parts.empty() && (!borrowed_subject || in_speech || fronted);
            }
        }
        // "Netanyahu told Obama in a telephone call that ...": the one told takes part.
        if (trig.noun && !found_target && tb >= 3 && (low(tb - 1) == "a" || low(tb - 1) == "an") &&
            (low(tb - 2) == "in" || low(tb - 2) == "during"))
            for (const Arg& a : m_args)
                if (a.e == tb - 2 && a.b > 0 && has(a.b - 1, detail::wb_speech_verb) &&
                    kind(a) == ActorKind::person) {
                    add(a.actor, Role::target);
                    found_target = true;
                }
        if (between && !parts.empty()) {
            for (auto& p : parts)
                p.second = p.second == Role::target ? Role::participant : p.second;
        }
        // Nominal triggers need participants of their own: a bare "the talks" refers back.
        // "NATO foreign ministers will meet in Brussels": a body meeting on its own.
        if (trig.type == EventType::meeting && !trig.noun && parts.size() == 1 && !found_target &&
            !(tb > 0 && has(tb - 1, detail::wb_light_verb)) && body_subject(subj, tb) &&
            m_actors.actors[parts.front().first].kind == ActorKind::organisation &&
            m_actors.actors[parts.front().first].country.empty()) {
            parts.front().second = Role::participant;
            body_gathering = true;
        }
        const std::size_t need = (trig.type == EventType::statement || body_gathering) ? 1 : 2;
        if (parts.size() + extra.size() < need) return false;
        if (trig.type == EventType::visit) {
            std::size_t visitors = 0;
            for (const auto& pr : parts) visitors += pr.second != Role::host;
            if (dests.empty() || visitors == 0) return false;
            // Travel at home is not a state visit: Trump arriving in Florida, Putin in Sochi.
            bool abroad = false;
            for (const auto& [actor, role] : parts) {
                if (role == Role::host) continue;
                const std::string& home = m_actors.actors[actor].country;
                for (const auto& d : dests)
                    if (home.empty() || d.country != home) abroad = true;
            }
            if (!abroad) return false;
        }
        // "X and Y discussed Syria in a phone call": a coordinated subject takes part in the
        // noun of its own prepositional phrase.
        bool own_phrase = false;
        for (std::size_t i = tb; i-- > 0 && tb - i <= 3;)
            if (low(i) == "in" || low(i) == "during" || low(i) == "by" || low(i) == "over" ||
                low(i) == "via")
                own_phrase = true;
        const bool plural_borrowed = borrowed_subject && subj.size() >= 2 && own_phrase;
        if (trig.noun && !found_target &&
            ((subj.empty() && plural.empty()) || (borrowed_subject && !plural_borrowed)))
            return false;

        // Status from cue words.
        EventStatus status = EventStatus::occurred;
        std::string cue = cue_before(tb, trig.noun ? 7 : 5);
        // "is due in Pyongyang", "will be in Paris": the trigger phrase itself looks ahead.
        if (cue.empty())
            for (const auto& w : trig.words)
                if (w == "due" || w == "will") cue = "scheduled";
        if (cue.empty()) {
            cue = cue_after(te, 16, trig.noun);
        } else if (cue == "scheduled") {
            // "A planned meeting ... was called off": the plan's end outranks the plan.
            if (auto after = cue_after(te, 16, trig.noun); after == "cancelled") cue = after;
        }
        if (cue == "scheduled_after") cue = "scheduled";
        if (cue == "hypothetical") return false;
        if (cue == "scheduled")
            status = EventStatus::scheduled;
        else if (cue == "denied")
            status = EventStatus::denied;
        else if (cue == "cancelled")
            status = EventStatus::cancelled;
        else if (cue == "reported")
            status = EventStatus::reported;

        // Location: "in X"/"at X" near the trigger, then the dateline.
        if (location.empty()) {
            for (const auto& p : m_places) {
                if (!preposition_before(p.b, m_r.venue)) continue;
                if (p.b + 12 < tb) continue;
                bool broken = false;  // the place must be in the trigger's clause
                for (std::size_t i = std::min(p.b, te); i < std::max(p.b, te) && !broken; ++i)
                    broken = clause_break(i);
                if (broken) continue;
                location = p.name;
                break;
            }
        }

        ev.type = trig.type;
        ev.cameo = trig.cameo;
        for (auto& [actor, role] : parts) {
            std::string title;
            for (const auto& a : m_args)
                if (a.actor == actor && !a.title.empty()) title = a.title;
            ev.participants.push_back(participant(actor, role, title));
        }
        for (auto& p : extra) ev.participants.push_back(std::move(p));
        const bool planned = status == EventStatus::scheduled;
        const TimeSpan* ts = date_for(tb, te, planned, trig.type == EventType::statement);
        if (!ts) ts = paragraph_date(planned);
        if (ts) {
            ev.date.expression = ts->expression;
            if (ts->ok()) {
                ev.date.first = ts->first;
                ev.date.last = ts->last;
                ev.date.granularity = ts->granularity;
            }
        }
        // The event's own verb group outranks the sentence's tense: "X will meet Y on Saturday"
        // is the next Saturday even when "officials said" follows.
        if (ts && ts->ok() && status == EventStatus::scheduled && m_doc.publication &&
            ts->granularity == Granularity::day && *ev.date.first < *m_doc.publication &&
            m_r.weekdays.count(last_word(ts->expression))) {
            *ev.date.first += date::days(7);
            *ev.date.last += date::days(7);
        }
        // A past-tense verb with no time of its own in its paragraph happened on the day the
        // story is about: the last day-level date mentioned before it ("Albright later met X").
        if (!ev.date.first && status == EventStatus::occurred && !in_title()) {
            if (const TimeSpan* d = document_date()) {
                ev.date.first = d->first;
                ev.date.last = d->last;
                ev.date.granularity = d->granularity;
                ev.date.expression = d->expression;
            }
        }
        // "has arrived", "have met" (present perfect) and "is welcomed", "meets" (the present
        // of headlines and captions) report the publication day.
        const detail::Word w0 = m_t[tb].low;
        const bool present = tb > 0 && (low(tb - 1) == "is" || low(tb - 1) == "are" ||
                                        low(tb - 1) == "has" || low(tb - 1) == "have");
        const bool third_person_s = w0.size() > 3 && w0.back() == 's' && w0[w0.size() - 2] != 's';
        if (!ev.date.first && m_doc.publication && status == EventStatus::occurred && !in_title() &&
            !trig.noun && (present || third_person_s)) {
            ev.date.first = ev.date.last = m_doc.publication;
            ev.date.granularity = Granularity::day;
        }
        if (status == EventStatus::occurred && ev.date.first && m_doc.publication &&
            *ev.date.first > *m_doc.publication)
            status = EventStatus::scheduled;
        // "will later join X": "later" continues the day the story is on.
        if (!ev.date.first && status == EventStatus::scheduled && mentions_later(tb)) {
            if (const TimeSpan* d = document_date()) {
                ev.date.first = d->first;
                ev.date.last = d->last;
                ev.date.granularity = d->granularity;
                ev.date.expression = d->expression;
            }
        }
        if (trig.type == EventType::visit && ev.date.first && *ev.date.first == *ev.date.last) {
            // "Xi's three-day state visit ends on Friday": the day named is the last one.
            bool ends = false;
            for (std::size_t i = te; i < m_t.size() && i < te + 4 && !ends; ++i)
                ends = has(i, detail::wb_ending);
            if (int n = visit_length(); n > 1) {
                if (ends) {
                    ev.date.first = *ev.date.last - date::days(n - 1);
                    if (m_doc.publication && *ev.date.first <= *m_doc.publication &&
                        status == EventStatus::scheduled)
                        status = EventStatus::occurred;  // under way
                } else {
                    ev.date.last = *ev.date.first + date::days(n - 1);
                }
            }
        }
        ev.status = status;
        if (status == EventStatus::scheduled && trig.type == EventType::meeting) ev.cameo = "036";
        ev.location = location;
        const auto& s = m_doc.sentences[m_si];
        ev.evidence.document = m_doc.source;
        ev.evidence.sentence = std::string(m_doc.sentence_text(s));
        ev.evidence.begin = s.begin;
        ev.evidence.end = s.end;
        ev.sources = {m_doc.source};
        ev.confidence = trig.noun ? 0.7 : 0.8;
        if (!found_target) ev.confidence -= 0.2;
        if (!ev.date.first) ev.confidence -= 0.1;
        return true;
    }
};

// Within one article an undated mention may be the dated one (unlike across articles, where
// the store merges only dated reports: parley::dates_compatible).
bool undated_or_overlapping(const EventDate& a, const EventDate& b) {
    if (!a.first || !b.first) return true;
    return *a.first <= *b.last && *b.first <= *a.last;
}

// The same event mentioned twice in one article ("the talks" after "X met Y") is one event.
void merge_mentions(std::vector<Event>& events) {
    // Each event's set of participant names (sorted, unique), made once rather than per pair.
    auto names_of = [](const Event& ev) {
        std::vector<std::string_view> n;
        n.reserve(ev.participants.size());
        for (const auto& p : ev.participants) n.push_back(p.name);
        std::sort(n.begin(), n.end());
        n.erase(std::unique(n.begin(), n.end()), n.end());
        return n;
    };
    std::vector<Event> out;
    out.reserve(events.size());  // the names below point into the events: they must not move
    std::vector<std::vector<std::string_view>> out_names;
    for (auto& e : events) {
        bool merged = false;
        const auto b = names_of(e);
        for (std::size_t oi = 0; oi < out.size(); ++oi) {
            auto& o = out[oi];
            if (o.type != e.type || !undated_or_overlapping(o.date, e.date)) continue;
            const auto& a = out_names[oi];
            std::size_t common = 0;
            for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
                if (a[i] < b[j]) {
                    ++i;
                } else if (b[j] < a[i]) {
                    ++j;
                } else {
                    ++common, ++i, ++j;
                }
            }
            // Only the same set of participants: "talks with X and Y" and a later "meeting with
            // X" are two encounters, as readers count them. A visit told twice may name the
            // travelling party more fully once ("Macron and his wife arrived").
            bool subset = false;
            if (o.type == EventType::visit && (common == a.size() || common == b.size())) {
                std::set<std::string> ha, hb;  // same hosts; only the visitors differ
                for (auto& p : o.participants)
                    if (p.role == Role::host) ha.insert(p.name);
                for (auto& p : e.participants)
                    if (p.role == Role::host) hb.insert(p.name);
                subset = ha == hb;
            }
            if (!subset && (common != a.size() || common != b.size())) continue;
            if (subset) {
                // Chosen before any is added: `a` points into o.participants.
                std::vector<const Participant*> add;
                for (const auto& p : e.participants)
                    if (!std::binary_search(a.begin(), a.end(), std::string_view(p.name)))
                        add.push_back(&p);
                for (const Participant* p : add) o.participants.push_back(*p);
                if (!add.empty()) out_names[oi] = names_of(o);
            }
            // The body tells more than the headline: its date and sentence win.
            const bool o_headline = o.confidence < 0;
            if ((!o.date.first && e.date.first) || (o_headline && e.date.first)) o.date = e.date;
            // "arrive on April 23" then "arrived for a three-day state visit": the fuller span.
            if (o.date.first && e.date.first && e.date.granularity == Granularity::day &&
                *e.date.first <= *o.date.first && *o.date.last <= *e.date.last &&
                *e.date.last - *e.date.first > *o.date.last - *o.date.first)
                o.date = e.date;
            if (o_headline) {
                o.evidence = e.evidence;
                o.confidence = e.confidence;
                o.status = e.status;
                o.cameo = e.cameo;
                if (!e.location.empty()) o.location = e.location;  // not the dateline's
            }
            if (o.location.empty()) o.location = e.location;
            merged = true;
            break;
        }
        if (!merged) {
            out.push_back(std::move(e));
            out_names.push_back(names_of(out.back()));
        }
    }
    events = std::move(out);
}

}  // namespace

namespace {

/// The speaker of a transcript: a person whose name opens one of the first paragraphs as a
/// label, "PRESIDENT BUSH: Thanks for coming." or "President Bush. Mr. President, welcome".
/// -1 for an ordinary story.
int speaker_of(const Document& doc, const ActorTable& actors, uint32_t body) {
    const std::string_view text = doc.text;
    for (const Mention& m : actors.mentions) {
        if (m.sentence < body) continue;
        if (m.sentence >= doc.sentences.size() || m.sentence > body + 6) break;
        if (m.actor < 0 || m.form == MentionForm::pronoun ||
            actors.actors[static_cast<std::size_t>(m.actor)].kind != ActorKind::person)
            continue;
        const Sentence& s = doc.sentences[m.sentence];
        if (s.paragraph >= doc.paragraphs.size() || s.begin != doc.paragraphs[s.paragraph].begin)
            continue;
        // Only a title may come before the name: letters and spaces.
        if (m.begin < s.begin || m.begin - s.begin > 30) continue;
        bool plain = true;
        for (uint32_t i = s.begin; i < m.begin; ++i) {
            const unsigned char c = static_cast<unsigned char>(text[i]);
            plain &= c == ' ' || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
        }
        if (!plain || m.end >= text.size()) continue;
        // The label ends in a colon, or in a full stop that ends its own short sentence.
        if (text[m.end] == ':' || (text[m.end] == '.' && s.end <= m.end + 1)) return m.actor;
    }
    return -1;
}

}  // namespace

std::vector<Event> find_events(const Document& doc, const ActorTable& actors,
                               const std::vector<TimeSpan>& times, const Knowledge& kb) {
    const auto& rules = kb.get<detail::EventRules>();
    std::vector<Event> events;
    std::vector<int> recent;        // people in order of mention, for "the two"
    std::vector<int> participants;  // people in order of taking part in an event
    std::size_t mi = 0;
    // A dateline ("DAMASCUS, Syria --") gives the place of events that name none.
    std::string dateline;
    const PlaceMention* dateline_place = nullptr;
    // The dateline opens one of the body's first sentences, after a headline, a standfirst or
    // a byline: "HELSINKI, Finland -- ...".
    uint32_t body = 0;
    while (body < doc.sentences.size() && doc.title_span.size() > 0 &&
           doc.sentences[body].begin < doc.title_span.end)
        ++body;
    for (const auto& p : actors.places) {
        if (p.sentence < body) continue;
        if (p.sentence >= doc.sentences.size() || p.sentence > body + 3) break;
        if (p.begin != doc.sentences[p.sentence].begin) continue;
        std::string_view after = std::string_view(doc.text).substr(p.end, 40);
        if (!after.empty() &&
            (after[0] == ',' || after.starts_with(" -") || after.starts_with(" \u2014"))) {
            dateline = p.name;
            dateline_place = &p;
            break;
        }
    }
    const int speaker = speaker_of(doc, actors, body);
    const bool times_sorted = std::is_sorted(
        times.begin(), times.end(),
        [](const TimeSpan& a, const TimeSpan& b) { return a.span.begin < b.span.begin; });
    std::unordered_map<std::string_view, int> by_name;  // actor index by name, built on demand
    SentenceScratch scratch;
    std::vector<Event> found;
    std::string key;
    for (uint32_t si = 0; si < doc.sentences.size(); ++si) {
        found.clear();
        SentenceEvents se(scratch, doc, actors, times, rules, si, recent, participants,
                          dateline_place, times_sorted);
        se.set_speaker(speaker);
        se.run(found);
        // The title, or a Title-Case standfirst under it, summarises the story.
        const bool headline =
            (doc.title_span.size() > 0 && doc.sentences[si].begin < doc.title_span.end) ||
            (si < 4 && se.title_case());
        for (auto& e : found) {
            for (const auto& p : e.participants) {
                if (p.kind != ActorKind::person) continue;
                if (by_name.empty())  // the first actor of each name, as a scan would find
                    for (std::size_t a = 0; a < actors.actors.size(); ++a)
                        by_name.emplace(actors.actors[a].name, static_cast<int>(a));
                auto it = by_name.find(p.name);
                if (it == by_name.end()) continue;
                const int a = it->second;
                participants.erase(std::remove(participants.begin(), participants.end(), a),
                                   participants.end());
                participants.push_back(a);
            }
            if (headline)
                e.confidence = -e.confidence;  // marked for merge_mentions, restored after
            // Where the reporter files from is where the story's encounters are, but not a
            // telephone call's (it joins two places) nor a mediation's.
            if (e.location.empty() && !dateline.empty() && e.type != EventType::phone_call &&
                e.type != EventType::mediation)
                e.location = dateline;
            key.assign(doc.id);  // one buffer for every event's key: no temporaries
            key += ':';
            key += std::to_string(doc.sentences[si].begin);
            key += ':';
            key += to_string(e.type);
            for (auto& p : e.participants) {
                key += ':';
                key += p.name;
            }
            e.id = detail::hex16(detail::fnv1a(key));
            events.push_back(std::move(e));
        }
        while (mi < actors.mentions.size() && actors.mentions[mi].sentence <= si) {
            const auto& m = actors.mentions[mi++];
            if (m.actor >= 0 && actors.actors[m.actor].kind == ActorKind::person) {
                recent.erase(std::remove(recent.begin(), recent.end(), m.actor), recent.end());
                recent.push_back(m.actor);
            }
        }
    }
    merge_mentions(events);
    // A headline event that no sentence of the body tells again happened on the day the lead
    // is about: the earliest day its first sentences name in the three days up to publication
    // ("Thursday" in a Friday paper), else the day of publication.
    std::optional<date::sys_days> lead_day = doc.publication;
    if (doc.publication) {
        uint32_t body = 0;
        while (body < doc.sentences.size() && doc.title_span.size() > 0 &&
               doc.sentences[body].begin < doc.title_span.end)
            ++body;
        const uint32_t lead_end = body + 4 < doc.sentences.size()
                                      ? doc.sentences[body + 4].begin
                                      : static_cast<uint32_t>(doc.text.size());
        const uint32_t lead_begin = body < doc.sentences.size() ? doc.sentences[body].begin : 0;
        for (const auto& ts : times) {
            if (ts.span.begin < lead_begin || ts.span.begin >= lead_end) continue;
            if (!ts.ok() || ts.type != TimexType::date || ts.granularity != Granularity::day)
                continue;
            if (*ts.first > *doc.publication || *ts.first + date::days(3) < *doc.publication)
                continue;
            if (*ts.first < *lead_day) lead_day = ts.first;
        }
    }
    for (auto& e : events) {
        if (e.confidence >= 0) continue;
        e.confidence = -e.confidence;
        if (!e.date.first && lead_day && e.status == EventStatus::occurred) {
            e.date.first = e.date.last = lead_day;
            e.date.granularity = Granularity::day;
        }
    }
    return events;
}

}  // namespace parley
