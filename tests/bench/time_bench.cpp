// Speed of the time stage alone over news text (the TempEval-3 platinum TEXTs, concatenated).
#include "eval/tempeval.hpp"

#include <parley/knowledge.hpp>
#include <parley/text.hpp>
#include <parley/time.hpp>
#include "time/time_table.hpp"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace {

const std::string& news_text() {
    static const std::string text = [] {
        std::string t;
        const std::filesystem::path dir = std::filesystem::path(PARLEY_TEST_DATA) / "tempeval3";
        std::vector<std::filesystem::path> files;
        for (const auto& e : std::filesystem::directory_iterator(dir))
            if (e.path().extension() == ".tml") files.push_back(e.path());
        std::sort(files.begin(), files.end());
        for (const auto& f : files) t += parley::load_tml(f).text + "\n\n";
        return t;
    }();
    return text;
}

void BM_FindTimes(benchmark::State& state) {
    static const parley::Knowledge kb(PARLEY_DATA_DIR);
    parley::TimeOptions opts;
    opts.publication = parley::parse_iso_day("2013-03-22");
    const std::string& text = news_text();
    kb.get<parley::detail::TimeTable>();  // built once, outside the timing
    std::size_t found = 0;
    for (auto _ : state) {
        auto spans = parley::find_times(text, {}, kb, opts);
        found += spans.size();
        benchmark::DoNotOptimize(spans.data());
    }
    state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(text.size()));
    state.counters["expressions"] = benchmark::Counter(double(found) / double(state.iterations()));
}
BENCHMARK(BM_FindTimes)->Unit(benchmark::kMillisecond);

/// The time stage on each TempEval-3 text on its own, with its sentences (per-document costs).
void BM_FindTimesArticles(benchmark::State& state) {
    static const parley::Knowledge kb(PARLEY_DATA_DIR);
    static const std::vector<parley::Document> docs = [] {
        std::vector<parley::Document> out;
        const std::filesystem::path dir = std::filesystem::path(PARLEY_TEST_DATA) / "tempeval3";
        std::vector<std::filesystem::path> files;
        for (const auto& e : std::filesystem::directory_iterator(dir))
            if (e.path().extension() == ".tml") files.push_back(e.path());
        std::sort(files.begin(), files.end());
        for (const auto& f : files) {
            parley::Document d;
            d.text = parley::load_tml(f).text;
            d.sentences = parley::split_sentences(d.text, kb);
            out.push_back(std::move(d));
        }
        return out;
    }();
    parley::TimeOptions opts;
    opts.publication = parley::parse_iso_day("2013-03-22");
    kb.get<parley::detail::TimeTable>();
    std::size_t bytes = 0;
    for (auto _ : state) {
        for (const auto& d : docs) {
            auto spans = parley::find_times(d.text, d.sentences, kb, opts);
            benchmark::DoNotOptimize(spans.data());
            bytes += d.text.size();
        }
    }
    state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_FindTimesArticles)->Unit(benchmark::kMillisecond);

}  // namespace
