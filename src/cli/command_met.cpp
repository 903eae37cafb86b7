// parley met A [--with B] : who A met (meetings, visits, calls, negotiations), when and where.
#include "cli/command.hpp"
#include "cli/db_options.hpp"

#include <parley/query.hpp>

#include <nlohmann/json.hpp>

#include <iostream>

namespace parley::cli {
namespace {

struct MetArgs {
    DbOptions db;
    std::string actor;
    std::string with;
};

std::string date_cell(const EventDate& d) {
    if (!d.first) return "undated";
    if (!d.last || *d.last == *d.first) return format_iso_day(*d.first);
    return format_iso_day(*d.first) + ".." + format_iso_day(*d.last);
}

nlohmann::json null_or(const std::string& s) {
    return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s);
}

const Registration reg{
    70, [](CLI::App& app) {
        auto a = std::make_shared<MetArgs>();
        auto* cmd = app.add_subcommand(
            "met", "Who an actor met, when, where, and the sources (from the corpus)");
        cmd->add_option("actor", a->actor, "Actor: name, alias or surname (case-insensitive)")
            ->required();
        cmd->add_option("--with", a->with, "Only the encounters with this actor");
        add_db_option(cmd, a->db);
        add_filter_options(cmd, a->db);
        add_format_option(cmd, a->db);
        cmd->callback([a] {
            const EventFilter filter = make_filter(a->db);
            Corpus corpus(db_path(a->db));
            const StoredActor who = resolve_actor_arg(corpus, a->actor);
            std::optional<int64_t> with;
            if (!a->with.empty()) with = resolve_actor_arg(corpus, a->with).id;
            const auto encounters = corpus.met(who.id, with, filter);
            const Format fmt = format_of(a->db);
            if (fmt == Format::json) {
                for (const auto& enc : encounters) {
                    const Event& e = enc.event.event;
                    nlohmann::json j = {{"date",
                                         {{"first", null_or(day_or_empty(e.date.first))},
                                          {"last", null_or(day_or_empty(e.date.last))}}},
                                        {"type", to_string(e.type)},
                                        {"status", to_string(e.status)},
                                        {"with", enc.with},
                                        {"location", null_or(e.location)},
                                        {"sources", e.sources},
                                        {"event", e.id}};
                    std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                              << '\n';
                }
                return;
            }
            std::vector<std::vector<std::string>> rows;
            for (const auto& enc : encounters) {
                const Event& e = enc.event.event;
                rows.push_back({date_cell(e.date), to_string(e.type), to_string(e.status),
                                join(enc.with, "; "), e.location, join(e.sources, "; ")});
            }
            const std::vector<std::string> header = {"date", "type",     "status",
                                                     "with", "location", "sources"};
            if (fmt == Format::csv)
                print_csv(std::cout, header, rows);
            else {
                std::cout << who.name << ": " << rows.size() << " encounter(s)\n";
                print_table(std::cout, header, rows);
            }
        });
    }};

}  // namespace
}  // namespace parley::cli
