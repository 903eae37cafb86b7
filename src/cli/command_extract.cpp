// parley extract [--date D] FILE... : events as JSON Lines on stdout.
#include "cli/command.hpp"
#include "cli/inputs.hpp"

#include <parley/error.hpp>
#include <parley/json.hpp>

#include <iostream>

namespace parley::cli {
namespace {

struct ExtractArgs {
    std::vector<std::string> files;
    std::string date;
};

const Registration reg{
    10, [](CLI::App& app) {
        auto args = std::make_shared<ExtractArgs>();
        auto* cmd = app.add_subcommand("extract",
                                       "Extract events from articles (text or HTML) as JSON Lines");
        cmd->add_option("files", args->files, "Articles to read; - reads stdin")->required();
        cmd->add_option("--date", args->date,
                        "Publication date YYYY-MM-DD (overrides the article's)");
        cmd->callback([args] {
            IngestOptions opts;
            opts.date_override = parse_date_option(args->date, "--date");
            auto failures = for_each_event_batch(args->files, opts, [](std::vector<Event>& events) {
                for (const auto& e : events) std::cout << to_json_line(e) << '\n';
                std::cout.flush();
            });
            if (failures)
                throw Error(std::to_string(failures) + " of " + std::to_string(args->files.size()) +
                            " input(s) failed");
        });
    }};

}  // namespace
}  // namespace parley::cli
