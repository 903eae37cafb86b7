// Fuzz target: the whole extractor (text or HTML in). Either a clean InputError, or events
// whose offsets and participants are consistent.
#include <parley/error.hpp>
#include <parley/extract.hpp>
#include <parley/json.hpp>
#include <parley/knowledge.hpp>

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const parley::Knowledge kb(PARLEY_DATA_DIR);
    parley::IngestOptions opts;
    opts.date_override = parley::parse_iso_day("2001-09-11");
    try {
        auto x = parley::extract(
            parley::parse_document(std::string_view(reinterpret_cast<const char*>(data), size),
                                   "fuzz", kb, opts),
            kb);
        for (const auto& e : x.events) {
            if (e.evidence.begin > e.evidence.end || e.evidence.end > x.document.text.size())
                std::abort();
            if (e.participants.empty()) std::abort();
            if (e.date.first.has_value() != e.date.last.has_value()) std::abort();
            if (e.date.first && *e.date.first > *e.date.last) std::abort();
            auto back = parley::event_from_json(parley::to_json_line(e), "fuzz");
            if (back.participants.size() != e.participants.size()) std::abort();
        }
        for (const auto& m : x.actors.mentions)
            if (m.actor < 0 || static_cast<std::size_t>(m.actor) >= x.actors.actors.size())
                std::abort();
    } catch (const parley::InputError&) {
    }
    return 0;
}
