// JSON for events (the contract of docs/event-schema.md), without exposing nlohmann in headers.
#pragma once

#include <parley/event.hpp>

#include <istream>
#include <string>
#include <vector>

namespace parley {

/// One event as a single-line JSON object (event-schema.md field names).
std::string to_json_line(const Event& e);
/// Parses one JSON Lines object back into an Event; throws Error naming `where` when malformed.
Event event_from_json(std::string_view line, const std::string& where);
/// Reads a whole .jsonl stream (blank lines skipped).
std::vector<Event> read_events_jsonl(std::istream& in, const std::string& source);

}  // namespace parley
