#include <parley/extract.hpp>
#include <parley/knowledge.hpp>

namespace parley {

Extraction extract(Document doc, const Knowledge& kb) {
    Extraction x;
    x.document = lead_with_title(std::move(doc));
    x.times = find_times(x.document, kb, &x.diagnostics);
    x.actors = find_actors(x.document, kb);
    x.events = find_events(x.document, x.actors, x.times, kb);
    return x;
}

}  // namespace parley
