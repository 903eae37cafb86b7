// Actor recognition measured on gold files: is every gold actor of every gold event among the
// actors the extractor found in that document, under its canonical name? (docs/evaluation.md)
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace parley {

class Knowledge;

struct ActorMiss {
    std::string gold_actor;  ///< as the gold writes it ("A|B" for accepted spellings)
    std::string evidence;    ///< the gold event's evidence sentence
};

struct ActorDocumentScore {
    std::string document;   ///< "NAME.txt"
    std::size_t total = 0;  ///< gold actors, counted once per gold event
    std::size_t recognised = 0;
    std::size_t distinct_total = 0;  ///< distinct gold actors of the document
    std::size_t distinct_recognised = 0;
    std::vector<ActorMiss> misses;   ///< one per missed (event, actor)
    std::vector<std::string> found;  ///< canonical names of the actors found
};

struct ActorEvalReport {
    std::vector<ActorDocumentScore> documents;
    std::size_t total = 0;
    std::size_t recognised = 0;
    std::size_t distinct_total = 0;
    std::size_t distinct_recognised = 0;
    double share() const { return total ? double(recognised) / double(total) : 0.0; }
    double distinct_share() const {
        return distinct_total ? double(distinct_recognised) / double(distinct_total) : 0.0;
    }
};

/// Runs the extractor on every NAME.txt of `gold_dir` that has NAME.gold.json beside it
/// (anchored at the gold `publication`) and checks each gold actor against the document's
/// actor table with NameMatcher::actor_matches (the event scorer's rules). Throws Error when
/// the directory holds no such pair.
ActorEvalReport evaluate_actors(const std::filesystem::path& gold_dir, const Knowledge& kb);

/// One line per document, then the total; with `verbose`, each miss under its document.
std::string format_actor_report(const ActorEvalReport& r, bool verbose);

}  // namespace parley
