// parley eval-time DIR... : TempEval-3 style scores of the time stage on TimeML files.
#include "cli/command.hpp"
#include "eval/tempeval.hpp"

#include <parley/error.hpp>

#include <iostream>
#include <memory>

namespace parley::cli {
namespace {

struct EvalTimeArgs {
    std::vector<std::string> inputs;
    bool errors = false;
};

const Registration reg{
    31, [](CLI::App& app) {
        auto args = std::make_shared<EvalTimeArgs>();
        auto* cmd = app.add_subcommand(
            "eval-time", "Score the time stage on TimeML (.tml) files, as TempEval-3 did");
        cmd->add_option("inputs", args->inputs, "Directories of .tml files (or .tml files)")
            ->required();
        cmd->add_flag("--errors", args->errors,
                      "Also list every gold timex missed or wrongly valued");
        cmd->callback([args] {
            std::vector<std::filesystem::path> in(args->inputs.begin(), args->inputs.end());
            const auto report = evaluate_tempeval(in, globals().kb());
            std::cout << format_tempeval_table(report);
            if (args->errors)
                for (const auto& e : report.errors) std::cout << e << '\n';
        });
    }};

}  // namespace
}  // namespace parley::cli
