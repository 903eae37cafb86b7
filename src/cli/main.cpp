#include "cli/command.hpp"

#include <parley/error.hpp>
#include <parley/knowledge.hpp>

#include <iostream>
#include <map>
#include <memory>

namespace parley::cli {

namespace {
std::multimap<int, Setup>& registry() {
    static std::multimap<int, Setup> r;
    return r;
}
std::unique_ptr<Knowledge> g_kb;
}  // namespace

Registration::Registration(int order, Setup setup) {
    registry().emplace(order, std::move(setup));
}

Globals& globals() {
    static Globals g;
    return g;
}

const Knowledge& Globals::kb() {
    if (!g_kb) {
        g_kb = std::make_unique<Knowledge>(data_dir.empty() ? Knowledge::default_dir()
                                                            : std::filesystem::path(data_dir));
        for (const auto& a : actor_dicts) g_kb->actor_dictionaries.emplace_back(a);
        for (const auto& v : verb_dicts) g_kb->verb_dictionaries.emplace_back(v);
    }
    return *g_kb;
}

}  // namespace parley::cli

int main(int argc, char** argv) {
    using namespace parley::cli;
    CLI::App app{"Parley: diplomatic events from news articles -- who met whom, and when."};
    app.set_version_flag("--version", std::string("parley ") + PARLEY_VERSION);
    app.require_subcommand(1);
    app.add_option("--data", globals().data_dir,
                   "Data directory (default: $PARLEY_DATA or the installed data/)");
    app.add_option("--actors", globals().actor_dicts,
                   "Extra actor dictionary (PETRARCH format); repeatable");
    app.add_option("--verbs", globals().verb_dicts,
                   "Extra verb dictionary (PETRARCH format); repeatable");
    for (auto& [order, setup] : registry()) setup(app);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    } catch (const parley::Error& e) {
        std::cerr << "parley: " << e.what() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "parley: internal error: " << e.what() << "\n";
        return 2;
    }
    return 0;
}
