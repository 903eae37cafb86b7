// Shared by the corpus commands: --db / PARLEY_DB, the --from/--to/--type filters, --format,
// and the table/CSV printers.
#pragma once

#include <parley/query.hpp>
#include <parley/store.hpp>

#include <CLI/CLI.hpp>

#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

namespace parley::cli {

enum class Format { table, json, csv };

struct DbOptions {
    std::string db;
    std::string from;
    std::string to;
    std::vector<std::string> types;
    std::string format = "table";
};

/// --db PATH (default $PARLEY_DB, else parley.db).
void add_db_option(CLI::App* cmd, DbOptions& o);
/// --from, --to, --type (repeatable or comma-separated).
void add_filter_options(CLI::App* cmd, DbOptions& o);
/// --format table|json|csv.
void add_format_option(CLI::App* cmd, DbOptions& o);

std::filesystem::path db_path(const DbOptions& o);
/// Throws Error on a malformed date or unknown type.
EventFilter make_filter(const DbOptions& o);
Format format_of(const DbOptions& o);

/// Resolves a command-line actor name; an ambiguous one throws with the candidates listed.
StoredActor resolve_actor_arg(const Corpus& corpus, const std::string& name);

std::string day_or_empty(const std::optional<date::sys_days>& d);
std::string join(const std::vector<std::string>& v, const char* sep);

/// Prints rows under a header, columns padded to the widest cell (UTF-8 aware).
void print_table(std::ostream& out, const std::vector<std::string>& header,
                 const std::vector<std::vector<std::string>>& rows);
void print_csv(std::ostream& out, const std::vector<std::string>& header,
               const std::vector<std::vector<std::string>>& rows);
/// The table or CSV form of --format (JSON Lines are printed by each command as it goes).
void print_rows(Format fmt, const std::vector<std::string>& header,
                const std::vector<std::vector<std::string>>& rows);

}  // namespace parley::cli
