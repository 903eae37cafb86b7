// FNV-1a and its 16-hex-digit text: the document and event ids. Their values are stored in
// corpora (re-ingesting an article must find its events again), so neither may change.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace parley::detail {

/// The seed of document and event ids since the first release (not FNV's usual basis; kept).
inline constexpr uint64_t kIdSeed = 1469598103934665603ull;

inline uint64_t fnv1a(std::string_view s, uint64_t h = kIdSeed) noexcept {
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

/// `v` as 16 lower-case hex digits.
inline std::string hex16(uint64_t v) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i, v >>= 4) out[static_cast<std::size_t>(i)] = kDigits[v & 15];
    return out;
}

}  // namespace parley::detail
