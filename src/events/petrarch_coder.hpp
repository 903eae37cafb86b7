// A PETRARCH-style verb-pattern coder: the verbs of the PETRARCH verb dictionaries given with
// --verbs (Knowledge::verb_dictionaries), their patterns matched around the verb, the source and
// target taken from the actor stage's actors (with agents: "the Calenardhon government").
#pragma once

#include <parley/event.hpp>
#include <parley/knowledge.hpp>

#include <filesystem>
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace parley::detail {

/// One element of a pattern: a word, a synset, or a slot.
struct PatternElem {
    enum Kind : uint8_t { word, synset, target, source, compound, skip } kind = word;
    std::string text;          ///< folded word, or the synset's name
    bool joined_next = false;  ///< '_' ties it to the next element (no word may come between)
};

/// "- $ NOT * ^ TO_ + [124]": the elements before and after '*', and its codes.
struct VerbPattern {
    std::vector<PatternElem> pre;   ///< in text order
    std::vector<PatternElem> post;  ///< in text order
    bool pre_joined = false;        ///< the last pre element is tied to the verb ("IN_*")
    bool post_joined = false;       ///< the first post element is tied to the verb ("*_UPON")
    std::string code;               ///< source -> target; empty: the pattern codes no event
    std::string reverse;            ///< target -> source ("[032:033]"), may be empty
    std::size_t weight = 0;         ///< how specific: words and slots it names
};

/// A spelling of a verb: folded words ("break", "down"), one line of a block.
struct VerbForm {
    std::vector<std::string> words;
    std::size_t block = 0;
    std::string code, reverse;  ///< the verb line's own code, else the block's
    bool coded = false;         ///< the line or block gives a code ("[---]" does not)
};

struct VerbBlock {
    std::string name;
    std::vector<VerbPattern> patterns;  ///< most specific first
};

/// The verb dictionaries of a Knowledge, compiled once (kb.get<PetrarchVerbs>()).
struct PetrarchVerbs {
    PetrarchVerbs() = default;
    explicit PetrarchVerbs(const Knowledge& kb);
    /// Reads one dictionary into this (tests); throws Error naming the file and line.
    void read(const std::filesystem::path& path);
    void finish();  ///< sorts the patterns; after the last read()

    std::vector<VerbBlock> blocks;
    std::unordered_map<std::string, std::vector<VerbForm>> forms;  ///< by first word
    std::map<std::string, std::vector<std::vector<std::string>>> synsets;
    /// Agents ("government", "lawmakers", "prime minister") with their sector, from
    /// lexicon/group-sectors.tsv, singular and plural.
    std::map<std::vector<std::string>, std::string> agents;
    std::size_t max_agent = 1;
    std::unordered_set<std::string> determiners, aux, prepositions;
    std::unordered_set<std::string> speech_verbs;  ///< said, told: attributions

    bool empty() const { return blocks.empty(); }
};

/// Regular English forms of a verb word (-s/-es, -ed/-d unless `past` is false, -ing).
std::vector<std::string> petrarch_inflections(const std::string& w, bool past);

}  // namespace parley::detail

namespace parley {

/// The events the PETRARCH verb dictionaries of `kb` code in `doc`: for each dictionary verb,
/// its most specific matching pattern's code (else the verb's or block's), with the source and
/// target the pattern's slots name, else the subject before the verb and the first actor after
/// it; one event per source and target of a compound ("A, B and C"). Codes outside CAMEO 01-05
/// are dropped. Empty when `kb` has no verb dictionaries.
std::vector<Event> code_petrarch_events(const Document& doc, const ActorTable& actors,
                                        const std::vector<TimeSpan>& times, const Knowledge& kb);

}  // namespace parley
