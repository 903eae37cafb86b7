// parley path A B : the shortest chain of encounters linking two actors (BFS).
#include "cli/command.hpp"
#include "cli/db_options.hpp"

#include <parley/error.hpp>
#include <parley/query.hpp>

#include <nlohmann/json.hpp>

#include <iostream>

namespace parley::cli {
namespace {

struct PathArgs {
    DbOptions db;
    std::string from;
    std::string to;
};

const Registration reg{
    80, [](CLI::App& app) {
        auto a = std::make_shared<PathArgs>();
        auto* cmd = app.add_subcommand("path", "Shortest chain of encounters linking two actors");
        cmd->add_option("from", a->from, "First actor")->required();
        cmd->add_option("to", a->to, "Second actor")->required();
        add_db_option(cmd, a->db);
        add_filter_options(cmd, a->db);
        add_format_option(cmd, a->db);
        cmd->callback([a] {
            const EventFilter filter = make_filter(a->db);
            Corpus corpus(db_path(a->db));
            const StoredActor from = resolve_actor_arg(corpus, a->from);
            const StoredActor to = resolve_actor_arg(corpus, a->to);
            const auto links = corpus.path(from.id, to.id, filter);
            if (links.empty())
                throw Error("no chain of encounters links " + from.name + " and " + to.name);
            const Format fmt = format_of(a->db);
            std::vector<std::vector<std::string>> rows;
            for (std::size_t i = 1; i < links.size(); ++i) {
                const auto& prev = links[i - 1].actor;
                const auto& link = links[i];
                const Event* e = link.via ? &link.via->event : nullptr;
                if (fmt == Format::json) {
                    nlohmann::json j = {
                        {"step", i},
                        {"from", prev.name},
                        {"to", link.actor.name},
                        {"event", e ? nlohmann::json(e->id) : nlohmann::json(nullptr)},
                        {"type", e ? nlohmann::json(to_string(e->type)) : nlohmann::json(nullptr)},
                        {"date", e && e->date.first ? nlohmann::json(format_iso_day(*e->date.first))
                                                    : nlohmann::json(nullptr)},
                        {"sources", e ? nlohmann::json(e->sources) : nlohmann::json::array()}};
                    std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                              << '\n';
                    continue;
                }
                rows.push_back({std::to_string(i), prev.name, link.actor.name,
                                e ? to_string(e->type) : "", e ? day_or_empty(e->date.first) : "",
                                e ? join(e->sources, "; ") : ""});
            }
            if (fmt == Format::json) return;
            const std::vector<std::string> header = {"step", "from", "to",
                                                     "via",  "date", "sources"};
            print_rows(fmt, header, rows);
        });
    }};

}  // namespace
}  // namespace parley::cli
