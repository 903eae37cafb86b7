// Printing an evaluation report: the table, the JSON object and the per-document error lists.
#include <parley/eval.hpp>

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <sstream>

namespace parley {

namespace {

constexpr const char* kDateDefinition =
    "among extracted/gold pairs matched on type and actors only (dates ignored, one-to-one), "
    "the share whose extracted [first,last] equals the gold date or span exactly (gold null "
    "wants null); lenient_share: the share passing the lenient date rule";

std::string ratio(bool defined, double x) {
    if (!defined) return "    -";
    char buf[16];
    std::snprintf(buf, sizeof buf, "%5.3f", x);
    return buf;
}

std::string mode_cells(const Counts& c) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%4zu %4zu %4zu ", c.tp, c.fp, c.fn);
    return buf + ratio(c.has_precision(), c.precision()) + " " + ratio(c.has_recall(), c.recall()) +
           " " + ratio(c.has_precision() || c.has_recall(), c.f1());
}

std::string table_row(const std::string& name, const TypeScore& t) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%-12s %5zu %5zu | ", name.c_str(), t.gold, t.extracted);
    return buf + mode_cells(t.lenient) + " | " + mode_cells(t.strict) + "\n";
}

nlohmann::ordered_json rounded(bool defined, double x) {
    if (!defined) return nullptr;
    return std::round(x * 10000.0) / 10000.0;
}

nlohmann::ordered_json counts_json(const Counts& c) {
    return {{"tp", c.tp},
            {"fp", c.fp},
            {"fn", c.fn},
            {"precision", rounded(c.has_precision(), c.precision())},
            {"recall", rounded(c.has_recall(), c.recall())},
            {"f1", rounded(c.has_precision() || c.has_recall(), c.f1())}};
}

nlohmann::ordered_json type_json(const TypeScore& t) {
    return {{"gold", t.gold},
            {"extracted", t.extracted},
            {"lenient", counts_json(t.lenient)},
            {"strict", counts_json(t.strict)}};
}

/// The first `max` bytes of a sentence, cut at a UTF-8 character boundary.
std::string snippet(std::string_view s, std::size_t max = 100) {
    if (s.size() <= max) return std::string(s);
    std::size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    return std::string(s.substr(0, cut)) + "...";
}

std::string join_names(const std::vector<std::string>& names) {
    std::string out = "[";
    for (std::size_t i = 0; i < names.size(); ++i) out += (i ? ", " : "") + names[i];
    return out + "]";
}

std::string describe(const Event& e) {
    std::vector<std::string> names;
    for (const auto& p : e.participants) names.push_back(p.name);
    return std::string(to_string(e.type)) + " " + join_names(names) + " " +
           format_event_date(e.date) + " \"" + snippet(e.evidence.sentence) + "\"";
}

std::string describe(const GoldEvent& g) {
    return std::string(to_string(g.type)) + " " + join_names(g.actors) + " " +
           (g.date ? format_day_span(*g.date) : std::string("null")) + " \"" + snippet(g.evidence) +
           "\"";
}

const std::pair<std::size_t, std::size_t>* partner_of_gold(const Alignment& a, std::size_t j) {
    for (const auto& p : a.pairs)
        if (p.second == j) return &p;
    return nullptr;
}

}  // namespace

std::string format_report_table(const Report& r) {
    std::ostringstream out;
    out << "parley eval: " << r.documents << " documents, " << r.overall.gold << " gold events, "
        << r.overall.extracted << " extracted\n";
    char head[256];
    std::snprintf(head, sizeof head, "%-24s | %-32s | %s\n%-12s %5s %5s | %s | %s\n", "", "lenient",
                  "strict", "type", "gold", "extr", "  tp   fp   fn     P     R    F1",
                  "  tp   fp   fn     P     R    F1");
    out << head;
    for (const auto& [type, t] : r.by_type) out << table_row(to_string(type), t);
    out << table_row("overall", r.overall);
    char buf[256];
    if (r.dates.matched) {
        std::snprintf(
            buf, sizeof buf,
            "date accuracy: %zu of %zu events matched on type and actors (dates ignored) "
            "have the exact gold date (%.1f%%); %zu (%.1f%%) pass the lenient date rule\n",
            r.dates.exact, r.dates.matched, 100.0 * r.dates.exact_share(), r.dates.lenient,
            100.0 * r.dates.lenient_share());
    } else {
        std::snprintf(
            buf, sizeof buf,
            "date accuracy: - (no extracted event matches a gold event on type and actors)\n");
    }
    out << buf;
    return out.str();
}

std::string format_report_json(const Report& r) {
    nlohmann::ordered_json j;
    j["documents"] = r.documents;
    j["overall"] = type_json(r.overall);
    j["by_type"] = nlohmann::ordered_json::object();
    for (const auto& [type, t] : r.by_type) j["by_type"][to_string(type)] = type_json(t);
    j["date_accuracy"] = {{"definition", kDateDefinition},
                          {"matched", r.dates.matched},
                          {"exact", r.dates.exact},
                          {"exact_share", rounded(r.dates.matched > 0, r.dates.exact_share())},
                          {"lenient", r.dates.lenient},
                          {"lenient_share", rounded(r.dates.matched > 0, r.dates.lenient_share())}};
    return j.dump() + "\n";
}

std::string format_document_errors(const DocumentScore& d) {
    std::ostringstream out;
    out << "== " << d.document << " (" << d.gold.path << "): " << d.gold.events.size() << " gold, "
        << d.extracted.size() << " extracted; lenient tp " << d.lenient.pairs.size()
        << ", strict tp " << d.strict.pairs.size() << "\n";
    for (auto i : d.lenient.unmatched_extracted)
        out << "  FP   " << describe(d.extracted[i]) << "\n";
    for (auto j : d.lenient.unmatched_gold) {
        out << "  FN   " << describe(d.gold.events[j]) << "\n";
        // When the type and actors were found but the date was not, say which date was given.
        if (const auto* p = partner_of_gold(d.dates, j))
            out << "       (type and actors found, dated "
                << format_event_date(d.extracted[p->first].date) << ")\n";
    }
    // Lenient matches whose date is not exact.
    for (const auto& [i, j] : d.lenient.pairs) {
        if (date_matches(d.extracted[i].date, d.gold.events[j], true)) continue;
        const auto& g = d.gold.events[j];
        out << "  DATE " << to_string(g.type) << " " << join_names(g.actors) << ": extracted "
            << format_event_date(d.extracted[i].date) << ", gold "
            << (g.date ? format_day_span(*g.date) : std::string("null")) << "\n";
    }
    return out.str();
}

}  // namespace parley
