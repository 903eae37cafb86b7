// One fast string hash for the extractor's word tables. Tokens carry it (Tok::hash), so each
// stage's lookup reuses it instead of hashing the word again.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace parley::detail {

inline uint64_t load64(const char* p) noexcept {
    uint64_t x;
    std::memcpy(&x, p, 8);  // a constant size: one load, no call
    return x;
}
inline uint64_t load32(const char* p) noexcept {
    uint32_t x;
    std::memcpy(&x, p, 4);
    return x;
}

/// Eight bytes a step (std::hash and FNV go one byte at a time), fully mixed: its low bits
/// index power-of-two tables and its high half serves as a tag. The last sixteen bytes or fewer
/// are read as two overlapping loads, never by a loop or a variable-length copy: a word's
/// length is random, and a branch on it would be mispredicted once a word.
inline uint64_t fast_hash(std::string_view w) noexcept {
    constexpr uint64_t k = 0x9E3779B97F4A7C15ull;
    const char* p = w.data();
    std::size_t n = w.size();
    uint64_t h = n * k;
    const auto mix = [&h](uint64_t x) {
        h = (h ^ x) * k;
        h ^= h >> 29;
    };
    for (; n > 16; p += 8, n -= 8) mix(load64(p));
    if (n >= 8) {
        mix(load64(p));
        mix(load64(p + n - 8));
    } else if (n >= 4) {
        mix(load32(p) | (load32(p + n - 4) << 32));
    } else if (n > 0) {
        const auto b = [p](std::size_t i) { return uint64_t{static_cast<unsigned char>(p[i])}; };
        mix(b(0) | (b(n >> 1) << 8) | (b(n - 1) << 16));
    }
    h ^= h >> 32;
    h *= 0xD6E8FEB86659FD93ull;
    return h ^ (h >> 32);
}

}  // namespace parley::detail
