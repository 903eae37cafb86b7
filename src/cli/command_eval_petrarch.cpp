// `parley eval-petrarch FILE [--verbose]`: codes the PETRARCH2 unit-test records expecting a CAMEO
// 01-05 event (with PETR.Validate.actors.txt from FILE's folder) and reports how many get the
// root code and the source/target actor codes right (docs/evaluation.md). Exits 0 whatever the
// figures: it is a measurement.
#include "cli/command.hpp"
#include "eval/petrarch_eval.hpp"

#include <iostream>
#include <memory>

namespace parley::cli {

namespace {

struct EvalPetrarchOptions {
    std::string file;
    bool verbose = false;
};

const Registration reg{
    62, [](CLI::App& app) {
        auto opts = std::make_shared<EvalPetrarchOptions>();
        auto* cmd =
            app.add_subcommand("eval-petrarch",
                               "Score CAMEO root codes and actor codes on the PETRARCH2 unit-test "
                               "records coded 01-05 (docs/evaluation.md)");
        cmd->add_option("file", opts->file,
                        "PETR.UnitTest.records.xml, with PETR.Validate.actors.txt beside it")
            ->required();
        cmd->add_flag("--verbose", opts->verbose,
                      "List every record not right on both root and actors, with our events");
        cmd->callback([opts] {
            std::vector<PetrarchRecord> records;
            const auto report = evaluate_petrarch_file(opts->file, globals().kb(), records);
            std::cout << format_petrarch_report(report, opts->verbose);
        });
    }};

}  // namespace

}  // namespace parley::cli
