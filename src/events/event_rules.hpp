// Triggers, status cues and light verbs of the event stage, compiled once from data/events/.
#pragma once

#include "core/word_hash.hpp"

#include <parley/error.hpp>
#include <parley/event.hpp>
#include <parley/knowledge.hpp>

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace parley::detail {

/// The argument frames of triggers.tsv, compiled (see its header for what each means).
enum class Frame : uint8_t {
    with,
    obj,
    person,
    dest,
    host,
    self,
    dateline,
    from,
    for_,
    org,
    near,
    plural,
    dated,
    other
};

struct Trigger {
    EventType type = EventType::other;
    std::string cameo;
    bool noun = false;
    std::vector<std::string> frames;  ///< with, obj, person, dest, host, self
    std::vector<Frame> kinds;         ///< frames, compiled, in the same order
    uint32_t frame_bits = 0;          ///< bit Frame of each of kinds
    /// The words of each "near:W/W" frame.
    std::vector<std::vector<std::string>> near_words;
    std::vector<std::string> words;  ///< folded tokens of the phrase
    bool has(Frame f) const { return (frame_bits >> static_cast<unsigned>(f)) & 1u; }
};

struct Cue {
    std::string kind;  ///< scheduled, hypothetical, denied, cancelled, reported
    std::vector<std::string> words;
};

class Gazetteer;

/// Transparent hash: sets of words answer std::string_view lookups without a copy.
struct WordHash {
    using is_transparent = void;
    // FNV-1a, inlined: the keys are short words, looked up once per token.
    std::size_t operator()(std::string_view s) const noexcept {
        uint64_t h = 1469598103934665603ull;
        for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
        return static_cast<std::size_t>(h);
    }
};
using WordSet = std::unordered_set<std::string, WordHash, std::equal_to<>>;

/// Word-class bits of WordInfo: one lookup per token answers every set of EventRules.
enum WordBit : uint32_t {
    wb_light_verb = 1u << 0,
    wb_object_modifier = 1u << 1,
    wb_proxy_noun = 1u << 2,
    wb_subordinator = 1u << 3,
    wb_speech_verb = 1u << 4,
    wb_preposition = 1u << 5,
    wb_aux = 1u << 6,
    wb_determiner = 1u << 7,
    wb_locative = 1u << 8,
    wb_venue = 1u << 9,
    wb_plural = 1u << 10,
    wb_weekday = 1u << 11,
    wb_unnamed = 1u << 12,
    wb_be = 1u << 13,
    wb_ending = 1u << 14,
    wb_aside = 1u << 15,
    wb_separate = 1u << 16,
    wb_bound = 1u << 17,
    wb_setting = 1u << 18,
};

/// What the event stage knows of one folded word.
struct WordInfo {
    const std::vector<Trigger>* triggers = nullptr;  ///< the triggers it begins
    const std::vector<const Cue*>* cues = nullptr;   ///< the cues it begins
    uint32_t bits = 0;                               ///< WordBit
};

struct EventRules {
    explicit EventRules(const Knowledge& kb);
    const Gazetteer* gaz;  ///< countries of destinations the text names only by a city
    std::unordered_map<std::string, std::vector<Trigger>> triggers;  ///< by first word
    std::size_t max_trigger = 1;
    std::vector<Cue> cues;
    std::unordered_map<std::string, std::vector<const Cue*>> cues_by_first;  ///< into `cues`
    WordSet light_verbs;
    WordSet object_modifiers;
    /// "representatives from X", "a joint session of X": the noun stands for X.
    WordSet proxy_nouns;
    WordSet subordinators;  ///< "before Obama departed": a new clause
    WordSet unnamed;        ///< "a spokesman said": a speaker the text does not name
    WordSet be;             ///< "was", "were": a passive or a statement's passive
    WordSet ending;         ///< "ends", "concludes": a visit's last day named
    WordSet aside;          ///< "sidelines", "margins": a gathering named as the venue
    WordSet separate;       ///< "separate talks": one encounter for each subject
    WordSet bound;          ///< "since", "until": a time after one dates no event
    WordSet setting;        ///< "in", "at": opens a phrase setting a statement
    WordSet speech_verbs;   ///< "said", "told": a reporting clause
    WordSet prepositions;   ///< an object never lies beyond one
    /// Closed-class words from data/lexicon/function-words.tsv.
    WordSet aux, determiners, locative, venue, plural;
    WordSet weekdays;  ///< "saturday", "sat": bare weekdays move with tense
    /// Every word of the sets, triggers and cues above; filled last (points into them).
    std::unordered_map<std::string, WordInfo, WordHash, std::equal_to<>> word_info;
    /// The word's entry, or nullptr for a word the event stage has no rule for. An
    /// open-addressing index over word_info: most tokens miss, and a miss should cost one hash
    /// and a probe or two, not a walk of a bucket chain.
    const WordInfo* info(std::string_view w) const { return info(w, slot_hash(w)); }
    /// info() of a token whose fast_hash() is `h` (Tok::hash).
    const WordInfo* info(std::string_view w, uint64_t h) const {
        const uint64_t tag = h >> 32;
        for (std::size_t i = h & m_mask;; i = (i + 1) & m_mask) {
            // A slot is (hash tag << 32 | entry + 1) in 8 bytes: the table stays in cache.
            const uint64_t s = m_slots[i];
            if (!s) return nullptr;
            if ((s >> 32) == tag) {
                const Entry& e = m_entries[static_cast<uint32_t>(s) - 1];
                if (*e.word == w) return e.info;
            }
        }
    }

    /// False when `w` begins no trigger for sure: a bit filter over the triggers' first words,
    /// cheaper than info() for the many sentences that hold no trigger at all.
    bool may_begin_trigger(std::string_view w) const {
        if (w.empty()) return false;
        const std::size_t k = filter_key(w);
        return (m_trigger_filter[k >> 6] >> (k & 63)) & 1;
    }

  private:
    static uint64_t slot_hash(std::string_view w) { return fast_hash(w); }
    static constexpr std::size_t filter_bits = 1u << 16;
    static std::size_t filter_key(std::string_view w) {
        const auto c0 = static_cast<unsigned char>(w.front());
        const auto c1 = static_cast<unsigned char>(w.size() > 1 ? w[1] : 0);
        const auto cn = static_cast<unsigned char>(w.back());
        return (w.size() * 0x9E37u ^ c0 * 0x2F1u ^ c1 * 0x3Bu ^ cn * 0x1F7Du) & (filter_bits - 1);
    }
    std::vector<uint64_t> m_trigger_filter = std::vector<uint64_t>(filter_bits / 64, 0);
    struct Entry {
        const std::string* word = nullptr;
        const WordInfo* info = nullptr;
    };
    std::vector<uint64_t> m_slots;
    std::vector<Entry> m_entries;
    std::size_t m_mask = 0;
    void index_words();
};

}  // namespace parley::detail
