// Shared by the commands that take articles or an events .jsonl file as input.
#pragma once

#include <parley/event.hpp>
#include <parley/ingest.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace parley::cli {

/// Parses --date; throws parley::Error on a malformed or impossible date.
std::optional<date::sys_days> parse_date_option(const std::string& value, const char* option);

/// Streams events from each input: a .jsonl file is read as events; anything else is an
/// article, extracted. A failing input is reported on stderr ("parley: FILE: reason") and
/// skipped. Returns the number of inputs that failed.
std::size_t for_each_event_batch(const std::vector<std::string>& inputs, const IngestOptions& opts,
                                 const std::function<void(std::vector<Event>&)>& sink);

/// All events of all inputs, chronologically (undated last).
std::vector<Event> collect_events(const std::vector<std::string>& inputs, const IngestOptions& opts,
                                  std::size_t& failures);

}  // namespace parley::cli
