// TempEval-3 style evaluation of the time stage on TimeML (.tml) files.
//
//   auto report = parley::evaluate_tempeval({"tests/data/tempeval3"}, kb);
//   std::cout << parley::format_tempeval_table(report);
#pragma once

#include <parley/time.hpp>

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parley {

class Knowledge;

/// A gold TIMEX3: byte offsets in the document's plain TEXT (tags stripped, entities decoded).
struct GoldTimex {
    uint32_t begin = 0;
    uint32_t end = 0;
    std::string type;  ///< DATE, TIME, DURATION, SET
    std::string value;
    std::string text;
};

struct TmlDocument {
    std::string source;
    std::string text;                   ///< the TEXT element's content as plain text
    std::optional<date::sys_days> dct;  ///< document creation time (its day)
    std::vector<GoldTimex> timexes;     ///< in TEXT, without the DCT
};

/// Parses a TimeML document; throws Error naming `source` when there is no TEXT element.
TmlDocument parse_tml(std::string_view xml, const std::string& source);
TmlDocument load_tml(const std::filesystem::path& path);

/// Counts for one row of the table (a TIMEX3 type, or all of them).
struct TempEvalCounts {
    std::size_t gold = 0, system = 0;
    std::size_t strict_gold = 0, strict_system = 0;    ///< matched with the exact span
    std::size_t relaxed_gold = 0, relaxed_system = 0;  ///< matched by overlap
    std::size_t value_correct = 0;  ///< gold matched (relaxed) by a system timex with its value

    double strict_p() const { return ratio(strict_system, system); }
    double strict_r() const { return ratio(strict_gold, gold); }
    double strict_f1() const { return f1(strict_p(), strict_r()); }
    double relaxed_p() const { return ratio(relaxed_system, system); }
    double relaxed_r() const { return ratio(relaxed_gold, gold); }
    double relaxed_f1() const { return f1(relaxed_p(), relaxed_r()); }
    /// As TempEval-3: value precision = correct / system, recall = correct / gold.
    double value_f1() const { return f1(ratio(value_correct, system), ratio(value_correct, gold)); }
    /// Correct values among the gold timexes that were found.
    double value_accuracy() const { return ratio(value_correct, relaxed_gold); }

    static double ratio(std::size_t a, std::size_t b) { return b ? double(a) / double(b) : 0.0; }
    static double f1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0.0; }
};

struct TempEvalReport {
    /// Rows by type: 0 DATE, 1 TIME, 2 DURATION, 3 SET. A row counts the gold timexes of its
    /// type and the system's timexes of its type; a match may cross types (as in TempEval-3,
    /// extraction does not depend on the type).
    std::array<TempEvalCounts, 4> by_type;
    TempEvalCounts overall;
    std::size_t documents = 0;
    /// Gold timexes missed or wrongly valued, for people: "FILE: text (gold value / ours)".
    std::vector<std::string> errors;
};

/// Adds one document's results to the report.
void score_tempeval(const TmlDocument& doc, const std::vector<TimeSpan>& found,
                    TempEvalReport& report);

/// Runs the tagger on every .tml file in the given directories (or files) against its DCT.
TempEvalReport evaluate_tempeval(const std::vector<std::filesystem::path>& inputs,
                                 const Knowledge& kb);

/// The table by type and overall, beside HeidelTime's published TempEval-3 figures.
std::string format_tempeval_table(const TempEvalReport& report);

}  // namespace parley
