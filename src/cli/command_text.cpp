// parley text FILE... : what ingest saw -- title, publication date, cleaned body and sentences.
#include "cli/command.hpp"
#include "cli/inputs.hpp"

#include <parley/error.hpp>
#include <parley/ingest.hpp>
#include <parley/knowledge.hpp>

#include <nlohmann/json.hpp>

#include <iostream>

namespace parley::cli {
namespace {

struct TextArgs {
    std::vector<std::string> files;
    std::string date;
};

const Registration reg{
    15, [](CLI::App& app) {
        auto args = std::make_shared<TextArgs>();
        auto* cmd = app.add_subcommand(
            "text",
            "Show what the extractor reads: title, date and sentences (with byte offsets) as JSON");
        cmd->add_option("files", args->files, "Articles to read; - reads stdin")->required();
        cmd->add_option("--date", args->date,
                        "Publication date YYYY-MM-DD (overrides the article's)");
        cmd->callback([args] {
            IngestOptions opts;
            opts.date_override = parse_date_option(args->date, "--date");
            std::size_t failures = 0;
            for (const auto& f : args->files) {
                try {
                    const auto doc = lead_with_title(load_document(f, globals().kb(), opts));
                    nlohmann::json sentences = nlohmann::json::array();
                    for (const auto& s : doc.sentences)
                        sentences.push_back({{"begin", s.begin},
                                             {"end", s.end},
                                             {"paragraph", s.paragraph},
                                             {"text", doc.sentence_text(s)}});
                    nlohmann::json j = {
                        {"source", doc.source},
                        {"id", doc.id},
                        {"title", doc.title},
                        {"publication", doc.publication
                                            ? nlohmann::json(format_iso_day(*doc.publication))
                                            : nlohmann::json(nullptr)},
                        {"publication_text", doc.publication_text},
                        {"publication_origin", to_string(doc.publication_origin)},
                        {"sentences", sentences}};
                    std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                              << '\n';
                } catch (const Error& e) {
                    std::cerr << "parley: " << e.what() << "\n";
                    ++failures;
                }
            }
            if (failures) throw Error(std::to_string(failures) + " input(s) failed");
        });
    }};

}  // namespace
}  // namespace parley::cli
