// Scores the extractor on the PETRARCH2 unit-test records (tests/data/petrarch2/): CAMEO root
// code and source/target actor codes of the records coded 01-05 (docs/evaluation.md).
#pragma once

#include <date/date.h>

#include <cstddef>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace parley {

class Knowledge;

/// One <EventCoding>: codes as written ("ARN", "DAGGOV", "---GOV"); empty when absent.
struct PetrarchCoding {
    std::string source;
    std::string target;
    std::string event;  ///< CAMEO event code, "032"
};

struct PetrarchRecord {
    std::string id;        ///< "DEMO-02"
    std::string category;  ///< "DEMO"
    date::sys_days date;
    std::string text;                     ///< whitespace collapsed
    std::vector<PetrarchCoding> codings;  ///< empty for noevents="True"
};

/// Parses the <Sentence> records of a PETRARCH validation file (comments skipped). Throws
/// Error "SOURCE: reason" on a record without a valid date or text.
std::vector<PetrarchRecord> parse_petrarch_records(std::string_view xml, const std::string& source);

/// A knowledge base for coding the records: the data directory of `base` overlaid with the
/// validation actor dictionary, converted where the Gazetteer's own loader would not take an
/// entry (bare country-like codes, organisation codes; see docs/evaluation.md). Lives in a
/// temporary directory removed by the destructor.
class PetrarchKnowledge {
  public:
    PetrarchKnowledge(const Knowledge& base, const std::filesystem::path& actors_file);
    ~PetrarchKnowledge();
    PetrarchKnowledge(const PetrarchKnowledge&) = delete;
    PetrarchKnowledge& operator=(const PetrarchKnowledge&) = delete;

    const Knowledge& kb() const { return *m_kb; }
    /// Our code in the validation dictionary's code system: a country or organisation the
    /// data files already know under another code ("IGOEUREEC" -> "IGOEEU" for the EU).
    std::string translate(const std::string& code) const;
    std::size_t countries_added() const { return m_countries; }
    std::size_t organisations_added() const { return m_orgs; }

  private:
    std::filesystem::path m_dir;
    std::unique_ptr<Knowledge> m_kb;
    std::map<std::string, std::string> m_translate;
    std::size_t m_countries = 0;
    std::size_t m_orgs = 0;
};

/// What we extracted from one record, as codes.
struct CodedEvent {
    std::string cameo;                                       ///< our event's code ("040")
    std::vector<std::pair<std::string, std::string>> dyads;  ///< (source, target) codes
    std::string participants;  ///< "Name (role, CODE); ..." for listings
};

struct PetrarchRecordScore {
    const PetrarchRecord* record = nullptr;
    std::vector<PetrarchCoding> expected;  ///< the codings in CAMEO 01-05
    std::vector<CodedEvent> ours;
    bool root_ok = false;           ///< some event of ours has the root of some expected coding
    bool actors_ok = false;         ///< some (source, target) of ours equals some expected pair
    bool both_ok = false;           ///< one event of ours has both, against one expected coding
    std::size_t codings_found = 0;  ///< expected codings reproduced (root, source and target)
    std::string actors;             ///< the actor stage's mentions, "text = CODE; ..." for listings
};

struct PetrarchRootScore {
    std::size_t records = 0;
    std::size_t root_ok = 0;
    std::size_t actors_ok = 0;
    std::size_t both_ok = 0;
};

struct PetrarchReport {
    std::size_t records_read = 0;
    std::vector<PetrarchRecordScore> scored;  ///< records with an expected code in 01-05
    std::size_t root_ok = 0;
    std::size_t actors_ok = 0;
    std::size_t both_ok = 0;
    std::size_t no_event = 0;  ///< records where we found no event at all
    std::size_t codings = 0;   ///< expected codings in 01-05
    std::size_t codings_found = 0;
    std::size_t quiet = 0;                      ///< records expecting no event in 01-05
    std::size_t quiet_with_event = 0;           ///< of them, those where we found one
    std::vector<PetrarchRecordScore> spurious;  ///< quiet records where we found an event
    std::size_t events = 0;                     ///< our events on the scored records
    std::size_t events_matched = 0;  ///< of them, those equal to an expected coding (root, actors)
    std::map<std::string, PetrarchRootScore> by_root;  ///< "01".."05"; a record counts under
                                                       ///< each root it expects
    double share(std::size_t n) const { return scored.empty() ? 0.0 : double(n) / scored.size(); }
};

/// Codes every record expecting a CAMEO 01-05 event with `kb` (see PetrarchKnowledge) and
/// scores it. `records` must outlive the report.
PetrarchReport evaluate_petrarch(const std::vector<PetrarchRecord>& records,
                                 const PetrarchKnowledge& kb);

/// Reads the records file and the PETR.Validate.actors.txt beside it, and evaluates.
PetrarchReport evaluate_petrarch_file(const std::filesystem::path& records_file,
                                      const Knowledge& base,
                                      std::vector<PetrarchRecord>& records_out);

/// The figures, the breakdown by expected root and, with `verbose`, every record not fully right.
std::string format_petrarch_report(const PetrarchReport& r, bool verbose);

}  // namespace parley
