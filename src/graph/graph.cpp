// Boost.Graph over the corpus: the bipartite actor/event graph, the derived actor-to-actor
// graph (one edge per pair, its shared events kept sorted beside it), and windowed views of
// both through boost::filtered_graph -- the window never copies the graph.
#include <parley/graph.hpp>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/visitors.hpp>

#include <algorithm>
#include <climits>
#include <unordered_map>

namespace parley {

namespace {

constexpr int32_t kUndated = INT32_MIN;

int32_t day32(const std::optional<date::sys_days>& d) {
    return d ? static_cast<int32_t>(d->time_since_epoch().count()) : kUndated;
}
std::optional<date::sys_days> opt_day(int32_t n) {
    return n == kUndated ? std::nullopt
                         : std::optional<date::sys_days>(date::sys_days(date::days(n)));
}

struct BipVertex {
    int64_t id = 0;
    int32_t first = kUndated;
    int32_t last = kUndated;
    EventType type = EventType::other;
    bool event = false;
};
using Bipartite = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, BipVertex,
                                        boost::no_property, boost::no_property, boost::vecS>;
using BipV = boost::graph_traits<Bipartite>::vertex_descriptor;

/// One shared event of an actor pair.
struct Shared {
    int32_t first;
    int32_t last;
    EventType type;
    uint32_t event;  // bipartite vertex
};
struct PairEdge {
    uint32_t index = 0;  // into Impl::pairs (edge descriptors of a vecS edge list move on growth)
};
struct PairRange {
    uint32_t begin = 0;  // range in Impl::shared
    uint32_t end = 0;
};
struct ActorVertex {
    BipV bip = 0;
};
using ActorGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, ActorVertex,
                                         PairEdge, boost::no_property, boost::vecS>;
using ActV = boost::graph_traits<ActorGraph>::vertex_descriptor;
using ActE = boost::graph_traits<ActorGraph>::edge_descriptor;

/// The window test on raw vertex data.
struct Window {
    int32_t from = INT32_MIN;
    int32_t to = INT32_MAX;
    bool dated_only = false;
    uint32_t types = ~0u;  // bit per EventType

    explicit Window(const EventFilter& f) {
        dated_only = f.dated_only();
        if (f.from) from = day32(f.from);
        if (f.to) to = day32(f.to);
        if (!f.types.empty()) {
            types = 0;
            for (auto t : f.types) types |= 1u << static_cast<unsigned>(t);
        }
    }
    bool keeps(EventType t, int32_t first, int32_t last) const {
        if (!(types & (1u << static_cast<unsigned>(t)))) return false;
        if (first == kUndated) return !dated_only;
        return last >= from && first <= to;
    }
};

/// Vertex predicate of the windowed bipartite view: actors always, events in the window.
struct EventInWindow {
    const Bipartite* g = nullptr;
    const Window* w = nullptr;
    bool operator()(BipV v) const {
        const auto& p = (*g)[v];
        return !p.event || w->keeps(p.type, p.first, p.last);
    }
};

/// Edge predicate of the windowed actor view: a pair with a shared event in the window.
struct PairInWindow {
    const ActorGraph* g = nullptr;
    const std::vector<char>* kept = nullptr;
    bool operator()(ActE e) const { return (*kept)[(*g)[e].index] != 0; }
};

}  // namespace

struct CorpusGraph::Impl {
    Bipartite bip;
    std::unordered_map<int64_t, BipV> actor_vertex;
    std::unordered_map<int64_t, BipV> event_vertex;
    ActorGraph actors;  // vertex i <-> actor_bip[i]
    std::unordered_map<int64_t, ActV> actor_index;
    std::vector<Shared> shared;    // grouped by pair, each group by date
    std::vector<PairRange> pairs;  // by PairEdge::index

    void derive();
    std::vector<char> kept_pairs(const Window& w) const {
        std::vector<char> kept(pairs.size(), 0);
        for (std::size_t i = 0; i < pairs.size(); ++i) {
            const auto& pe = pairs[i];
            for (uint32_t k = pe.begin; k < pe.end; ++k)
                if (w.keeps(shared[k].type, shared[k].first, shared[k].last)) {
                    kept[i] = 1;
                    break;
                }
        }
        return kept;
    }
};

void CorpusGraph::Impl::derive() {
    // Actor vertices in the order of the bipartite graph.
    for (auto v : boost::make_iterator_range(boost::vertices(bip)))
        if (!bip[v].event) {
            auto av = boost::add_vertex(ActorVertex{v}, actors);
            actor_index[bip[v].id] = av;
        }
    struct Row {
        ActV a, b;
        Shared s;
    };
    std::vector<Row> rows;
    std::vector<ActV> members;
    for (auto v : boost::make_iterator_range(boost::vertices(bip))) {
        if (!bip[v].event) continue;
        members.clear();
        for (auto u : boost::make_iterator_range(boost::adjacent_vertices(v, bip)))
            members.push_back(actor_index.at(bip[u].id));
        std::sort(members.begin(), members.end());
        members.erase(std::unique(members.begin(), members.end()), members.end());
        const Shared s{bip[v].first, bip[v].last, bip[v].type, static_cast<uint32_t>(v)};
        for (std::size_t i = 0; i < members.size(); ++i)
            for (std::size_t j = i + 1; j < members.size(); ++j)
                rows.push_back({members[i], members[j], s});
    }
    std::sort(rows.begin(), rows.end(), [](const Row& x, const Row& y) {
        if (x.a != y.a) return x.a < y.a;
        if (x.b != y.b) return x.b < y.b;
        return x.s.first < y.s.first;
    });
    shared.reserve(rows.size());
    for (std::size_t i = 0; i < rows.size();) {
        std::size_t j = i;
        PairRange range;
        range.begin = static_cast<uint32_t>(shared.size());
        while (j < rows.size() && rows[j].a == rows[i].a && rows[j].b == rows[i].b)
            shared.push_back(rows[j++].s);
        range.end = static_cast<uint32_t>(shared.size());
        boost::add_edge(rows[i].a, rows[i].b, PairEdge{static_cast<uint32_t>(pairs.size())},
                        actors);
        pairs.push_back(range);
        i = j;
    }
}

CorpusGraph::CorpusGraph() : m(std::make_unique<Impl>()) {}
CorpusGraph::~CorpusGraph() = default;
CorpusGraph::CorpusGraph(CorpusGraph&&) noexcept = default;
CorpusGraph& CorpusGraph::operator=(CorpusGraph&&) noexcept = default;

CorpusGraph CorpusGraph::build(const std::vector<EventActorRow>& rows) {
    CorpusGraph g;
    auto& im = *g.m;
    for (const auto& r : rows) {
        auto [ev, fresh_event] = im.event_vertex.try_emplace(r.event, 0);
        if (fresh_event)
            ev->second = boost::add_vertex(
                BipVertex{r.event, day32(r.first), day32(r.last ? r.last : r.first), r.type, true},
                im.bip);
        auto [av, fresh_actor] = im.actor_vertex.try_emplace(r.actor, 0);
        if (fresh_actor)
            av->second = boost::add_vertex(
                BipVertex{r.actor, kUndated, kUndated, EventType::other, false}, im.bip);
        boost::add_edge(av->second, ev->second, im.bip);
    }
    im.derive();
    return g;
}

CorpusGraph CorpusGraph::load(const Store& store) {
    std::vector<EventActorRow> rows;
    rows.reserve(store.count_events() * 5 / 2);
    store.for_each_event_actor([&](const EventActorRow& r) { rows.push_back(r); });
    return build(rows);
}

std::size_t CorpusGraph::actor_count() const {
    return m->actor_vertex.size();
}
std::size_t CorpusGraph::event_count() const {
    return m->event_vertex.size();
}
std::size_t CorpusGraph::relation_count() const {
    return m->pairs.size();
}

std::vector<int64_t> CorpusGraph::events_of(int64_t actor, const EventFilter& f) const {
    auto it = m->actor_vertex.find(actor);
    if (it == m->actor_vertex.end()) return {};
    const Window w(f);
    boost::filtered_graph<Bipartite, boost::keep_all, EventInWindow> view(
        m->bip, boost::keep_all(), EventInWindow{&m->bip, &w});
    std::vector<BipV> others;
    for (const auto& id : f.actors)
        if (auto o = m->actor_vertex.find(id); o != m->actor_vertex.end() && id != actor)
            others.push_back(o->second);
    std::vector<BipV> found;
    for (auto ev : boost::make_iterator_range(boost::adjacent_vertices(it->second, view))) {
        if (!f.actors.empty()) {
            bool with = false;
            for (auto u : boost::make_iterator_range(boost::adjacent_vertices(ev, view)))
                if (std::find(others.begin(), others.end(), u) != others.end()) with = true;
            if (!with) continue;
        }
        found.push_back(ev);
    }
    std::sort(found.begin(), found.end(), [&](BipV x, BipV y) {
        const auto &a = m->bip[x], &b = m->bip[y];
        // Undated last.
        const int64_t ka = a.first == kUndated ? INT64_MAX : a.first,
                      kb = b.first == kUndated ? INT64_MAX : b.first;
        return ka != kb ? ka < kb : a.id < b.id;
    });
    found.erase(std::unique(found.begin(), found.end()), found.end());
    std::vector<int64_t> out;
    out.reserve(found.size());
    for (auto v : found) out.push_back(m->bip[v].id);
    return out;
}

std::vector<Relation> CorpusGraph::relations(const EventFilter& f) const {
    const Window w(f);
    const auto kept = m->kept_pairs(w);
    boost::filtered_graph<ActorGraph, PairInWindow> view(m->actors,
                                                         PairInWindow{&m->actors, &kept});
    std::vector<Relation> out;
    for (auto e : boost::make_iterator_range(boost::edges(view))) {
        const int64_t a = m->bip[m->actors[boost::source(e, view)].bip].id;
        const int64_t b = m->bip[m->actors[boost::target(e, view)].bip].id;
        if (!f.actors.empty() && std::find(f.actors.begin(), f.actors.end(), a) == f.actors.end() &&
            std::find(f.actors.begin(), f.actors.end(), b) == f.actors.end())
            continue;
        Relation r;
        r.a = std::min(a, b);
        r.b = std::max(a, b);
        int32_t first = INT32_MAX, last = INT32_MIN;
        const auto& pe = m->pairs[view[e].index];
        for (uint32_t k = pe.begin; k < pe.end; ++k) {
            const auto& s = m->shared[k];
            if (!w.keeps(s.type, s.first, s.last)) continue;
            ++r.events;
            ++r.by_type[static_cast<std::size_t>(s.type)];
            if (s.first != kUndated) {
                first = std::min(first, s.first);
                last = std::max(last, s.last);
            }
        }
        if (first != INT32_MAX) {
            r.first = opt_day(first);
            r.last = opt_day(last);
        }
        out.push_back(r);
    }
    std::sort(out.begin(), out.end(), [](const Relation& x, const Relation& y) {
        return x.events != y.events ? x.events > y.events : std::tie(x.a, x.b) < std::tie(y.a, y.b);
    });
    return out;
}

std::vector<PathStep> CorpusGraph::path(int64_t from, int64_t to, const EventFilter& f) const {
    auto fa = m->actor_index.find(from), ta = m->actor_index.find(to);
    if (fa == m->actor_index.end() || ta == m->actor_index.end()) return {};
    if (from == to) return {PathStep{from, 0}};
    const Window w(f);
    const auto kept = m->kept_pairs(w);
    boost::filtered_graph<ActorGraph, PairInWindow> view(m->actors,
                                                         PairInWindow{&m->actors, &kept});
    const auto n = boost::num_vertices(m->actors);
    std::vector<ActV> pred(n, boost::graph_traits<ActorGraph>::null_vertex());
    pred[fa->second] = fa->second;
    boost::breadth_first_search(view, fa->second,
                                boost::visitor(boost::make_bfs_visitor(boost::record_predecessors(
                                    pred.data(), boost::on_tree_edge()))));
    if (pred[ta->second] == boost::graph_traits<ActorGraph>::null_vertex()) return {};
    std::vector<ActV> chain;
    for (ActV v = ta->second; v != fa->second; v = pred[v]) chain.push_back(v);
    chain.push_back(fa->second);
    std::reverse(chain.begin(), chain.end());
    std::vector<PathStep> out{PathStep{from, 0}};
    for (std::size_t i = 1; i < chain.size(); ++i) {
        auto [e, ok] = boost::edge(chain[i - 1], chain[i], m->actors);
        int64_t event = 0;
        if (ok) {
            // The earliest shared event inside the window links the two.
            const auto& pe = m->pairs[m->actors[e].index];
            for (uint32_t k = pe.begin; k < pe.end && !event; ++k)
                if (w.keeps(m->shared[k].type, m->shared[k].first, m->shared[k].last))
                    event = m->bip[m->shared[k].event].id;
        }
        out.push_back(PathStep{m->bip[m->actors[chain[i]].bip].id, event});
    }
    return out;
}

std::vector<CentralityScore> CorpusGraph::centrality(const EventFilter& f) const {
    const Window w(f);
    const auto kept = m->kept_pairs(w);
    boost::filtered_graph<ActorGraph, PairInWindow> view(m->actors,
                                                         PairInWindow{&m->actors, &kept});
    const auto n = boost::num_vertices(m->actors);
    std::vector<double> between(n, 0.0);
    boost::brandes_betweenness_centrality(
        view, boost::centrality_map(boost::make_iterator_property_map(
                  between.begin(), boost::get(boost::vertex_index, view))));
    std::vector<CentralityScore> out;
    std::size_t active = 0;
    for (auto v : boost::make_iterator_range(boost::vertices(view)))
        if (boost::out_degree(v, view) > 0) ++active;
    const double pairs = active > 2 ? double(active - 1) * double(active - 2) / 2.0 : 1.0;
    for (auto v : boost::make_iterator_range(boost::vertices(view))) {
        const auto deg = static_cast<uint32_t>(boost::out_degree(v, view));
        if (deg == 0) continue;
        out.push_back(CentralityScore{m->bip[m->actors[v].bip].id, deg, between[v] / pairs});
    }
    std::sort(out.begin(), out.end(), [](const CentralityScore& a, const CentralityScore& b) {
        if (a.betweenness != b.betweenness) return a.betweenness > b.betweenness;
        if (a.degree != b.degree) return a.degree > b.degree;
        return a.actor < b.actor;
    });
    return out;
}

}  // namespace parley
