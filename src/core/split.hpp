// Splitting the lists inside data-file columns ("met|meets|meeting"): one helper for every
// table the stages compile.
#pragma once

#include <string_view>
#include <vector>

namespace parley::detail {

/// `s` without leading and trailing spaces, tabs and carriage returns.
inline std::string_view trim_blanks(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

/// The non-empty, trimmed items of `s` between separators (views into `s`).
inline std::vector<std::string_view> split_list(std::string_view s, char sep = '|') {
    std::vector<std::string_view> out;
    while (true) {
        const auto at = s.find(sep);
        if (auto item = trim_blanks(s.substr(0, at)); !item.empty()) out.push_back(item);
        if (at == std::string_view::npos) break;
        s.remove_prefix(at + 1);
    }
    return out;
}

}  // namespace parley::detail
