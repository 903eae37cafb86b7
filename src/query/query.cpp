// The query layer: resolves names, asks the graph for adjacency and the store for details.
#include <parley/query.hpp>

#include <algorithm>

namespace parley {

const std::vector<EventType>& encounter_types() {
    static const std::vector<EventType> types = {EventType::meeting,    EventType::visit,
                                                 EventType::phone_call, EventType::negotiation,
                                                 EventType::agreement,  EventType::mediation};
    return types;
}

namespace {
std::string describe(const StoredActor& a) {
    std::string s = a.name + " (" + to_string(a.kind);
    if (!a.country.empty()) s += ", " + a.country;
    s += ", " + std::to_string(a.events) + " events)";
    return s;
}
std::string ambiguous_message(const std::string& name, const std::vector<StoredActor>& c) {
    std::string s = "\"" + name + "\" is ambiguous; did you mean one of:";
    for (const auto& a : c) s += "\n  " + describe(a);
    return s;
}
}  // namespace

AmbiguousActor::AmbiguousActor(const std::string& name, std::vector<StoredActor> candidates)
    : Error(ambiguous_message(name, candidates)), m_candidates(std::move(candidates)) {}

struct Corpus::Impl {
    Store store;
    mutable std::unique_ptr<CorpusGraph> graph;
    explicit Impl(Store s) : store(std::move(s)) {}
};

Corpus::Corpus(const std::filesystem::path& db) : Corpus(Store(db, Store::Mode::read_only)) {}
Corpus::Corpus(Store store) : m(std::make_unique<Impl>(std::move(store))) {}
Corpus::~Corpus() = default;
Corpus::Corpus(Corpus&&) noexcept = default;
Corpus& Corpus::operator=(Corpus&&) noexcept = default;

const Store& Corpus::store() const {
    return m->store;
}

const CorpusGraph& Corpus::graph() const {
    if (!m->graph) m->graph = std::make_unique<CorpusGraph>(CorpusGraph::load(m->store));
    return *m->graph;
}

void Corpus::preload() const {
    graph();
    m->store.cache_events();
}

StoredActor Corpus::resolve(std::string_view name) const {
    auto found = m->store.find_actors(name);
    if (found.empty())
        throw Error(m->store.path().string() + ": no actor matches \"" + std::string(name) + "\"");
    if (found.size() > 1) {
        // A person and the country of the same name are rare; prefer the one with events only
        // when the others have none.
        std::vector<StoredActor> active;
        for (auto& a : found)
            if (a.events > 0) active.push_back(a);
        if (active.size() == 1) return active.front();
        throw AmbiguousActor(std::string(name), std::move(found));
    }
    return found.front();
}

std::vector<Encounter> Corpus::met(int64_t actor, std::optional<int64_t> with,
                                   EventFilter f) const {
    if (f.types.empty()) f.types = encounter_types();
    f.actors.clear();
    if (with) f.actors.push_back(*with);
    // One actor's events are an index lookup: a one-shot `parley met` skips loading the graph
    // (seconds on a large corpus); a process that has it asks it instead.
    const auto ids = m->graph ? m->graph->events_of(actor, f) : m->store.event_ids_of(actor, f);
    std::vector<Encounter> out;
    out.reserve(ids.size());
    for (auto& se : m->store.events_by_id(ids)) {
        Encounter enc;
        for (std::size_t i = 0; i < se.actors.size(); ++i)
            if (se.actors[i] != actor) enc.with.push_back(se.event.participants[i].name);
        enc.event = std::move(se);
        out.push_back(std::move(enc));
    }
    return out;
}

std::vector<StoredEvent> Corpus::events(const EventFilter& f) const {
    return m->store.events(f);
}

std::vector<PathLink> Corpus::path(int64_t from, int64_t to, EventFilter f) const {
    if (f.types.empty()) f.types = encounter_types();
    std::vector<PathLink> out;
    for (const auto& step : graph().path(from, to, f)) {
        PathLink link;
        if (auto a = m->store.actor(step.actor)) link.actor = std::move(*a);
        if (step.event) {
            auto evs = m->store.events_by_id({step.event});
            if (!evs.empty()) link.via = std::move(evs.front());
        }
        out.push_back(std::move(link));
    }
    return out;
}

std::vector<CentralActor> Corpus::central(EventFilter f, std::size_t top) const {
    if (f.types.empty()) f.types = encounter_types();
    auto scores = graph().centrality(f);
    if (top && scores.size() > top) scores.resize(top);
    std::vector<CentralActor> out;
    for (const auto& s : scores)
        if (auto a = m->store.actor(s.actor))
            out.push_back(CentralActor{std::move(*a), s.degree, s.betweenness});
    return out;
}

}  // namespace parley
