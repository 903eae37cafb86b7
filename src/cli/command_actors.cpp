// parley actors [--date D] FILE... : the actors found, one JSON object per line.
#include "cli/command.hpp"
#include "cli/inputs.hpp"

#include <parley/error.hpp>
#include <parley/extract.hpp>
#include <parley/knowledge.hpp>

#include <nlohmann/json.hpp>

#include <iostream>
#include <map>
#include <set>

namespace parley::cli {
namespace {

struct ActorsArgs {
    std::vector<std::string> files;
    std::string date;
};

struct Merged {
    Actor actor;
    std::set<std::string> documents;
    std::set<std::string> aliases;
    std::vector<std::string> titles;
};

const Registration reg{20, [](CLI::App& app) {
    auto args = std::make_shared<ActorsArgs>();
    auto* cmd = app.add_subcommand("actors", "List the people, countries and organisations in articles");
    cmd->add_option("files", args->files, "Articles to read; - reads stdin")->required();
    cmd->add_option("--date", args->date, "Publication date YYYY-MM-DD (overrides the article's)");
    cmd->callback([args] {
        IngestOptions opts;
        opts.date_override = parse_date_option(args->date, "--date");
        const Knowledge& kb = globals().kb();
        // One actor per kind and canonical name across the inputs, in order of first appearance.
        std::vector<Merged> merged;
        std::map<std::string, std::size_t> index;
        std::size_t failures = 0;
        for (const auto& f : args->files) {
            try {
                auto x = extract(load_document(f, kb, opts), kb);
                for (const auto& a : x.actors.actors) {
                    const std::string key = std::string(to_string(a.kind)) + "\t" + a.name;
                    auto [it, fresh] = index.emplace(key, merged.size());
                    if (fresh) merged.push_back(Merged{a, {}, {}, {}});
                    auto& m = merged[it->second];
                    if (!fresh) m.actor.mentions += a.mentions;
                    if (m.actor.country.empty()) m.actor.country = a.country;
                    m.documents.insert(x.document.source);
                    m.aliases.insert(a.aliases.begin(), a.aliases.end());
                    for (const auto& t : a.titles)
                        if (std::find(m.titles.begin(), m.titles.end(), t) == m.titles.end()) m.titles.push_back(t);
                }
            } catch (const Error& e) {
                std::cerr << "parley: " << e.what() << "\n";
                ++failures;
            }
        }
        for (const auto& m : merged) {
            nlohmann::json j = {{"name", m.actor.name},
                                {"kind", to_string(m.actor.kind)},
                                {"country", m.actor.country.empty() ? nlohmann::json(nullptr)
                                                                    : nlohmann::json(m.actor.country)},
                                {"titles", m.titles},
                                {"aliases", m.aliases},
                                {"mentions", m.actor.mentions},
                                {"documents", m.documents}};
            std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        }
        if (failures) throw Error(std::to_string(failures) + " input(s) failed");
    });
}};

}  // namespace
}  // namespace parley::cli
