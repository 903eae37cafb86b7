// One fast string hash for the extractor's word tables. Tokens carry it (Tok::hash), so each
// stage's lookup reuses it instead of hashing the word again.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace parley::detail {

/// Eight bytes a step (std::hash and FNV go one byte at a time), fully mixed: its low bits
/// index power-of-two tables and its high half serves as a tag.
inline uint64_t fast_hash(std::string_view w) noexcept {
    constexpr uint64_t k = 0x9E3779B97F4A7C15ull;
    uint64_t h = w.size() * k;
    const char* p = w.data();
    std::size_t n = w.size();
    for (; n >= 8; p += 8, n -= 8) {
        uint64_t x;
        std::memcpy(&x, p, 8);
        h = (h ^ x) * k;
        h ^= h >> 29;
    }
    if (n) {
        uint64_t x = 0;
        std::memcpy(&x, p, n);
        h = (h ^ x) * k;
    }
    h ^= h >> 32;
    h *= 0xD6E8FEB86659FD93ull;
    return h ^ (h >> 32);
}

}  // namespace parley::detail
