// Gazetteer: countries, organisations, titles, places and known people from data/gazetteer/
// and PETRARCH-format actor dictionaries, compiled once into phrase lookups.
#pragma once

#include "core/view_hash.hpp"

#include <parley/knowledge.hpp>

#include <date/date.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace parley::detail {

struct CountryEntry {
    std::string code;  ///< ISO 3166 alpha-3 ("RUS"); historical states get CAMEO-style codes
    std::string name;  ///< canonical short name ("Russia", "United States", "United Kingdom")
    std::string capital;
};

struct OrgEntry {
    std::string code;  ///< CAMEO-style code ("IGOWSTNAT" for NATO, "IGOUNO" for the UN)
    std::string name;  ///< canonical ("NATO", "United Nations", "European Union")
    std::string
        country;  ///< alpha-3 when the body is national ("State Department" -> USA), else ""
};

struct TitleEntry {
    std::string title;   ///< canonical, Title Case ("Foreign Minister", "Secretary of State")
    std::string sector;  ///< CAMEO-style sector: GOV, MIL, DIP, LEG, JUD, ...
    bool head = false;   ///< head of state or government (president, prime minister, king)
};

struct PlaceEntry {
    std::string name;     ///< canonical ("London", "Camp David")
    std::string country;  ///< alpha-3
};

/// One dated role from an actor dictionary: `TONY_BLAIR_ [GBRGOV 970502-070627]`.
struct DatedRole {
    std::string code;                    ///< "GBRGOV"
    std::optional<date::sys_days> from;  ///< open when absent
    std::optional<date::sys_days> to;
};

/// One term in an office from data/gazetteer/office-holders.tsv: Tony Blair, Prime Minister of
/// GBR, 1997-05-02 to 2007-06-27. `country` is alpha-3, or an organisation's CAMEO code.
struct OfficeTerm {
    std::string name;                        ///< display name ("Tony Blair")
    std::string title;                       ///< canonical title from titles.tsv ("Prime Minister")
    std::string country;                     ///< "GBR", "IGOUNO"
    std::optional<date::sys_days> from, to;  ///< open when absent; `to` empty: still in office
};

struct PersonEntry {
    std::string name;  ///< display name, Title Case ("Tony Blair")
    std::vector<DatedRole> roles;
};

enum class GazKind : uint8_t {
    country_name,     ///< "Russia", "the United States", "Britain", "the US"
    country_adj,      ///< demonym/adjective: "Russian", "British", "American"
    country_metonym,  ///< capital or seat used for the government: "Moscow", "the Kremlin"
    organisation,     ///< "NATO", "the United Nations", "the State Department"
    title,            ///< "foreign minister", "secretary of state", "president"
    place,            ///< a place that is not a country's metonym: "Camp David", "Annapolis"
    person,           ///< a known person from a dictionary: "Tony Blair"
};

struct GazMatch {
    GazKind kind;
    uint32_t index;  ///< into countries(), organisations(), titles(), places() or people()
};

/// Phrase hashing built word by word, so a longest-match scan extends a key's hash by one
/// token (whose word hash it computed once) instead of rehashing the whole key: the state of
/// "w1 w2 .. wn" is ((h(w1) * M + h(w2)) * M + ..) + h(wn) over its space-separated words.
inline std::size_t word_hash(std::string_view w) {
    return fast_hash(w);
}
inline std::size_t phrase_extend(std::size_t state, std::size_t word) {
    return state * static_cast<std::size_t>(0x9E3779B97F4A7C15ull) + word;
}
inline std::size_t phrase_state(std::string_view s) {
    std::size_t state = 0;
    for (std::size_t b = 0;;) {
        const std::size_t sp = s.find(' ', b);
        state = phrase_extend(state, word_hash(s.substr(b, sp == s.npos ? s.npos : sp - b)));
        if (sp == s.npos) return state;
        b = sp + 1;
    }
}
/// The table hash of a phrase state (mixes the high bits down for masks and buckets).
inline std::size_t phrase_final(std::size_t state) {
    uint64_t x = state;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    return static_cast<std::size_t>(x);
}
/// A folded phrase with its phrase_final(phrase_state()) already computed.
struct PhraseKey {
    std::string_view text;
    std::size_t hash;
};

class Gazetteer {
  public:
    explicit Gazetteer(const Knowledge& kb);

    /// Every entry for a phrase. `folded` is lower case, accents removed, tokens joined by a
    /// single space, a leading "the " stripped, apostrophe-s and trailing dots kept as in
    /// fold_phrase(). Returns nullptr when nothing matches.
    const std::vector<GazMatch>* find(std::string_view folded) const;
    /// find() with the key's hash precomputed.
    const std::vector<GazMatch>* find(const PhraseKey& key) const {
        const std::size_t h = key.hash & (kPrefixBits - 1);
        if (!((m_keys[h / 64] >> (h % 64)) & 1u)) return nullptr;  // most names: no table probe
        auto it = m_phrases.find(key);
        return it == m_phrases.end() ? nullptr : &it->second;
    }
    /// False when no phrase starts with `folded` followed by a space: a longest-match scan
    /// can stop there. (May answer true for a few keys that have no longer phrase.)
    bool has_longer(std::string_view folded) const {
        return has_longer_hash(phrase_final(phrase_state(folded)));
    }
    /// has_longer() of a key whose PhraseKey::hash is `hash`.
    bool has_longer_hash(std::size_t hash) const {
        const std::size_t h = hash & (kPrefixBits - 1);
        return (m_prefixes[h / 64] >> (h % 64)) & 1u;
    }
    /// The longest phrase in tokens (for longest-match scanning).
    std::size_t max_tokens() const { return m_max_tokens; }

    const std::vector<CountryEntry>& countries() const { return m_countries; }
    const std::vector<OrgEntry>& organisations() const { return m_orgs; }
    const std::vector<TitleEntry>& titles() const { return m_titles; }
    const std::vector<PlaceEntry>& places() const { return m_places; }
    const std::vector<PersonEntry>& people() const { return m_people; }

    const CountryEntry* country_by_code(std::string_view code) const;

    /// The person holding a role code ("GBRGOV" + title "Prime Minister") on a day, from the
    /// dictionaries; used to turn "the British Prime Minister" in 1999 into Tony Blair.
    /// Returns indices into people() whose roles include `code` on `day`.
    std::vector<uint32_t> holders(std::string_view code, date::sys_days day) const;

    /// Who held an office on a day: `title` is a canonical title or any of its aliases
    /// ("premier", "defense secretary"), compared case-insensitively; `country` an alpha-3 code
    /// (alternates such as "SUN" accepted) or an organisation code ("IGOUNO").
    std::vector<const OfficeTerm*> office_holders(std::string_view title, std::string_view country,
                                                  date::sys_days day) const;
    /// The offices a person held on a day, by folded name or alias ("tony blair").
    std::vector<const OfficeTerm*> offices_of(std::string_view folded_name,
                                              date::sys_days day) const;
    /// Every term from office-holders.tsv, in file order.
    const std::vector<OfficeTerm>& office_terms() const { return m_offices; }
    /// How long loading office-holders.tsv took at construction, in milliseconds.
    double office_load_ms() const { return m_office_ms; }

    /// True when `word` (lower case) is an ordinary English word (data/lexicon/words.txt), used
    /// to tell a sentence-initial "After" from a name.
    bool is_common_word(std::string_view lower) const;
    /// Every word of data/lexicon/words.txt (what is_common_word() answers from).
    const std::unordered_set<std::string_view>& common_words() const { return m_words; }

    /// True when every surface form registered for `folded` is an all-capitals acronym
    /// ("US", "WHO", "PM"): the recogniser should then accept only an all-capitals token, so
    /// that "us" and "who" stay words.
    bool acronym_only(std::string_view folded) const;
    /// acronym_only() with the key's hash precomputed.
    bool acronym_only(const PhraseKey& key) const { return m_acronym.find(key) != m_acronym.end(); }
    /// The organisation with this code, or nullptr ("IGOWSTNAT").
    const OrgEntry* organisation_by_code(std::string_view code) const;
    /// Index into people() of the dictionary person whose display name folds to `folded`.
    std::optional<uint32_t> person_by_name(std::string_view folded) const;

  private:
    bool starts_with_title(std::string_view folded) const;
    struct PhraseHash {
        using is_transparent = void;
        // Not noexcept on purpose: libstdc++ then caches each node's hash, so a bucket walk
        // compares hashes instead of rehashing keys.
        std::size_t operator()(std::string_view s) const { return phrase_final(phrase_state(s)); }
        std::size_t operator()(const PhraseKey& k) const { return k.hash; }
    };
    struct PhraseEq {
        using is_transparent = void;
        static std::string_view view(std::string_view s) { return s; }
        static std::string_view view(const PhraseKey& k) { return k.text; }
        template <class A, class B>
        bool operator()(const A& a, const B& b) const {
            return view(a) == view(b);
        }
    };
    using PhraseMap = std::unordered_map<std::string, std::vector<GazMatch>, PhraseHash, PhraseEq>;

    void load_countries(const Knowledge& kb);
    void load_organisations(const Knowledge& kb);
    void load_titles(const Knowledge& kb);
    void load_places(const Knowledge& kb);
    void load_words(const Knowledge& kb);
    void load_office_holders(const Knowledge& kb, const std::vector<std::string_view>& particles);
    /// Registers a person's folded name (and its particle-separator variant) in the phrase map.
    void add_person_key(const std::string& folded, uint32_t idx,
                        const std::vector<std::string_view>& particles);
    /// The canonical title for a title or alias, or "" when unknown.
    std::string canonical_title(std::string_view title) const;
    void load_dictionary(const std::string& path, const std::vector<std::string_view>& particles,
                         const std::vector<std::string>& org_words);
    /// Registers `surface` (folded here) for `m`; `track_case` records acronym-only keys.
    void add(std::string_view surface, GazMatch m, bool track_case = true);
    /// Registers an already folded key (and its lexer form without a lone final dot).
    void add_key(std::string key, GazMatch m, bool acronym);

    std::vector<CountryEntry> m_countries;
    std::vector<OrgEntry> m_orgs;
    std::vector<TitleEntry> m_titles;
    std::vector<PlaceEntry> m_places;
    std::vector<PersonEntry> m_people;
    PhraseMap m_phrases;
    std::unordered_set<std::string, PhraseHash, PhraseEq> m_acronym;  ///< acronym-only keys
    ViewMap<std::vector<uint32_t>> m_role_index;
    ViewMap<uint32_t> m_country_index;
    ViewMap<uint32_t> m_org_index;
    ViewMap<uint32_t> m_person_names;
    std::vector<OfficeTerm> m_offices;
    /// "prime minister|GBR" -> terms; folded person name (hyphens as spaces) -> terms.
    using TermIndex = ViewMap<std::vector<uint32_t>>;
    TermIndex m_office_index;
    TermIndex m_office_people;
    double m_office_ms = 0;
    std::string m_words_blob;  ///< words.txt as read; m_words views into it
    std::unordered_set<std::string_view> m_words;
    std::size_t m_max_tokens = 1;
    /// A bit per hash of every phrase's leading words up to each space ("united", "united
    /// states"): a filter, so a collision only costs a lookup.
    static constexpr std::size_t kPrefixBits = std::size_t{1} << 21;
    std::vector<uint64_t> m_prefixes = std::vector<uint64_t>(kPrefixBits / 64);
    /// The same filter over every whole phrase: find(PhraseKey) skips the table on a miss.
    std::vector<uint64_t> m_keys = std::vector<uint64_t>(kPrefixBits / 64);
};

/// Folds a phrase for lookup: lower case, accents removed (utf8proc), runs of spaces and
/// hyphens-with-spaces collapsed, curly quotes made straight, a leading "the " removed.
std::string fold_phrase(std::string_view s);

}  // namespace parley::detail
