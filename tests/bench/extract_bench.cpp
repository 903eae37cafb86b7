// Whole-pipeline throughput: bytes of article in, events JSON out (ingest, text, time,
// actors, events). Report MB/s; never asserted in tests.
#include <parley/extract.hpp>
#include <parley/ingest.hpp>
#include <parley/json.hpp>
#include <parley/knowledge.hpp>

#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace {

const parley::Knowledge& kb() {
    static const parley::Knowledge k(PARLEY_DATA_DIR);
    return k;
}

std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The dev articles and the seed, each as its own document (a real mix of news prose).
const std::vector<std::string>& articles() {
    static const std::vector<std::string> v = [] {
        std::vector<std::string> out;
        for (const auto& e :
             std::filesystem::directory_iterator(std::filesystem::path(PARLEY_TEST_DATA) / "dev"))
            if (e.path().extension() == ".txt") out.push_back(read_file(e.path()));
        return out;
    }();
    return v;
}

void BM_ExtractArticles(benchmark::State& state) {
    const auto& k = kb();
    parley::IngestOptions opts;
    opts.date_override = parley::parse_iso_day("2000-01-01");
    std::size_t bytes = 0, events = 0;
    for (auto _ : state) {
        for (const auto& a : articles()) {
            auto x = parley::extract(parley::parse_document(a, "bench.txt", k, opts), k);
            for (const auto& e : x.events) benchmark::DoNotOptimize(parley::to_json_line(e));
            events += x.events.size();
            bytes += a.size();
        }
    }
    state.SetBytesProcessed(static_cast<int64_t>(bytes));
    state.counters["events"] =
        benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ExtractArticles)->Unit(benchmark::kMillisecond);

// One long article: the dev texts joined, to show the cost does not grow faster than the input.
void BM_ExtractLongArticle(benchmark::State& state) {
    const auto& k = kb();
    std::string text;
    while (text.size() < static_cast<std::size_t>(state.range(0)))
        for (const auto& a : articles()) text += a + "\n\n";
    parley::IngestOptions opts;
    opts.date_override = parley::parse_iso_day("2000-01-01");
    for (auto _ : state) {
        auto x = parley::extract(parley::parse_document(text, "bench.txt", k, opts), k);
        benchmark::DoNotOptimize(x);
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                            static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_ExtractLongArticle)->Arg(64 << 10)->Arg(1 << 20)->Unit(benchmark::kMillisecond);

}  // namespace
