// Feeds arbitrary bytes as text to the temporal tagger with a fixed anchor.
#include <parley/knowledge.hpp>
#include <parley/time.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
    static const parley::Knowledge kb(PARLEY_DATA_DIR);
    static const parley::TimeOptions opts = [] {
        parley::TimeOptions o;
        o.publication = parley::parse_iso_day("2000-02-29");
        return o;
    }();
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    parley::Diagnostics diags;
    const auto spans = parley::find_times(text, {}, kb, opts, &diags);
    for (const auto& s : spans) {
        // every span lies inside the text and resolved spans are ordered
        if (s.span.end > size || s.span.begin > s.span.end) __builtin_trap();
        if (s.ok() && *s.first > *s.last) __builtin_trap();
    }
    parley::parse_iso_day(text);
    return 0;
}
