// parley dates [--date D] FILE... : every time expression, one JSON object per line.
#include "cli/command.hpp"
#include "cli/inputs.hpp"

#include <parley/error.hpp>
#include <parley/ingest.hpp>
#include <parley/knowledge.hpp>
#include <parley/time.hpp>

#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>

namespace parley::cli {
namespace {

struct DatesArgs {
    std::vector<std::string> files;
    std::string date;
};

nlohmann::json day_or_null(const std::optional<date::sys_days>& d) {
    return d ? nlohmann::json(format_iso_day(*d)) : nlohmann::json(nullptr);
}

const Registration reg{
    30, [](CLI::App& app) {
        auto args = std::make_shared<DatesArgs>();
        auto* cmd =
            app.add_subcommand("dates", "Print the time expressions of articles as JSON Lines");
        cmd->add_option("files", args->files, "Articles to read; - reads stdin")->required();
        cmd->add_option(
            "--date", args->date,
            "Publication date YYYY-MM-DD, the anchor of relative dates (overrides the article's)");
        cmd->callback([args] {
            IngestOptions opts;
            opts.date_override = parse_date_option(args->date, "--date");
            const Knowledge& kb = globals().kb();
            for (const auto& file : args->files) {
                // The text the extractor reads (title first), so offsets agree with `parley
                // extract`.
                const Document doc = lead_with_title(load_document(file, kb, opts));
                Diagnostics diags;
                for (const auto& t : find_times(doc, kb, &diags)) {
                    nlohmann::json j;
                    j["text"] = t.expression;
                    j["begin"] = t.span.begin;
                    j["end"] = t.span.end;
                    j["type"] = to_string(t.type);
                    j["first"] = day_or_null(t.first);
                    j["last"] = day_or_null(t.last);
                    j["granularity"] = to_string(t.granularity);
                    j["timex"] = t.timex;
                    if (args->files.size() > 1) j["document"] = file;
                    std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                              << '\n';
                }
                for (const auto& d : diags)
                    std::cerr << file << ":" << d.begin << ": warning[" << d.code
                              << "]: " << d.message << '\n';
            }
        });
    }};

}  // namespace
}  // namespace parley::cli
