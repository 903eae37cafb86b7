// Reader for PETRARCH/TABARI-format actor dictionaries (data/petrarch/*.actors.txt).
#pragma once

#include "actors/gazetteer.hpp"

#include <date/date.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parley::detail {

/// One dictionary entry: a name line, its `+` synonyms and its `[CODE DATES]` roles.
struct PetrarchEntry {
    std::vector<std::string> names;  ///< names[0] is the primary; underscores made spaces
    std::vector<DatedRole> roles;    ///< roles with malformed dates are dropped
    std::string comment;             ///< text after '#' on the name line ("CountryInfo.txt")
    uint32_t line = 0;               ///< 1-based line of the name line
};

/// Parses a whole dictionary. Comments: '#' to end of line, `<!-- ... -->` and `{ ... }`
/// (both may span lines). A name line starts an entry, except that name lines before the
/// entry's first role are its synonyms, like `+NAME` lines; roles are
/// `[CODE]`, `[CODE A-B]`, `[CODE >A]`, `[CODE <B]` or `[CODE A]` (= from A), on the name line
/// or on following indented lines. `[---]` (no code) is ignored.
std::vector<PetrarchEntry> parse_petrarch_actors(std::string_view text);

/// A dictionary date: YYMMDD (pivot 30: 30-99 -> 19xx, 00-29 -> 20xx) or YYYYMMDD. Nine or ten
/// digit typos keep the eight digits that form a valid date (first eight for nine digits,
/// last eight for ten). Returns nullopt when the digits are not a valid date.
std::optional<date::sys_days> parse_petrarch_date(std::string_view digits);

/// "TONY_BLAIR_" -> "TONY BLAIR": underscores to spaces, trimmed, runs collapsed.
std::string petrarch_phrase(std::string_view raw);

/// Display form of an upper-case dictionary name: "TONY BLAIR" -> "Tony Blair",
/// "BASHAR AL-ASSAD" -> "Bashar al-Assad" (particles lower case after the first word),
/// "JOHN MCCAIN" -> "John McCain". Names already in mixed case are returned unchanged.
std::string petrarch_display_name(std::string_view phrase,
                                  const std::vector<std::string_view>& particles);

}  // namespace parley::detail
