// Render: SVG timeline and the Graphviz relationship diagram.
#pragma once

#include <parley/event.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace parley {

struct TimelineOptions {
    std::string title = "Parley timeline";
    int width = 1100;  ///< px; height follows from the number of lanes
};

/// A standalone SVG 1.1 document: dated axis with adaptive ticks, one lane per actor, event
/// markers shaped by type and filled by status (scheduled hollow), <title> tooltips with the
/// evidence, a legend. All article text is XML-escaped.
std::string render_timeline_svg(const std::vector<Event>& events, const TimelineOptions& opts = {});

struct GraphOptions {
    std::string engine = "auto";  ///< auto|dot|neato|sfdp|circo
    std::string title = "Who met whom";
};

/// The actor relationship diagram as DOT text (escaped), built with cgraph.
std::string relations_dot(const std::vector<Event>& events, const GraphOptions& opts = {});
/// Lays out and renders the diagram in-process with gvc; format from the extension
/// (.dot, .svg, .png). Throws Error on failure.
void render_relations(const std::vector<Event>& events, const std::filesystem::path& out,
                      const GraphOptions& opts = {});

/// Escaping for every output format article text lands in.
std::string escape_xml(std::string_view s);
std::string escape_csv(std::string_view s);

}  // namespace parley
