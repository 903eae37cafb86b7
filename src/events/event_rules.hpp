// Triggers, status cues and light verbs of the event stage, compiled once from data/events/.
#pragma once

#include <parley/error.hpp>
#include <parley/event.hpp>
#include <parley/knowledge.hpp>

#include <filesystem>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace parley::detail {

struct Trigger {
    EventType type = EventType::other;
    std::string cameo;
    bool noun = false;
    std::vector<std::string> frames;  ///< with, obj, person, dest, host, self
    std::vector<std::string> words;   ///< folded tokens of the phrase
};

struct Cue {
    std::string kind;  ///< scheduled, hypothetical, denied, cancelled, reported
    std::vector<std::string> words;
};

class Gazetteer;

struct EventRules {
    explicit EventRules(const Knowledge& kb);
    const Gazetteer* gaz;  ///< countries of destinations the text names only by a city
    std::unordered_map<std::string, std::vector<Trigger>> triggers;  ///< by first word
    std::size_t max_trigger = 1;
    std::vector<Cue> cues;
    std::unordered_map<std::string, std::vector<const Cue*>> cues_by_first;  ///< into `cues`
    std::unordered_set<std::string> light_verbs;
    std::unordered_set<std::string> object_modifiers;
    /// "representatives from X", "a joint session of X": the noun stands for X.
    std::unordered_set<std::string> proxy_nouns;
    std::unordered_set<std::string> subordinators;  ///< "before Obama departed": a new clause
    std::unordered_set<std::string> speech_verbs;   ///< "said", "told": a reporting clause
    std::unordered_set<std::string> prepositions;   ///< an object never lies beyond one
    /// Closed-class words from data/lexicon/function-words.tsv.
    std::unordered_set<std::string> aux, determiners, locative, venue,
        plural;                                ///<
                                               ///< "counterpart", "visiting": before an object
    std::unordered_set<std::string> weekdays;  ///< "saturday", "sat": bare weekdays move with tense
};

/// Checks that a PETRARCH verb dictionary given with --verbs can be read (throws Error naming
/// the file otherwise). Its verbs and patterns are coded by src/events/petrarch_coder.cpp, not
/// added as triggers.
void add_petrarch_verbs(const std::filesystem::path& path, EventRules& rules);

}  // namespace parley::detail
