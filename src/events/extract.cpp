#include "events/petrarch_coder.hpp"

#include <parley/extract.hpp>
#include <parley/knowledge.hpp>

#include <set>

namespace parley {

Extraction extract(Document doc, const Knowledge& kb) {
    Extraction x;
    x.document = lead_with_title(std::move(doc));
    x.times = find_times(x.document, kb, &x.diagnostics);
    x.actors = find_actors(x.document, kb);
    x.events = find_events(x.document, x.actors, x.times, kb);
    // The shared tokens (about ten times the text) were for the event stage only.
    x.actors.tokens.reset();
    // With PETRARCH verb dictionaries (--verbs), their patterns code the sentences too.
    if (!kb.verb_dictionaries.empty()) {
        auto coded = code_petrarch_events(x.document, x.actors, x.times, kb);
        // Where the dictionaries coded a sentence, their reading replaces the trigger events
        // of that sentence: one event per verb, not a trigger's and a pattern's.
        std::set<uint32_t> sentences;
        for (const auto& e : coded) sentences.insert(e.evidence.begin);
        std::erase_if(x.events,
                      [&](const Event& e) { return sentences.count(e.evidence.begin) > 0; });
        for (auto& e : coded) x.events.push_back(std::move(e));
    }
    return x;
}

}  // namespace parley
