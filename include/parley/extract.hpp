// The whole extractor: Document -> events (time, actors, events stages).
#pragma once

#include <parley/event.hpp>
#include <parley/ingest.hpp>

#include <vector>

namespace parley {

struct Extraction {
    Document document;
    std::vector<TimeSpan> times;
    ActorTable actors;
    std::vector<Event> events;
    Diagnostics diagnostics;
};

Extraction extract(Document doc, const Knowledge& kb);

}  // namespace parley
