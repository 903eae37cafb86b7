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
/// The Event of line `line_number` of a .jsonl file, read through nlohmann's SAX interface
/// without building a DOM: the same Event, or the same error, as
/// event_from_json(line, source + ":" + line_number), at a fraction of the cost.
Event event_from_jsonl(std::string_view line, const std::string& source, std::size_t line_number);
/// Reads a whole .jsonl stream (blank lines skipped).
std::vector<Event> read_events_jsonl(std::istream& in, const std::string& source);

}  // namespace parley
