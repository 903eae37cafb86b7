// CAMEO-style actor codes of event participants ("USAGOV", "IGOWSTNAT", "RUS"), as PETRARCH and
// Phoenix write them: country + sector for people and groups, the body's code for organisations.
#pragma once

#include <parley/event.hpp>

#include <date/date.h>

#include <string>

namespace parley {

class Knowledge;

/// The code of a participant on `day`:
///   person       the dictionary role valid on `day` (a dated role beats an open one, the
///                narrowest dated role wins: "Tony Blair" 1999 -> "GBRGOV"); else country +
///                the sector of the title (titles.tsv, mapped by lexicon/cameo-sectors.tsv:
///                "Ambassador" -> GOV); "---" stands for an unknown country ("---GOV").
///   country      the alpha-3 code ("RUS").
///   organisation the code of organisations.tsv ("IGOWSTNAT"); a generic code (three letters
///                or fewer, "GOV") is prefixed by the participant's country.
///   group        country + the sector of the head noun (lexicon/group-sectors.tsv:
///                "Israeli troops" -> "ISRMIL").
/// Empty when nothing is known.
std::string actor_code(const Participant& p, date::sys_days day, const Knowledge& kb);

}  // namespace parley
