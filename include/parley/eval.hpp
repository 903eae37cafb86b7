// Evaluation: scores extracted events against gold files (docs/event-schema.md, "Gold files" and
// "Matching an extracted event to a gold event").
//
//   auto gold = parley::load_gold("tests/data/dev/002.gold.json");
//   parley::NameMatcher names(kb);                 // titles and countries from data/gazetteer/
//   bool ok = parley::matches(event, gold.events[0], /*strict=*/true, names);
//   parley::Scorer scorer(names);
//   scorer.add(events, gold);                      // once per document
//   std::cout << parley::format_report_table(scorer.report());
#pragma once

#include <parley/event.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace parley {

class Knowledge;

/// A closed interval of days [first, last]; first == last for a single day.
struct DaySpan {
    date::sys_days first;
    date::sys_days last;
    friend bool operator==(const DaySpan&, const DaySpan&) = default;
};

struct GoldEvent {
    EventType type = EventType::other;
    /// Canonical names; "A|B" lists accepted spellings of one actor.
    std::vector<std::string> actors;
    /// The gold date or span; empty when the text gives no date (gold `null`).
    std::optional<DaySpan> date;
    /// Other dates or spans accepted as exact (e.g. the print edition's "today").
    std::vector<DaySpan> date_also_accepted;
    std::string location;               ///< empty = null
    std::optional<EventStatus> status;  ///< only when the gold gives one
    std::string evidence;
    std::string note;
};

struct GoldDocument {
    std::string path;      ///< the gold file read
    std::string document;  ///< "NAME.txt"
    /// The anchor for relative dates: the date part of `publication` ("1999-07-21T23:02:00+01:00"
    /// -> 1999-07-21). Empty when the gold gives none.
    std::optional<date::sys_days> publication;
    std::vector<GoldEvent> events;
};

/// Reads a gold file. Throws Error "FILE: reason" when it cannot be read or is malformed
/// (not JSON, no `events` array, an unknown type, an actor that is not a string, a bad date...).
GoldDocument load_gold(const std::filesystem::path& path);
/// Same on JSON text already in memory; `source` names it in errors.
GoldDocument parse_gold(std::string_view json, const std::string& source);

/// "YYYY-MM-DD" or "YYYY-MM-DD/YYYY-MM-DD" -> span; empty when malformed, impossible or reversed.
std::optional<DaySpan> parse_day_span(std::string_view s);
/// "1999-07-20", or "1999-07-24/1999-07-25" for a span.
std::string format_day_span(const DaySpan& s);
/// The extracted date as the gold writes it: "1999-07-20", "A/B", or "null".
std::string format_event_date(const EventDate& d);

/// Compares actor names by the rules of event-schema.md: case-insensitively, without titles
/// and accents; a surname alone matches the full name ("Ivanov" = "Igor Ivanov"; for names
/// written surname first, "Hu" = "Hu Jintao"); first names must agree where both are given
/// (middle names and initials ignored: "Warren M. Christopher" = "Warren Christopher"); the
/// particles al-/el- are loose ("Hafez el Assad" = "Hafez al-Assad" = "Assad"); an acronym
/// matches its expansion ("IMF" = "International Monetary Fund"), an organisation its aliases
/// in organisations.tsv; a country matches its name, a common name ("Britain", "the US") or its
/// ISO alpha-3 code.
class NameMatcher {
  public:
    /// Honorifics (Mr, Mrs, Ms, Dr, Sir) only; no title list, no country table.
    NameMatcher();
    /// Adds, when the files exist, the titles of data/gazetteer/titles.tsv (title, sector,
    /// aliases|...), the countries of data/gazetteer/countries.tsv (code, name, aliases|...,
    /// adjectives|..., metonyms|...) and the organisations of organisations.tsv (code, name,
    /// aliases|...).
    explicit NameMatcher(const Knowledge& kb);

    /// Whether the gold actor (which may be "A|B") is this participant. A gold country matches
    /// only a participant of kind country, by name or by Participant::country.
    bool actor_matches(std::string_view gold_actor, const Participant& p) const;
    /// Whether two person-or-organisation names denote the same actor (no country lookup).
    bool same_name(std::string_view gold, std::string_view extracted) const;
    /// The code of an organisation of data/gazetteer/organisations.tsv by its name or an alias
    /// ("Nato" -> "IGOWSTNAT"); empty when unknown.
    std::string organisation_code(std::string_view name) const;
    /// The ISO alpha-3 code of a country name, alias or code ("Britain" -> "GBR"); empty when
    /// unknown.
    std::string country_code(std::string_view name) const;
    /// The name's tokens as compared: folded, titles and particles removed
    /// ("Secretary of State Warren M. Christopher" -> {"warren", "m", "christopher"}).
    std::vector<std::string> name_tokens(std::string_view name) const;

    std::size_t title_count() const { return m_titles.size(); }
    std::size_t country_count() const { return m_country_codes.size(); }

  private:
    struct Tokens {
        std::vector<std::string> words;  ///< folded
        std::vector<bool> upper;         ///< written all in capitals (an acronym candidate)
    };
    Tokens tokens(std::string_view name) const;
    std::size_t title_prefix(const std::vector<std::string>& words, std::size_t at) const;
    void add_title(std::string_view title);

    std::unordered_set<std::string> m_titles;  ///< folded, tokens joined by one space
    std::size_t m_title_max_words = 1;
    /// Words dropped before a title: nationalities, countries, organisations ("russian",
    /// "us", "un" in "UN Secretary-General Antonio Guterres").
    std::unordered_set<std::string> m_qualifiers;
    std::unordered_map<std::string, std::string> m_countries;      ///< folded name/alias -> code
    std::unordered_map<std::string, std::string> m_orgs;           ///< folded name/alias -> code
    std::unordered_map<std::string, std::string> m_country_codes;  ///< "SUN" -> "USR"
};

/// Whether the extracted event's participants contain the gold actors (rule 2): all of them,
/// or for more than three gold actors at least ceil(0.75 * n); each participant stands for one
/// gold actor at most.
bool actors_match(const Event& extracted, const GoldEvent& gold, const NameMatcher& names);
/// Rule 3. Strict: the extracted [first, last] equals the gold date or span, or one of
/// date_also_accepted; a gold null wants null. Lenient: strict, or the extracted span overlaps
/// an accepted gold span and is at most 7 days long; a gold null accepts any date; a gold date
/// is never matched by an extracted null.
bool date_matches(const EventDate& extracted, const GoldEvent& gold, bool strict);
/// All three rules of event-schema.md: same type, actors, dates.
bool matches(const Event& extracted, const GoldEvent& gold, bool strict, const NameMatcher& names);

enum class MatchMode : uint8_t {
    strict,       ///< type, actors, strict date
    lenient,      ///< type, actors, lenient date
    ignore_date,  ///< type and actors only (for date accuracy)
};
const char* to_string(MatchMode);

/// A one-to-one pairing of extracted and gold events of one document.
struct Alignment {
    std::vector<std::pair<std::size_t, std::size_t>> pairs;  ///< (extracted, gold) indices
    std::vector<std::size_t> unmatched_extracted;            ///< false positives
    std::vector<std::size_t> unmatched_gold;                 ///< false negatives
};

/// Pairs extracted and gold events so that as many as possible match (a maximum bipartite
/// matching, so the result does not depend on the order of either list); among equally large
/// pairings it prefers exact dates, similar evidence sentences, the same location and status.
Alignment align(const std::vector<Event>& extracted, const std::vector<GoldEvent>& gold,
                MatchMode mode, const NameMatcher& names);

struct Counts {
    std::size_t tp = 0;
    std::size_t fp = 0;
    std::size_t fn = 0;
    /// 0 when undefined (nothing extracted / nothing in the gold); see has_precision().
    double precision() const;
    double recall() const;
    double f1() const;
    bool has_precision() const { return tp + fp > 0; }
    bool has_recall() const { return tp + fn > 0; }
    Counts& operator+=(const Counts& o);
};

struct TypeScore {
    std::size_t gold = 0;       ///< gold events
    std::size_t extracted = 0;  ///< extracted events
    Counts strict;
    Counts lenient;
};

/// Date accuracy: among the pairs of a matching on type and actors only (dates ignored),
/// the share whose extracted date is exactly right (the strict date rule).
struct DateAccuracy {
    std::size_t matched = 0;  ///< pairs matched on type and actors
    std::size_t exact = 0;    ///< of which the date passes the strict rule
    std::size_t lenient = 0;  ///< of which the date passes the lenient rule
    double exact_share() const { return matched ? double(exact) / double(matched) : 0.0; }
    double lenient_share() const { return matched ? double(lenient) / double(matched) : 0.0; }
};

/// One document's events, gold and pairings (kept for --verbose listings).
struct DocumentScore {
    std::string document;
    std::vector<Event> extracted;
    GoldDocument gold;
    Alignment strict;
    Alignment lenient;
    Alignment dates;  ///< MatchMode::ignore_date
};

struct Report {
    std::size_t documents = 0;
    TypeScore overall;
    std::map<EventType, TypeScore> by_type;  ///< every type seen in the gold or extracted
    DateAccuracy dates;
};

/// Accumulates documents; counts are summed over documents (micro-averaged).
class Scorer {
  public:
    explicit Scorer(const NameMatcher& names) : m_names(names) {}
    /// Scores one document and adds it to the report; returns its pairings.
    const DocumentScore& add(std::vector<Event> extracted, GoldDocument gold);
    const Report& report() const { return m_report; }
    const std::vector<DocumentScore>& documents() const { return m_docs; }

  private:
    const NameMatcher& m_names;
    Report m_report;
    std::vector<DocumentScore> m_docs;
};

/// The report as a plain-text table: one row per type, then overall, then date accuracy.
std::string format_report_table(const Report& r);
/// The report as one JSON object (same numbers; undefined ratios are null).
std::string format_report_json(const Report& r);
/// For --verbose: each false positive, false negative (lenient) and wrong date of a document.
std::string format_document_errors(const DocumentScore& d);

}  // namespace parley
