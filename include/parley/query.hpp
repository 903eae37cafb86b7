// Questions across the corpus: who met whom, events, actors, paths and centrality.
// The store answers lookups; the graph (loaded on first need) answers adjacency questions.
#pragma once

#include <parley/error.hpp>
#include <parley/graph.hpp>
#include <parley/store.hpp>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace parley {

/// The event types that count as two actors encountering each other.
const std::vector<EventType>& encounter_types();

/// A command-line name that fits several actors: what() lists them, candidates() has them.
class AmbiguousActor : public Error {
  public:
    AmbiguousActor(const std::string& name, std::vector<StoredActor> candidates);
    const std::vector<StoredActor>& candidates() const { return m_candidates; }

  private:
    std::vector<StoredActor> m_candidates;
};

/// One encounter of the actor asked about.
struct Encounter {
    StoredEvent event;
    std::vector<std::string> with;  ///< the other participants' canonical names
};

struct PathLink {
    StoredActor actor;  ///< the actor reached
    std::optional<StoredEvent>
        via;  ///< the event linking it to the previous one (none at the start)
};

struct CentralActor {
    StoredActor actor;
    uint32_t degree = 0;
    double betweenness = 0.0;
};

class Corpus {
  public:
    /// Opens an existing corpus read-only (Error when missing or not a Parley database).
    explicit Corpus(const std::filesystem::path& db);
    explicit Corpus(Store store);
    ~Corpus();
    Corpus(Corpus&&) noexcept;
    Corpus& operator=(Corpus&&) noexcept;

    const Store& store() const;
    /// Loads the graph on first use.
    const CorpusGraph& graph() const;
    /// For a long-lived reader: loads the graph and caches every event's details
    /// (Store::cache_events), so that met() and path() make no query per event.
    void preload() const;

    /// The one actor `name` means: by canonical name, alias or surname, case-insensitively.
    /// Throws Error when none matches and AmbiguousActor when several do.
    StoredActor resolve(std::string_view name) const;

    /// A's encounters (f.types empty: encounter_types()), chronologically; `with` restricts them
    /// to the ones B took part in.
    std::vector<Encounter> met(int64_t actor, std::optional<int64_t> with, EventFilter f) const;
    /// Events in the filter, chronologically.
    std::vector<StoredEvent> events(const EventFilter& f) const;
    /// Shortest chain of encounters from A to B in the window; empty when none.
    std::vector<PathLink> path(int64_t from, int64_t to, EventFilter f) const;
    /// Actors ranked by betweenness, then degree, over encounters in the window.
    std::vector<CentralActor> central(EventFilter f, std::size_t top) const;

  private:
    struct Impl;
    std::unique_ptr<Impl> m;
};

}  // namespace parley
