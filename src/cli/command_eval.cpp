// `parley eval --gold DIR [--json] [--verbose]`: extracts the events of every NAME.txt that has a
// NAME.gold.json beside it and scores them (docs/event-schema.md). Exits 0 whatever the scores:
// it is a measurement.
#include "cli/command.hpp"

#include <parley/error.hpp>
#include <parley/eval.hpp>
#include <parley/extract.hpp>
#include <parley/ingest.hpp>
#include <parley/knowledge.hpp>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>

namespace parley::cli {

namespace {

struct EvalOptions {
    std::string gold_dir;
    bool json = false;
    bool verbose = false;
};

void run_eval(const EvalOptions& opts) {
    namespace fs = std::filesystem;
    const fs::path dir(opts.gold_dir);
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) throw Error(opts.gold_dir + ": not a directory");

    constexpr std::string_view kSuffix = ".gold.json";
    std::vector<fs::path> golds;
    for (const auto& entry : fs::directory_iterator(dir)) {
        const auto name = entry.path().filename().string();
        if (entry.is_regular_file() && name.size() > kSuffix.size() && name.ends_with(kSuffix))
            golds.push_back(entry.path());
    }
    std::sort(golds.begin(), golds.end());  // stable output order

    const Knowledge& kb = globals().kb();
    const auto& names = kb.get<NameMatcher>();
    Scorer scorer(names);
    for (const auto& gold_path : golds) {
        const auto file = gold_path.filename().string();
        const auto text_path = dir / (file.substr(0, file.size() - kSuffix.size()) + ".txt");
        if (!fs::exists(text_path, ec)) {
            std::cerr << "parley eval: " << gold_path.string() << ": no "
                      << text_path.filename().string() << " beside it; skipped\n";
            continue;
        }
        GoldDocument gold = load_gold(gold_path);
        IngestOptions ingest;
        ingest.date_override = gold.publication;  // relative dates resolve as the annotator did
        Extraction ex = extract(load_document(text_path, kb, ingest), kb);
        gold.document = text_path.filename().string();
        const auto& d = scorer.add(std::move(ex.events), std::move(gold));
        if (opts.verbose) std::cerr << format_document_errors(d);
    }
    if (scorer.documents().empty())
        throw Error(opts.gold_dir + ": no NAME.gold.json with NAME.txt beside it");

    std::cout << (opts.json ? format_report_json(scorer.report())
                            : format_report_table(scorer.report()));
}

const Registration reg{
    60, [](CLI::App& app) {
        auto opts = std::make_shared<EvalOptions>();
        auto* cmd = app.add_subcommand(
            "eval",
            "Score the extractor against gold files: precision, recall and F1, strict and "
            "lenient, by type; and date accuracy (docs/event-schema.md)");
        cmd->add_option("--gold", opts->gold_dir,
                        "Directory of NAME.gold.json files, each with NAME.txt beside it")
            ->required();
        cmd->add_flag("--json", opts->json, "Print the scores as one JSON object");
        cmd->add_flag(
            "--verbose", opts->verbose,
            "List each document's false positives, false negatives and wrong dates on stderr");
        cmd->callback([opts] { run_eval(*opts); });
    }};

}  // namespace

}  // namespace parley::cli
