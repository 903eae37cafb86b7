#include "eval/actor_eval.hpp"

#include <parley/error.hpp>
#include <parley/eval.hpp>
#include <parley/extract.hpp>
#include <parley/ingest.hpp>
#include <parley/knowledge.hpp>

#include <algorithm>
#include <cstdio>
#include <set>
#include <sstream>

namespace parley {

namespace {

Participant as_participant(const Actor& a) {
    Participant p;
    p.name = a.name;
    p.kind = a.kind;
    p.country = a.country;
    if (!a.titles.empty()) p.title = a.titles.front();
    return p;
}

std::string percent(std::size_t n, std::size_t d) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", d ? 100.0 * double(n) / double(d) : 0.0);
    return buf;
}

}  // namespace

ActorEvalReport evaluate_actors(const std::filesystem::path& gold_dir, const Knowledge& kb) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(gold_dir, ec)) throw Error(gold_dir.string() + ": not a directory");
    constexpr std::string_view kSuffix = ".gold.json";
    std::vector<fs::path> golds;
    for (const auto& entry : fs::directory_iterator(gold_dir)) {
        const auto name = entry.path().filename().string();
        if (entry.is_regular_file() && name.size() > kSuffix.size() && name.ends_with(kSuffix))
            golds.push_back(entry.path());
    }
    std::sort(golds.begin(), golds.end());

    const auto& names = kb.get<NameMatcher>();
    ActorEvalReport report;
    for (const auto& gold_path : golds) {
        const auto file = gold_path.filename().string();
        const auto text_path = gold_dir / (file.substr(0, file.size() - kSuffix.size()) + ".txt");
        if (!fs::exists(text_path, ec)) continue;
        const GoldDocument gold = load_gold(gold_path);
        IngestOptions ingest;
        ingest.date_override = gold.publication;  // as the event scorer anchors it
        const Extraction ex = extract(load_document(text_path, kb, ingest), kb);

        std::vector<Participant> found;
        ActorDocumentScore d;
        d.document = text_path.filename().string();
        for (const auto& a : ex.actors.actors) {
            found.push_back(as_participant(a));
            d.found.push_back(a.name);
        }
        auto recognised = [&](const std::string& gold_actor) {
            return std::any_of(found.begin(), found.end(), [&](const Participant& p) {
                return names.actor_matches(gold_actor, p);
            });
        };
        std::set<std::string> seen;
        for (const auto& ev : gold.events) {
            for (const auto& ga : ev.actors) {
                const bool ok = recognised(ga);
                ++d.total;
                if (ok)
                    ++d.recognised;
                else
                    d.misses.push_back({ga, ev.evidence});
                if (seen.insert(ga).second) {
                    ++d.distinct_total;
                    if (ok) ++d.distinct_recognised;
                }
            }
        }
        report.total += d.total;
        report.recognised += d.recognised;
        report.distinct_total += d.distinct_total;
        report.distinct_recognised += d.distinct_recognised;
        report.documents.push_back(std::move(d));
    }
    if (report.documents.empty())
        throw Error(gold_dir.string() + ": no NAME.gold.json with NAME.txt beside it");
    return report;
}

std::string format_actor_report(const ActorEvalReport& r, bool verbose) {
    std::ostringstream out;
    out << "parley eval-actors: " << r.documents.size()
        << " documents; gold actors counted once per gold event (distinct per document in "
           "brackets)\n";
    char line[160];
    std::snprintf(line, sizeof line, "%-30s %9s %7s   %11s %7s\n", "document", "found", "share",
                  "distinct", "share");
    out << line;
    auto row = [&](const std::string& name, std::size_t n, std::size_t d, std::size_t dn,
                   std::size_t dd) {
        const auto a = std::to_string(n) + "/" + std::to_string(d);
        const auto b = std::to_string(dn) + "/" + std::to_string(dd);
        std::snprintf(line, sizeof line, "%-30s %9s %7s   (%9s) %7s\n", name.c_str(), a.c_str(),
                      percent(n, d).c_str(), b.c_str(), percent(dn, dd).c_str());
        out << line;
    };
    for (const auto& d : r.documents) {
        row(d.document, d.recognised, d.total, d.distinct_recognised, d.distinct_total);
        if (!verbose) continue;
        for (const auto& m : d.misses)
            out << "    missed: " << m.gold_actor << "  <- \"" << m.evidence << "\"\n";
        if (!d.misses.empty()) {
            out << "    found:";
            for (std::size_t i = 0; i < d.found.size(); ++i) out << (i ? "; " : " ") << d.found[i];
            out << '\n';
        }
    }
    row("overall", r.recognised, r.total, r.distinct_recognised, r.distinct_total);
    return out.str();
}

}  // namespace parley
