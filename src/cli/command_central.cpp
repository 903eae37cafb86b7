// parley central : actors ranked by betweenness (Brandes) and degree over encounters.
#include "cli/command.hpp"
#include "cli/db_options.hpp"

#include <parley/query.hpp>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>

namespace parley::cli {
namespace {

struct CentralArgs {
    DbOptions db;
    std::size_t top = 20;
};

const Registration reg{
    85, [](CLI::App& app) {
        auto a = std::make_shared<CentralArgs>();
        auto* cmd =
            app.add_subcommand("central", "Actors ranked by betweenness and degree centrality");
        cmd->add_option("--top", a->top, "How many actors to list (0: all)")->default_val(20);
        add_db_option(cmd, a->db);
        add_filter_options(cmd, a->db);
        add_format_option(cmd, a->db);
        cmd->callback([a] {
            const EventFilter filter = make_filter(a->db);
            Corpus corpus(db_path(a->db));
            const auto ranked = corpus.central(filter, a->top);
            const Format fmt = format_of(a->db);
            std::vector<std::vector<std::string>> rows;
            std::size_t rank = 0;
            for (const auto& c : ranked) {
                ++rank;
                if (fmt == Format::json) {
                    nlohmann::json j = {
                        {"rank", rank},
                        {"name", c.actor.name},
                        {"kind", to_string(c.actor.kind)},
                        {"country", c.actor.country.empty() ? nlohmann::json(nullptr)
                                                            : nlohmann::json(c.actor.country)},
                        {"degree", c.degree},
                        {"betweenness", c.betweenness}};
                    std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                              << '\n';
                    continue;
                }
                char b[32];
                std::snprintf(b, sizeof b, "%.4f", c.betweenness);
                rows.push_back({std::to_string(rank), c.actor.name, c.actor.country,
                                std::to_string(c.degree), b});
            }
            if (fmt == Format::json) return;
            const std::vector<std::string> header = {"rank", "actor", "country", "degree",
                                                     "betweenness"};
            print_rows(fmt, header, rows);
        });
    }};

}  // namespace
}  // namespace parley::cli
