// Word lists the actor stage compiles once (data/lexicon/*.txt).
#pragma once

#include <parley/knowledge.hpp>

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace parley::detail {

class Gazetteer;

struct ActorRules {
    explicit ActorRules(const Knowledge& kb);
    const Gazetteer* gaz;
    std::unordered_set<std::string> honorifics;        ///< mr, mrs, dr, sir
    std::unordered_set<std::string> particles;         ///< al, el, bin, de, van
    std::unordered_set<std::string> non_name_heads;    ///< ministry, office, council: not people
    std::unordered_set<std::string> group_nouns;       ///< officials, diplomats, negotiators
    std::unordered_set<std::string> subordinators;     ///< after, before, while: clause openers
    std::unordered_set<std::string> ambiguous_titles;  ///< general, chief: also plain words
    std::unordered_set<std::string> speech_verbs;      ///< said, told: a lone name that speaks
    /// Words that can start a lower-case gazetteer phrase (titles: "secretary of state") and
    /// lower-case words that can sit inside any phrase ("of", "the", "minister"): the scan
    /// skips every other lower-case word without a lookup.
    std::unordered_set<std::string> title_first_words;
    std::unordered_set<std::string> phrase_words;
    /// Dictionary people by folded surname ("bush" -> George W. Bush, George H. W. Bush, ...).
    std::unordered_map<std::string, std::vector<uint32_t>> by_surname;
};

}  // namespace parley::detail
