// parley timeline / parley graph: render events from articles or an events .jsonl file.
#include "cli/command.hpp"
#include "cli/db_options.hpp"
#include "cli/inputs.hpp"

#include <parley/error.hpp>
#include <parley/query.hpp>
#include <parley/render.hpp>

#include <cstdlib>

#include <filesystem>
#include <fstream>

namespace parley::cli {
namespace {

struct RenderArgs {
    std::vector<std::string> files;
    std::string out;
    std::string date;
    std::string title;
    std::string engine = "auto";
    DbOptions db;                     // corpus mode: --db and no files
    std::vector<std::string> actors;  // --actor
};

bool corpus_mode(const RenderArgs& a) {
    if (!a.files.empty()) return false;
    const char* env = std::getenv("PARLEY_DB");
    if (a.db.db.empty() && !(env && *env))
        throw Error("no input: give articles or an events .jsonl file, or --db for the corpus");
    return true;
}

std::vector<Event> load_corpus(const RenderArgs& a) {
    EventFilter filter = make_filter(a.db);
    Corpus corpus(db_path(a.db));
    for (const auto& name : a.actors) filter.actors.push_back(resolve_actor_arg(corpus, name).id);
    std::vector<Event> events;
    for (auto& se : corpus.events(filter)) events.push_back(std::move(se.event));
    return events;
}

void ensure_parent(const std::string& out) {
    auto parent = std::filesystem::path(out).parent_path();
    std::error_code ec;
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
}

std::vector<Event> load(const RenderArgs& a) {
    if (corpus_mode(a)) return load_corpus(a);
    IngestOptions opts;
    opts.date_override = parse_date_option(a.date, "--date");
    std::size_t failures = 0;
    auto events = collect_events(a.files, opts, failures);
    if (failures) throw Error(std::to_string(failures) + " input(s) failed; nothing written");
    return events;
}

void add_common(CLI::App* cmd, RenderArgs& a, const char* default_out) {
    cmd->add_option("files", a.files,
                    "Articles (text/HTML) or an events .jsonl file; none: the corpus (--db)");
    cmd->add_option("-o,--output", a.out, "Output file")->default_val(default_out);
    cmd->add_option("--date", a.date, "Publication date YYYY-MM-DD for articles without one");
    cmd->add_option("--title", a.title, "Title drawn on the picture");
    add_db_option(cmd, a.db);
    add_filter_options(cmd, a.db);
    cmd->add_option("--actor", a.actors, "Corpus mode: only events with this actor (repeatable)");
}

const Registration timeline{40, [](CLI::App& app) {
                                auto a = std::make_shared<RenderArgs>();
                                auto* cmd = app.add_subcommand(
                                    "timeline", "Draw an SVG timeline: one lane per actor");
                                add_common(cmd, *a, "output/timeline.svg");
                                cmd->callback([a] {
                                    auto events = load(*a);
                                    TimelineOptions opts;
                                    if (!a->title.empty()) opts.title = a->title;
                                    ensure_parent(a->out);
                                    std::ofstream f(a->out, std::ios::binary);
                                    if (!f) throw Error(a->out + ": cannot write");
                                    f << render_timeline_svg(events, opts);
                                    if (!f) throw Error(a->out + ": write failed");
                                });
                            }};

const Registration graph{
    50, [](CLI::App& app) {
        auto a = std::make_shared<RenderArgs>();
        auto* cmd = app.add_subcommand(
            "graph", "Draw the relationship diagram (Graphviz): .svg, .png or .dot");
        add_common(cmd, *a, "output/relations.svg");
        cmd->add_option("--engine", a->engine, "Layout engine: auto|dot|neato|sfdp|circo")
            ->default_val("auto");
        cmd->callback([a] {
            auto events = load(*a);
            GraphOptions opts;
            opts.engine = a->engine;
            if (!a->title.empty()) opts.title = a->title;
            ensure_parent(a->out);
            render_relations(events, a->out, opts);
        });
    }};

}  // namespace
}  // namespace parley::cli
