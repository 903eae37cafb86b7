// The corpus as a graph: a bipartite graph of actor and event vertices (Boost.Graph, kept behind
// a pimpl so that this header stays cheap to include), and the actor-to-actor relationship
// graph derived from it, viewed through a date window.
#pragma once

#include <parley/store.hpp>

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace parley {

/// Two actors and what linked them inside a window.
struct Relation {
    int64_t a = 0;  ///< actor ids, a < b
    int64_t b = 0;
    uint32_t events = 0;
    std::array<uint32_t, 9> by_type{};  ///< indexed by EventType
    std::optional<date::sys_days> first;
    std::optional<date::sys_days> last;
};

/// One hop of a path: from the previous actor to `actor` through `event` (0 for the start).
struct PathStep {
    int64_t actor = 0;
    int64_t event = 0;
};

struct CentralityScore {
    int64_t actor = 0;
    uint32_t degree = 0;       ///< distinct actors met in the window
    double betweenness = 0.0;  ///< Brandes, normalised to [0, 1]
};

class CorpusGraph {
  public:
    /// Reads every (event, actor) pair of the store.
    static CorpusGraph load(const Store& store);
    /// Builds from rows already in memory, ordered or not (tests, benchmarks).
    static CorpusGraph build(const std::vector<EventActorRow>& rows);

    CorpusGraph();
    ~CorpusGraph();
    CorpusGraph(CorpusGraph&&) noexcept;
    CorpusGraph& operator=(CorpusGraph&&) noexcept;

    std::size_t actor_count() const;
    std::size_t event_count() const;
    std::size_t relation_count() const;  ///< actor pairs with at least one shared event

    /// Events of `actor` that `f` keeps (f.actors: the event must also have one of them),
    /// chronologically.
    std::vector<int64_t> events_of(int64_t actor, const EventFilter& f) const;
    /// Every pair of actors with a shared event in the window (f.actors: pairs touching them).
    std::vector<Relation> relations(const EventFilter& f) const;
    /// Shortest chain of shared events from `from` to `to` in the window (BFS); empty when
    /// they are not connected. The first step is `from` itself.
    std::vector<PathStep> path(int64_t from, int64_t to, const EventFilter& f) const;
    /// Degree and betweenness centrality of every actor with an event in the window, best first.
    std::vector<CentralityScore> centrality(const EventFilter& f) const;

  private:
    struct Impl;
    std::unique_ptr<Impl> m;
};

}  // namespace parley
