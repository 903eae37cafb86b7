// The hashes behind document and event ids, and their 16-hex-digit text. Ids are stored in
// corpora (re-ingesting an article must find its events again): a change to either function
// makes a corpus re-read its articles once.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
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

/// A document's text hash: FNV-1a's prime over little-endian 64-bit words (the tail padded with
/// zeros), each step folded down, seeded with the length. Byte-wise FNV-1a is one serial
/// multiply per byte, the whole article long; this is one per eight bytes.
inline uint64_t text_hash(std::string_view s) noexcept {
    const auto word = [](const char* p, std::size_t n) {
        uint64_t w = 0;
        std::memcpy(&w, p, n);
        if constexpr (std::endian::native == std::endian::big) w = __builtin_bswap64(w);
        return w;
    };
    uint64_t h = kIdSeed ^ (s.size() * 0x9E3779B97F4A7C15ull);
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
        h = (h ^ word(s.data() + i, 8)) * 1099511628211ull;
        h ^= h >> 32;
    }
    if (i < s.size()) {
        h = (h ^ word(s.data() + i, s.size() - i)) * 1099511628211ull;
        h ^= h >> 32;
    }
    h *= 0xFF51AFD7ED558CCDull;  // a final avalanche, as in MurmurHash3's fmix64
    return h ^ (h >> 33);
}

/// `v` as 16 lower-case hex digits.
inline std::string hex16(uint64_t v) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i, v >>= 4) out[static_cast<std::size_t>(i)] = kDigits[v & 15];
    return out;
}

}  // namespace parley::detail
