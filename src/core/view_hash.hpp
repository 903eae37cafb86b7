// Transparent hashing for maps and sets keyed by std::string: lookups take a std::string_view
// of the text without building a key string.
#pragma once

#include "core/word_hash.hpp"

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace parley::detail {

struct ViewHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return fast_hash(s); }
};

template <class V>
using ViewMap = std::unordered_map<std::string, V, ViewHash, std::equal_to<>>;
using ViewSet = std::unordered_set<std::string, ViewHash, std::equal_to<>>;

}  // namespace parley::detail
