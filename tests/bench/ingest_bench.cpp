// Ingest throughput: parse_document on plain text and HTML, and split_sentences alone.
#include <parley/ingest.hpp>
#include <parley/knowledge.hpp>
#include <parley/text.hpp>

#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace {

const parley::Knowledge& bench_kb() {
    static const parley::Knowledge kb(PARLEY_DATA_DIR);
    return kb;
}

std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// About 1 MB of plain-text news: the seed article (boilerplate included) repeated after one
/// title and date line, as a long article would be.
const std::string& text_corpus() {
    static const std::string text = [] {
        const std::string seed = read_file(std::filesystem::path(PARLEY_TEST_DATA) / "seed" /
                                           "ivanov-arrives-for-talks.txt");
        std::string out;
        while (out.size() < (1u << 20)) out += seed + "\n\n";
        return out;
    }();
    return text;
}

const std::string& html_page() {
    static const std::string html = read_file(std::filesystem::path(PARLEY_TEST_DATA) / "html" /
                                              "readability" / "seattletimes-1" / "source.html");
    return html;
}

void BM_ParseDocumentText(benchmark::State& state) {
    const auto& kb = bench_kb();
    const auto& text = text_corpus();
    for (auto _ : state) {
        auto doc = parley::parse_document(text, "bench.txt", kb);
        benchmark::DoNotOptimize(doc);
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_ParseDocumentText)->Unit(benchmark::kMillisecond);

/// The dev articles (2-8 KB of news each), parsed one at a time: per-document costs show here.
void BM_ParseArticles(benchmark::State& state) {
    const auto& kb = bench_kb();
    static const std::vector<std::string> articles = [] {
        std::vector<std::string> out;
        for (const auto& e :
             std::filesystem::directory_iterator(std::filesystem::path(PARLEY_TEST_DATA) / "dev"))
            if (e.path().extension() == ".txt") out.push_back(read_file(e.path()));
        return out;
    }();
    std::size_t bytes = 0;
    for (auto _ : state) {
        for (const auto& a : articles) {
            auto doc = parley::parse_document(a, "bench.txt", kb);
            benchmark::DoNotOptimize(doc);
            bytes += a.size();
        }
    }
    state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_ParseArticles)->Unit(benchmark::kMillisecond);

void BM_ParseDocumentHtml(benchmark::State& state) {
    const auto& kb = bench_kb();
    const auto& html = html_page();
    for (auto _ : state) {
        auto doc = parley::parse_document(html, "bench.html", kb);
        benchmark::DoNotOptimize(doc);
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * html.size()));
}
BENCHMARK(BM_ParseDocumentHtml)->Unit(benchmark::kMillisecond);

void BM_SplitSentences(benchmark::State& state) {
    const auto& kb = bench_kb();
    const auto doc = parley::parse_document(text_corpus(), "bench.txt", kb);
    for (auto _ : state) {
        auto s = parley::split_sentences(doc.text, kb);
        benchmark::DoNotOptimize(s);
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * doc.text.size()));
}
BENCHMARK(BM_SplitSentences)->Unit(benchmark::kMillisecond);

void BM_Fold(benchmark::State& state) {
    const auto doc = parley::parse_document(text_corpus(), "bench.txt", bench_kb());
    for (auto _ : state) {
        for (const auto& p : doc.paragraphs) {
            auto f = parley::fold(doc.slice(p.begin, p.end));
            benchmark::DoNotOptimize(f);
        }
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * doc.text.size()));
}
BENCHMARK(BM_Fold)->Unit(benchmark::kMillisecond);

}  // namespace
