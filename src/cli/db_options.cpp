#include "cli/db_options.hpp"

#include <iostream>

#include "cli/inputs.hpp"

#include <parley/error.hpp>
#include <parley/render.hpp>

#include <cstdlib>
#include <ostream>

namespace parley::cli {

void add_db_option(CLI::App* cmd, DbOptions& o) {
    cmd->add_option("--db", o.db, "Corpus database (default: $PARLEY_DB, else parley.db)");
}

void add_filter_options(CLI::App* cmd, DbOptions& o) {
    cmd->add_option("--from", o.from, "Only events on or after this date (YYYY-MM-DD)");
    cmd->add_option("--to", o.to, "Only events on or before this date (YYYY-MM-DD)");
    cmd->add_option("--type", o.types, "Event types (meeting, visit, phone_call, ...); repeatable")
        ->delimiter(',');
}

void add_format_option(CLI::App* cmd, DbOptions& o) {
    cmd->add_option("--format", o.format, "Output: table, json (JSON Lines) or csv")
        ->default_val("table")
        ->check(CLI::IsMember({"table", "json", "csv"}));
}

std::filesystem::path db_path(const DbOptions& o) {
    if (!o.db.empty()) return o.db;
    if (const char* env = std::getenv("PARLEY_DB"); env && *env) return env;
    return "parley.db";
}

EventFilter make_filter(const DbOptions& o) {
    EventFilter f;
    f.from = parse_date_option(o.from, "--from");
    f.to = parse_date_option(o.to, "--to");
    if (f.from && f.to && *f.to < *f.from)
        throw Error("--to " + o.to + " is before --from " + o.from);
    for (const auto& t : o.types) {
        auto type = event_type_from_string(t);
        if (!type) throw Error("--type: unknown event type \"" + t + "\"");
        f.types.push_back(*type);
    }
    return f;
}

Format format_of(const DbOptions& o) {
    if (o.format == "json") return Format::json;
    if (o.format == "csv") return Format::csv;
    return Format::table;
}

StoredActor resolve_actor_arg(const Corpus& corpus, const std::string& name) {
    return corpus.resolve(name);
}

std::string day_or_empty(const std::optional<date::sys_days>& d) {
    return d ? format_iso_day(*d) : "";
}

std::string join(const std::vector<std::string>& v, const char* sep) {
    std::string s;
    for (std::size_t i = 0; i < v.size(); ++i) s += (i ? sep : "") + v[i];
    return s;
}

namespace {
std::size_t display_width(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}
}  // namespace

void print_table(std::ostream& out, const std::vector<std::string>& header,
                 const std::vector<std::vector<std::string>>& rows) {
    std::vector<std::size_t> width(header.size(), 0);
    for (std::size_t i = 0; i < header.size(); ++i) width[i] = display_width(header[i]);
    for (const auto& r : rows)
        for (std::size_t i = 0; i < r.size() && i < width.size(); ++i)
            width[i] = std::max(width[i], std::min<std::size_t>(display_width(r[i]), 60));
    auto line = [&](const std::vector<std::string>& r) {
        std::string s;
        for (std::size_t i = 0; i < r.size() && i < width.size(); ++i) {
            s += r[i];
            if (i + 1 < r.size())
                s += std::string(
                         width[i] > display_width(r[i]) ? width[i] - display_width(r[i]) : 0, ' ') +
                     "  ";
        }
        out << s << '\n';
    };
    line(header);
    std::vector<std::string> rule;
    for (auto w : width) rule.emplace_back(w, '-');
    line(rule);
    for (const auto& r : rows) line(r);
}

void print_csv(std::ostream& out, const std::vector<std::string>& header,
               const std::vector<std::vector<std::string>>& rows) {
    auto line = [&](const std::vector<std::string>& r) {
        for (std::size_t i = 0; i < r.size(); ++i) out << (i ? "," : "") << escape_csv(r[i]);
        out << '\n';
    };
    line(header);
    for (const auto& r : rows) line(r);
}

void print_rows(Format fmt, const std::vector<std::string>& header,
                const std::vector<std::vector<std::string>>& rows) {
    if (fmt == Format::csv)
        print_csv(std::cout, header, rows);
    else
        print_table(std::cout, header, rows);
}

}  // namespace parley::cli
