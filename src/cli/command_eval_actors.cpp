// `parley eval-actors --gold DIR [--verbose]`: the share of gold actors (every actor of every
// gold event) that the actor stage recognises under the right canonical name. A measurement:
// exits 0 whatever the share.
#include "cli/command.hpp"
#include "eval/actor_eval.hpp"

#include <iostream>
#include <memory>

namespace parley::cli {

namespace {

struct EvalActorsOptions {
    std::string gold_dir;
    bool verbose = false;
};

const Registration reg{
    61, [](CLI::App& app) {
        auto opts = std::make_shared<EvalActorsOptions>();
        auto* cmd = app.add_subcommand(
            "eval-actors",
            "Share of the gold actors recognised with the right canonical name, per "
            "document and overall (docs/evaluation.md)");
        cmd->add_option("--gold", opts->gold_dir,
                        "Directory of NAME.gold.json files, each with NAME.txt beside it")
            ->required();
        cmd->add_flag("--verbose", opts->verbose,
                      "List each missed gold actor with its evidence, and the actors found");
        cmd->callback([opts] {
            const auto report = evaluate_actors(opts->gold_dir, globals().kb());
            std::cout << format_actor_report(report, opts->verbose);
        });
    }};

}  // namespace

}  // namespace parley::cli
