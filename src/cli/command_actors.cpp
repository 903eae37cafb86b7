// parley actors [--date D] FILE... : the actors found, one JSON object per line.
#include "cli/command.hpp"
#include "cli/db_options.hpp"
#include "cli/inputs.hpp"

#include <parley/error.hpp>
#include <parley/extract.hpp>
#include <parley/knowledge.hpp>
#include <parley/query.hpp>
#include <parley/store.hpp>

#include <nlohmann/json.hpp>

#include <iostream>
#include <map>
#include <set>

namespace parley::cli {
namespace {

struct ActorsArgs {
    std::vector<std::string> files;
    std::string date;
    DbOptions db;
};

nlohmann::json null_or(const std::string& s) {
    return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s);
}

/// Corpus mode (no FILE): the stored actors with kind, country, titles, first and last
/// appearance and event count.
void list_corpus_actors(const ActorsArgs& args) {
    const EventFilter filter = make_filter(args.db);
    Corpus corpus(db_path(args.db));
    const auto actors = corpus.store().actors(filter);
    const Format fmt = format_of(args.db);
    std::vector<std::vector<std::string>> rows;
    for (const auto& a : actors) {
        if (fmt == Format::json) {
            nlohmann::json j = {{"name", a.name},
                                {"kind", to_string(a.kind)},
                                {"country", null_or(a.country)},
                                {"titles", a.titles},
                                {"aliases", a.aliases},
                                {"first", null_or(day_or_empty(a.first))},
                                {"last", null_or(day_or_empty(a.last))},
                                {"events", a.events}};
            std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
            continue;
        }
        rows.push_back({a.name, to_string(a.kind), a.country, join(a.titles, "; "),
                        day_or_empty(a.first), day_or_empty(a.last), std::to_string(a.events)});
    }
    if (fmt == Format::json) return;
    const std::vector<std::string> header = {"name",  "kind", "country", "titles",
                                             "first", "last", "events"};
    print_rows(fmt, header, rows);
}

struct Merged {
    Actor actor;
    std::set<std::string> documents;
    std::set<std::string> aliases;
    std::vector<std::string> titles;
};

// The last word of a name, folded as the merge key folds it ("Qarase", "al-Assad" -> "assad").
std::string surname_key(const std::string& name) {
    const std::string key = actor_key(name);
    const auto sp = key.rfind(' ');
    return sp == std::string::npos ? key : key.substr(sp + 1);
}

/// "Tavola" alone in one article is "Kaliopate Tavola" of another when exactly one person
/// of the inputs has that surname (and the countries, where both are known, agree). A joined
/// actor is emptied (mentions 0) and left out of the listing.
void join_surnames(std::vector<Merged>& merged) {
    std::map<std::string, std::vector<std::size_t>> full;  // surname -> full names
    for (std::size_t i = 0; i < merged.size(); ++i) {
        const Actor& a = merged[i].actor;
        if (a.kind == ActorKind::person && a.name.find(' ') != std::string::npos)
            full[surname_key(a.name)].push_back(i);
    }
    for (auto& m : merged) {
        const Actor& a = m.actor;
        if (a.kind != ActorKind::person || a.name.find(' ') != std::string::npos) continue;
        auto it = full.find(surname_key(a.name));
        if (it == full.end()) continue;
        std::vector<std::size_t> fits;
        for (auto i : it->second) {
            const auto& c = merged[i].actor.country;
            if (a.country.empty() || c.empty() || c == a.country) fits.push_back(i);
        }
        if (fits.size() != 1) continue;  // ambiguous: two Clintons stay apart
        Merged& into = merged[fits.front()];
        into.actor.mentions += a.mentions;
        if (into.actor.country.empty()) into.actor.country = a.country;
        into.documents.insert(m.documents.begin(), m.documents.end());
        into.aliases.insert(m.aliases.begin(), m.aliases.end());
        for (const auto& t : m.titles)
            if (std::find(into.titles.begin(), into.titles.end(), t) == into.titles.end())
                into.titles.push_back(t);
        m.actor.mentions = 0;
    }
}

const Registration reg{
    20, [](CLI::App& app) {
        auto args = std::make_shared<ActorsArgs>();
        auto* cmd = app.add_subcommand("actors",
                                       "List the people, countries and organisations in articles, "
                                       "or with no FILE in the corpus (--db)");
        cmd->add_option("files", args->files, "Articles to read; - reads stdin; none: the corpus");
        cmd->add_option("--date", args->date,
                        "Publication date YYYY-MM-DD (overrides the article's)");
        add_db_option(cmd, args->db);
        add_filter_options(cmd, args->db);
        add_format_option(cmd, args->db);
        cmd->callback([args] {
            if (args->files.empty()) return list_corpus_actors(*args);
            IngestOptions opts;
            opts.date_override = parse_date_option(args->date, "--date");
            const Knowledge& kb = globals().kb();
            // One actor per kind and canonical name across the inputs, in order of first
            // appearance.
            std::vector<Merged> merged;
            std::map<std::string, std::size_t> index;
            std::size_t failures = 0;
            for (const auto& f : args->files) {
                try {
                    auto x = extract(load_document(f, kb, opts), kb);
                    for (const auto& a : x.actors.actors) {
                        // "Saud al-Faisal" in one article and "Saud al Faisal" in another are
                        // one actor: the corpus's merge key (case, accents, particles, initials).
                        const std::string key =
                            std::string(to_string(a.kind)) + "\t" + actor_key(a.name);
                        auto [it, fresh] = index.emplace(key, merged.size());
                        if (fresh) merged.push_back(Merged{a, {}, {}, {}});
                        auto& m = merged[it->second];
                        if (!fresh) m.actor.mentions += a.mentions;
                        if (m.actor.country.empty()) m.actor.country = a.country;
                        m.documents.insert(x.document.source);
                        m.aliases.insert(a.aliases.begin(), a.aliases.end());
                        for (const auto& t : a.titles)
                            if (std::find(m.titles.begin(), m.titles.end(), t) == m.titles.end())
                                m.titles.push_back(t);
                    }
                } catch (const Error& e) {
                    std::cerr << "parley: " << e.what() << "\n";
                    ++failures;
                }
            }
            join_surnames(merged);
            for (const auto& m : merged) {
                if (m.actor.mentions == 0) continue;  // joined into a full name
                nlohmann::json j = {
                    {"name", m.actor.name},
                    {"kind", to_string(m.actor.kind)},
                    {"country", m.actor.country.empty() ? nlohmann::json(nullptr)
                                                        : nlohmann::json(m.actor.country)},
                    {"titles", m.titles},
                    {"aliases", m.aliases},
                    {"mentions", m.actor.mentions},
                    {"documents", m.documents}};
                std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                          << '\n';
            }
            if (failures) throw Error(std::to_string(failures) + " input(s) failed");
        });
    }};

}  // namespace
}  // namespace parley::cli
