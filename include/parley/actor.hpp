// Actors: people, countries and organisations with canonical names, countries and titles.
#pragma once

#include <parley/document.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace parley {

class Knowledge;

enum class ActorKind : uint8_t { person, country, organisation, group };
const char* to_string(ActorKind);

struct Actor {
    std::string name;  ///< canonical: full name as first introduced ("Igor Ivanov")
    ActorKind kind = ActorKind::person;
    std::string country;               ///< ISO 3166 alpha-3 ("RUS"), empty when unknown
    std::string sector;                ///< CAMEO-style sector: GOV, MIL, DIP, ... (may be empty)
    std::vector<std::string> titles;   ///< "Foreign Minister"
    std::vector<std::string> aliases;  ///< every surface form seen ("Mr Ivanov", "Ivanov")
    uint32_t mentions = 0;
};

/// How an actor was referred to.
enum class MentionForm : uint8_t {
    name,     ///< "Igor Ivanov", "Russian Prime Minister Sergei Stepashin"
    surname,  ///< "Ivanov", "Mr Ivanov"
    title,    ///< "the Secretary of State" (resolved to the holder in scope)
    pronoun,  ///< "he", "his"
    country,  ///< "Russia", "the United States"
    metonym,  ///< "Moscow", "the Kremlin" (a capital standing for its government)
    organisation,
    group,  ///< "Russian defence officials"
};

/// One occurrence of an actor in the text.
struct Mention {
    uint32_t begin = 0;  ///< byte span of the whole mention (title + name)
    uint32_t end = 0;
    uint32_t head_begin = 0;  ///< the name itself
    uint32_t head_end = 0;
    int actor = -1;  ///< index into ActorTable::actors
    uint32_t sentence = 0;
    std::string title;  ///< title used in this mention, if any
    MentionForm form = MentionForm::name;
};

/// A place named in the text ("London", "Camp David"): a candidate event location.
struct PlaceMention {
    uint32_t begin = 0;
    uint32_t end = 0;
    uint32_t sentence = 0;
    std::string name;     ///< canonical
    std::string country;  ///< alpha-3
};

namespace detail {
struct SentenceTokens;
}

struct ActorTable {
    std::vector<Actor> actors;
    std::vector<Mention> mentions;     ///< in text order
    std::vector<PlaceMention> places;  ///< in text order (capitals appear here and as metonyms)
    /// The actor stage's tokens of each sentence, so the event stage need not lex again
    /// (internal; see detail::shared_tokens() in src/actors/lexer.hpp). May be null.
    std::shared_ptr<const detail::SentenceTokens> tokens;
};

/// The key one actor's spellings share across articles: folded case and accents, no particles
/// (al, el, al-, el-), no middle initials, no punctuation.
/// "Hafez el Assad" and "Hafez al-Assad" -> "hafez assad"; "George W. Bush" -> "george bush".
std::string actor_key(std::string_view name);

/// Finds the actors of one document and resolves later mentions ("Mr Ivanov") to the
/// person introduced earlier.
ActorTable find_actors(const Document& doc, const Knowledge& kb);

}  // namespace parley
