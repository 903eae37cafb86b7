// Fuzz target: parse_document on arbitrary bytes must either return a consistent Document or
// throw parley::InputError; nothing else (no crash, no other exception).
#include <parley/error.hpp>
#include <parley/ingest.hpp>
#include <parley/knowledge.hpp>

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const parley::Knowledge kb(PARLEY_DATA_DIR);
    try {
        const auto doc = parley::parse_document(
            std::string_view(reinterpret_cast<const char*>(data), size), "fuzz", kb);
        for (const auto& p : doc.paragraphs)
            if (p.begin > p.end || p.end > doc.text.size()) std::abort();
        for (const auto& s : doc.sentences)
            if (s.begin >= s.end || s.end > doc.text.size() || s.paragraph >= doc.paragraphs.size())
                std::abort();
        if (doc.id.size() != 16) std::abort();
    } catch (const parley::InputError&) {
    }
    return 0;
}
