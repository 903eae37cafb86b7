// The key one actor's spellings share: the rule that decides "same actor" across articles,
// for the corpus, `parley actors` and the timeline alike.
#include <parley/actor.hpp>
#include <parley/text.hpp>

#include <cctype>
#include <vector>

namespace parley {

std::string actor_key(std::string_view name) {
    const std::string folded = fold(name);
    std::vector<std::string> tokens;
    std::vector<bool> hyphenated;  // token followed by '-': "al-Assad"
    std::string cur;
    auto flush = [&](bool hyphen) {
        if (!cur.empty()) {
            tokens.push_back(std::move(cur));
            hyphenated.push_back(hyphen);
        }
        cur.clear();
    };
    for (char c : folded) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || u >= 0x80)
            cur += c;
        else if (c == '\'')
            continue;  // "O'Brien" = "OBrien"
        else
            flush(c == '-');
    }
    flush(false);
    // Drop particles and middle initials, but never the whole name.
    std::vector<std::string> kept;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const auto& t = tokens[i];
        // "Saud al Faisal", "al-Assad"; but "Al Gore" keeps his first name.
        const bool particle =
            (t == "al" || t == "el") && i + 1 < tokens.size() && (i > 0 || hyphenated[i]);
        const bool middle_initial = t.size() == 1 && i > 0 && i + 1 < tokens.size();
        if (!particle && !middle_initial) kept.push_back(t);
    }
    if (kept.empty()) kept = tokens;
    std::string out;
    for (const auto& t : kept) {
        if (!out.empty()) out += ' ';
        out += t;
    }
    return out;
}

}  // namespace parley
