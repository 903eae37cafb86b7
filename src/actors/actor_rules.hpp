// Word lists the actor stage compiles once (data/lexicon/*.txt).
#pragma once

#include "core/view_hash.hpp"

#include <parley/knowledge.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace parley::detail {

class Gazetteer;
struct OfficeTerm;

/// Bits of ActorRules::word_class(): which of the lists below hold a folded token, so the
/// scan looks each token up once instead of once per list.
enum WordClass : uint16_t {
    wc_honorific = 1u << 0,
    wc_particle = 1u << 1,
    wc_non_name_head = 1u << 2,
    wc_group_noun = 1u << 3,
    wc_subordinator = 1u << 4,
    wc_speech_verb = 1u << 5,
    wc_title_first = 1u << 6,
    wc_phrase_word = 1u << 7,
    wc_surname = 1u << 8,       ///< a key of by_surname
    wc_common = 1u << 9,        ///< Gazetteer::is_common_word
    wc_preposition = 1u << 10,  ///< lexicon/prepositions.txt
    wc_event_verb = 1u << 11,   ///< first word of a verb trigger (events/triggers.tsv)
    wc_aux = 1u << 12,          ///< auxiliaries and adverbs of lexicon/function-words.tsv "aux"
    wc_encounter = 1u << 13,    ///< first word of a meeting, call or talks trigger, verb or noun
    wc_given_name = 1u << 14,   ///< a dictionary person's first name that is nobody's surname
};

class TimeTable;

struct ActorRules {
    explicit ActorRules(const Knowledge& kb);
    /// WordClass bits of a folded token.
    uint16_t word_class(std::string_view low) const;
    /// word_class() of a token whose word_hash() is `hash`.
    uint16_t word_class(std::string_view low, std::size_t hash) const;
    const Gazetteer* gaz;
    const TimeTable* time;  ///< month and weekday names: "met Thursday" met no one
    /// Office holders (gazetteer/office-holders.tsv) by folded surname: "zarif" -> Mohammad
    /// Javad Zarif's terms. Their surnames are wc_surname too.
    ViewMap<std::vector<const OfficeTerm*>> office_by_surname;
    /// Titles that only one country's office holders bear ("Pope" -> VAT, "Supreme Leader" ->
    /// IRN): "the Pope" needs no country to be named.
    ViewMap<std::string> title_country;
    /// Families of titles that are each other's "counterpart" (lexicon/counterpart-titles.txt).
    std::vector<std::vector<std::string>> counterpart_titles;
    ViewSet honorifics;        ///< mr, mrs, dr, sir
    ViewSet particles;         ///< al, el, bin, de, van
    ViewSet non_name_heads;    ///< ministry, office, council: not people
    ViewSet group_nouns;       ///< officials, diplomats, negotiators
    ViewSet subordinators;     ///< after, before, while: clause openers
    ViewSet ambiguous_titles;  ///< general, chief: also plain words
    ViewSet speech_verbs;      ///< said, told: a lone name that speaks
    ViewSet org_heads;         ///< party, council, front: a name ending so is a body
    ViewSet prepositions;      ///< at, in, via: no subject follows
    ViewSet event_verbs;       ///< met, visited, arrived: a subject precedes
    ViewSet encounter_words;   ///< met, talks, telephoned: the person met follows (or "with")
    ViewSet given_names;       ///< laura, condoleezza: first names of dictionary people
    ViewSet aux;               ///< will, has, later: between subject and verb
    ViewSet counterparts;      ///< "his Iranian counterpart"
    /// Words that can start a lower-case gazetteer phrase (titles: "secretary of state") and
    /// lower-case words that can sit inside any phrase ("of", "the", "minister"): the scan
    /// skips every other lower-case word without a lookup.
    ViewSet title_first_words;
    ViewSet phrase_words;
    /// Dictionary people by folded surname ("bush" -> George W. Bush, George H. W. Bush, ...).
    ViewMap<std::vector<uint32_t>> by_surname;

  private:
    /// The union of the sets above and of the common words, with their WordClass bits: an
    /// open-addressing table over one string store (built in a few ms, no node per word).
    struct ClassSlot {  // 8 bytes: the table stays small enough for the cache
        uint32_t off = 0;
        uint16_t len = 0;  ///< 0: an empty slot
        uint16_t cls = 0;
    };
    void add_class(std::string_view w, uint16_t bit);
    std::string m_class_store;
    std::vector<ClassSlot> m_class_slots;  ///< size a power of two
    uint16_t m_empty_class = 0;            ///< bits of the empty word, if a list holds it
};

}  // namespace parley::detail
