// Subcommands register themselves: each src/cli/command_<verb>.cpp defines a static
// Registration, so adding a command touches no other file.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <vector>

namespace parley {
class Knowledge;
}

namespace parley::cli {

/// Options every command shares.
struct Globals {
    std::string data_dir;                  ///< --data
    std::vector<std::string> actor_dicts;  ///< --actors
    std::vector<std::string> verb_dicts;   ///< --verbs
    /// The knowledge base, built on first use from --data / PARLEY_DATA.
    const Knowledge& kb();
};
Globals& globals();

/// A command adds its subcommand to the app; its callback runs the command and may throw
/// parley::Error (printed as "parley: message", exit 1).
using Setup = std::function<void(CLI::App& app)>;

struct Registration {
    Registration(int order, Setup setup);
};

}  // namespace parley::cli
