// Time: recognise and resolve temporal expressions (HeidelTime-style rules from data/time/).
#pragma once

#include <parley/document.hpp>
#include <parley/error.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parley {

class Knowledge;

enum class Granularity : uint8_t {
    unknown,
    day,
    weekend,
    week,
    month,
    season,
    quarter,
    half,
    year,
    decade,
    century
};
const char* to_string(Granularity);

/// TIMEX3 types.
enum class TimexType : uint8_t { date, time, duration, set };
const char* to_string(TimexType);

/// A resolved time expression: the closed interval of days [first, last] it denotes.
/// first/last are empty when the expression could not be resolved (no anchor, vague,
/// impossible date) -- `ok()` is then false.
struct TimeSpan {
    std::optional<date::sys_days> first;
    std::optional<date::sys_days> last;
    Granularity granularity = Granularity::unknown;
    TimexType type = TimexType::date;
    std::string expression;  ///< the text as written
    Span span;               ///< byte offsets in the text searched
    std::string timex;       ///< TIMEX3 value: "1999-07-20", "1999-W29-WE", "P4D", "PRESENT_REF"
    std::optional<date::sys_days> anchor;  ///< the date it was resolved against
    bool ok() const { return first.has_value() && last.has_value(); }
};

struct TimeOptions {
    /// Document creation time: the anchor for deictic expressions ("yesterday").
    std::optional<date::sys_days> publication;
};

/// Finds every time expression in `text` (sentences give clause tense context), in text order.
/// Resolves deictic ones against opts.publication and anaphoric ones ("the next day")
/// against the last resolved date. Unresolvable expressions are returned with ok() false and a
/// diagnostic appended to `diags` (when non-null).
std::vector<TimeSpan> find_times(std::string_view text, const std::vector<Sentence>& sentences,
                                 const Knowledge& kb, const TimeOptions& opts,
                                 Diagnostics* diags = nullptr);

/// Convenience over a Document (uses its sentences and publication date).
std::vector<TimeSpan> find_times(const Document& doc, const Knowledge& kb,
                                 Diagnostics* diags = nullptr);

/// "YYYY-MM-DD" -> day; empty when malformed or impossible (e.g. 1999-02-31).
std::optional<date::sys_days> parse_iso_day(std::string_view s);
/// day -> "YYYY-MM-DD".
std::string format_iso_day(date::sys_days d);

}  // namespace parley
