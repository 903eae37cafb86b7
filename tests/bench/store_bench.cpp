// Corpus benchmarks: storing pre-extracted events, parsing JSON Lines, loading the graph and
// answering `met`. Sizes: PARLEY_BENCH_EVENTS (default 100000), PARLEY_BENCH_ACTORS (20000).
// PARLEY_BENCH_DB=path benchmarks graph load, the event cache and met on an existing corpus
// instead (e.g. one
// made with scripts/gen_corpus.py --events 1000000 and `parley ingest`).
#include <parley/graph.hpp>
#include <parley/json.hpp>
#include <parley/query.hpp>
#include <parley/store.hpp>

#include <benchmark/benchmark.h>

#include <unistd.h>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>

namespace {

namespace fs = std::filesystem;
using namespace parley;

std::size_t env_size(const char* name, std::size_t fallback) {
    const char* v = std::getenv(name);
    return v && *v ? static_cast<std::size_t>(std::strtoull(v, nullptr, 10)) : fallback;
}

std::size_t n_events() {
    return env_size("PARLEY_BENCH_EVENTS", 100000);
}
std::size_t n_actors() {
    return env_size("PARLEY_BENCH_ACTORS", 20000);
}

/// Documents of 10 events, 2-3 participants drawn with a skew (a few busy actors), one event in
/// ten a re-report of a recent one; dates over twenty years.
std::vector<DocumentRecord> synthetic(std::size_t events, std::size_t actors) {
    std::mt19937_64 rng(1);
    std::vector<double> w(actors);
    for (std::size_t i = 0; i < actors; ++i) w[i] = 1.0 / std::pow(double(i + 1), 0.6);
    std::discrete_distribution<std::size_t> pick(w.begin(), w.end());
    const EventType types[] = {EventType::meeting, EventType::visit, EventType::phone_call,
                               EventType::negotiation, EventType::statement};
    std::vector<Event> recent;
    std::vector<DocumentRecord> docs;
    const auto base = date::sys_days(date::year(2000) / 1 / 1);
    for (std::size_t n = 0; n < events; ++n) {
        if (n % 10 == 0) {
            docs.emplace_back();
            docs.back().source = "doc" + std::to_string(n / 10) + ".txt";
            docs.back().hash = "h" + std::to_string(n / 10);
        }
        Event e;
        if (!recent.empty() && rng() % 10 == 0) {
            e = recent[rng() % recent.size()];
        } else {
            e.type = types[rng() % 5];
            const std::size_t k = e.type == EventType::statement ? 1 : 2 + (rng() % 4 == 0);
            while (e.participants.size() < k) {
                const auto i = pick(rng);
                Participant p{"Person" + std::to_string(i) + " Surname" + std::to_string(i),
                              ActorKind::person, "USA", "Foreign Minister", Role::participant};
                bool dup = false;
                for (const auto& q : e.participants) dup = dup || q.name == p.name;
                if (!dup) e.participants.push_back(std::move(p));
            }
            const auto d = base + date::days(static_cast<int>(rng() % 7300));
            e.date = EventDate{d, d, Granularity::day, "Tuesday"};
            recent.push_back(e);
            if (recent.size() > 1000) recent.erase(recent.begin());
        }
        e.id = std::to_string(n);
        e.evidence = Evidence{docs.back().source,
                              "Two ministers held talks on Tuesday in the capital.", 0, 52};
        docs.back().events.push_back(std::move(e));
    }
    return docs;
}

fs::path bench_db() {
    if (const char* v = std::getenv("PARLEY_BENCH_DB"); v && *v) return v;
    static const fs::path p = [] {
        auto path =
            fs::temp_directory_path() / ("parley-bench-" + std::to_string(::getpid()) + ".db");
        for (const char* s : {"", "-wal", "-shm"}) fs::remove(path.string() + s);
        return path;
    }();
    return p;
}

/// 50k-event batches into a new store; with `bulk`, inside one Store::begin_bulk_load() (the
/// secondary indexes rebuilt once at the end), as `parley ingest` does for a first load.
void store_ingest(benchmark::State& state, bool bulk) {
    const auto docs = synthetic(n_events(), n_actors());
    std::size_t total = 0;
    for (auto _ : state) {
        state.PauseTiming();
        const auto path = bench_db();
        if (std::getenv("PARLEY_BENCH_DB")) {
            state.SkipWithError("PARLEY_BENCH_DB set: not overwriting it");
            return;
        }
        for (const char* s : {"", "-wal", "-shm"}) fs::remove(path.string() + s);
        state.ResumeTiming();
        Store store(path);
        if (bulk) store.begin_bulk_load(n_events());
        std::vector<DocumentRecord> batch;
        std::size_t in_batch = 0;
        for (const auto& d : docs) {
            batch.push_back(d);
            in_batch += d.events.size();
            if (in_batch >= 50000) {
                store.add_batch(batch);
                batch.clear();
                in_batch = 0;
            }
        }
        store.add_batch(batch);
        store.end_bulk_load();
        total += n_events();
    }
    state.SetItemsProcessed(static_cast<int64_t>(total));
    state.counters["events"] = double(n_events());
}
void BM_StoreIngest(benchmark::State& state) {
    store_ingest(state, false);
}
BENCHMARK(BM_StoreIngest)->Unit(benchmark::kMillisecond)->Iterations(1);
void BM_StoreBulkLoad(benchmark::State& state) {
    store_ingest(state, true);
}
BENCHMARK(BM_StoreBulkLoad)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_ParseJsonLines(benchmark::State& state) {
    auto docs = synthetic(20000, n_actors());
    std::vector<std::string> lines;
    for (const auto& d : docs)
        for (const auto& e : d.events) lines.push_back(to_json_line(e));
    for (auto _ : state)
        for (const auto& l : lines) benchmark::DoNotOptimize(event_from_json(l, "bench"));
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * lines.size()));
}
BENCHMARK(BM_ParseJsonLines)->Unit(benchmark::kMillisecond);

/// The .jsonl reader of `parley ingest`: nlohmann's SAX interface, no DOM.
void BM_ParseJsonLinesSax(benchmark::State& state) {
    auto docs = synthetic(20000, n_actors());
    std::vector<std::string> lines;
    for (const auto& d : docs)
        for (const auto& e : d.events) lines.push_back(to_json_line(e));
    const std::string source = "bench";
    for (auto _ : state)
        for (std::size_t i = 0; i < lines.size(); ++i)
            benchmark::DoNotOptimize(event_from_jsonl(lines[i], source, i + 1));
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * lines.size()));
}
BENCHMARK(BM_ParseJsonLinesSax)->Unit(benchmark::kMillisecond);

void BM_GraphLoad(benchmark::State& state) {
    if (!fs::exists(bench_db())) {
        state.SkipWithError("no corpus: run BM_StoreIngest first or set PARLEY_BENCH_DB");
        return;
    }
    Store store(bench_db(), Store::Mode::read_only);
    for (auto _ : state) {
        auto g = CorpusGraph::load(store);
        state.counters["actors"] = double(g.actor_count());
        state.counters["events"] = double(g.event_count());
        state.counters["pairs"] = double(g.relation_count());
    }
}
BENCHMARK(BM_GraphLoad)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_CacheEvents(benchmark::State& state) {
    if (!fs::exists(bench_db())) {
        state.SkipWithError("no corpus");
        return;
    }
    for (auto _ : state) {
        Store store(bench_db(), Store::Mode::read_only);
        store.cache_events();
    }
}
BENCHMARK(BM_CacheEvents)->Unit(benchmark::kMillisecond)->Iterations(1);

/// Arg 0: the busiest actor (actors() is sorted by event count); 1: a random one.
void BM_Met(benchmark::State& state) {
    if (!fs::exists(bench_db())) {
        state.SkipWithError("no corpus");
        return;
    }
    Corpus corpus(bench_db());
    corpus.preload();  // graph and event details loaded once, outside the timing
    const auto actors = corpus.store().actors();
    std::mt19937 rng(2);
    std::size_t encounters = 0;
    for (auto _ : state) {
        const auto& a = actors[state.range(0) == 0 ? 0 : rng() % actors.size()];
        encounters += corpus.met(a.id, std::nullopt, {}).size();
    }
    state.counters["encounters/query"] = double(encounters) / double(state.iterations());
}
BENCHMARK(BM_Met)->Unit(benchmark::kMillisecond)->Arg(0)->Iterations(20);
BENCHMARK(BM_Met)->Unit(benchmark::kMillisecond)->Arg(1)->Iterations(200);

/// `met` as a one-shot `parley met` runs it: no graph, no cache, an index lookup and a
/// query per 512 events.
void BM_MetOneShot(benchmark::State& state) {
    if (!fs::exists(bench_db())) {
        state.SkipWithError("no corpus");
        return;
    }
    Corpus corpus(bench_db());
    const auto actors = corpus.store().actors();
    std::mt19937 rng(2);
    std::size_t encounters = 0;
    for (auto _ : state) {
        const auto& a = actors[state.range(0) == 0 ? 0 : rng() % actors.size()];
        encounters += corpus.met(a.id, std::nullopt, {}).size();
    }
    state.counters["encounters/query"] = double(encounters) / double(state.iterations());
}
BENCHMARK(BM_MetOneShot)->Unit(benchmark::kMillisecond)->Arg(0)->Iterations(10);
BENCHMARK(BM_MetOneShot)->Unit(benchmark::kMillisecond)->Arg(1)->Iterations(200);

}  // namespace
