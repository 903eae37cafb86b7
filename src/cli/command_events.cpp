// parley events [--actor A] : the corpus's events, chronologically.
#include "cli/command.hpp"
#include "cli/db_options.hpp"

#include <parley/json.hpp>
#include <parley/query.hpp>

#include <iostream>

namespace parley::cli {
namespace {

struct EventsArgs {
    DbOptions db;
    std::vector<std::string> actors;
};

std::string participants_cell(const Event& e) {
    std::vector<std::string> names;
    for (const auto& p : e.participants) names.push_back(p.name);
    return join(names, "; ");
}

const Registration reg{
    75, [](CLI::App& app) {
        auto a = std::make_shared<EventsArgs>();
        auto* cmd = app.add_subcommand("events", "List the corpus's events chronologically");
        cmd->add_option("--actor", a->actors,
                        "Only events with this actor (repeatable: any of them)");
        add_db_option(cmd, a->db);
        add_filter_options(cmd, a->db);
        add_format_option(cmd, a->db);
        cmd->callback([a] {
            EventFilter filter = make_filter(a->db);
            Corpus corpus(db_path(a->db));
            for (const auto& name : a->actors)
                filter.actors.push_back(resolve_actor_arg(corpus, name).id);
            const auto events = corpus.events(filter);
            const Format fmt = format_of(a->db);
            if (fmt == Format::json) {
                for (const auto& se : events) std::cout << to_json_line(se.event) << '\n';
                return;
            }
            std::vector<std::vector<std::string>> rows;
            for (const auto& se : events) {
                const Event& e = se.event;
                rows.push_back({e.id, day_or_empty(e.date.first), day_or_empty(e.date.last),
                                to_string(e.type), to_string(e.status), participants_cell(e),
                                e.location, join(e.sources, "; ")});
            }
            const std::vector<std::string> header = {
                "id", "first", "last", "type", "status", "participants", "location", "sources"};
            print_rows(fmt, header, rows);
        });
    }};

}  // namespace
}  // namespace parley::cli
