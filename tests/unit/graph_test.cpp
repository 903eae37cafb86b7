// The corpus graph: relations in a window, BFS paths and Brandes centrality.
#include <parley/graph.hpp>

#include <gtest/gtest.h>

namespace {

using namespace parley;

date::sys_days day(int y, unsigned m, unsigned d) {
    return date::sys_days(date::year(y) / date::month(m) / date::day(d));
}

// Actors: 1 Bush, 2 Olmert, 3 Abbas, 4 Rice, 5 Mubarak, 6 Peres (no encounters).
std::vector<EventActorRow> rows() {
    std::vector<EventActorRow> r;
    auto add = [&](int64_t ev, EventType t, std::optional<date::sys_days> d,
                   std::vector<int64_t> actors) {
        for (auto a : actors) r.push_back(EventActorRow{ev, a, t, d, d});
    };
    add(10, EventType::meeting, day(2007, 11, 26), {1, 2});
    add(11, EventType::meeting, day(2007, 11, 26), {1, 3});
    add(12, EventType::meeting, day(2008, 1, 8), {2, 3});
    add(13, EventType::phone_call, day(2008, 1, 20), {4, 5});
    add(14, EventType::meeting, day(2008, 5, 14), {1, 2, 4});  // three participants: one vertex
    add(15, EventType::statement, day(2008, 5, 15), {6});
    add(16, EventType::meeting, std::nullopt, {5, 3});
    return r;
}

TEST(CorpusGraph, CountsVerticesAndPairs) {
    auto g = CorpusGraph::build(rows());
    EXPECT_EQ(g.actor_count(), 6u);
    EXPECT_EQ(g.event_count(), 7u);
    // Pairs: 1-2, 1-3, 2-3, 4-5, 1-4, 2-4, 3-5.
    EXPECT_EQ(g.relation_count(), 7u);
}

TEST(CorpusGraph, RelationsInAWindow) {
    auto g = CorpusGraph::build(rows());
    auto all = g.relations({});
    ASSERT_FALSE(all.empty());
    EXPECT_EQ(all[0].a, 1);  // Bush and Olmert met twice
    EXPECT_EQ(all[0].b, 2);
    EXPECT_EQ(all[0].events, 2u);
    EXPECT_EQ(all[0].by_type[static_cast<std::size_t>(EventType::meeting)], 2u);
    EXPECT_EQ(all[0].first, day(2007, 11, 26));
    EXPECT_EQ(all[0].last, day(2008, 5, 14));
    EventFilter w;
    w.from = day(2008, 1, 1);
    w.to = day(2008, 3, 31);
    auto q1 = g.relations(w);
    ASSERT_EQ(q1.size(), 2u);  // 2-3 and 4-5; the undated 3-5 is outside any window
    EventFilter calls;
    calls.types = {EventType::phone_call};
    ASSERT_EQ(g.relations(calls).size(), 1u);
}

TEST(CorpusGraph, EventsOfAnActor) {
    auto g = CorpusGraph::build(rows());
    EXPECT_EQ(g.events_of(1, {}), (std::vector<int64_t>{10, 11, 14}));
    EventFilter with;
    with.actors = {4};
    EXPECT_EQ(g.events_of(1, with), (std::vector<int64_t>{14}));
    EXPECT_EQ(g.events_of(3, {}), (std::vector<int64_t>{11, 12, 16}));  // undated last
    EXPECT_TRUE(g.events_of(99, {}).empty());
}

TEST(CorpusGraph, ShortestPathRespectsTheWindow) {
    auto g = CorpusGraph::build(rows());
    auto p = g.path(5, 2, {});  // Mubarak - Rice - Olmert (via the May meeting) or via Abbas
    ASSERT_EQ(p.size(), 3u);
    EXPECT_EQ(p.front().actor, 5);
    EXPECT_EQ(p.back().actor, 2);
    EventFilter early;
    early.to = day(2008, 2, 1);
    auto q = g.path(4, 1, early);  // Rice met nobody but Mubarak before February
    EXPECT_TRUE(q.empty());
    auto r = g.path(3, 2, early);
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(r[1].event, 12);
    EXPECT_TRUE(g.path(6, 1, {}).empty());
}

TEST(CorpusGraph, BetweennessRanksTheBroker) {
    // A star: 1 met 2, 3 and 4, who never met each other.
    std::vector<EventActorRow> r;
    for (int64_t i = 2; i <= 4; ++i) {
        r.push_back({100 + i, 1, EventType::meeting, day(2008, 1, 1), day(2008, 1, 1)});
        r.push_back({100 + i, i, EventType::meeting, day(2008, 1, 1), day(2008, 1, 1)});
    }
    auto g = CorpusGraph::build(r);
    auto c = g.centrality({});
    ASSERT_EQ(c.size(), 4u);
    EXPECT_EQ(c[0].actor, 1);
    EXPECT_EQ(c[0].degree, 3u);
    EXPECT_DOUBLE_EQ(c[0].betweenness, 1.0);  // on every shortest path between the others
    EXPECT_DOUBLE_EQ(c[1].betweenness, 0.0);
}

}  // namespace
