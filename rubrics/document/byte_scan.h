// Skipping to the next byte a scanner cares about, eight bytes at a time.
// Most bytes of an essay are letters and spaces that the passes looking for
// sentence ends, doubled punctuation or superscripts step over; testing a
// 64-bit word for a few byte values (SWAR) costs about as much as testing
// one byte. Where SSE2 is available (every x86-64), sixteen bytes are tested
// at a time with byte compares instead.
#pragma once

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "absl/strings/string_view.h"

namespace marginalia::rubrics {
namespace internal {

inline constexpr uint64_t kEveryByte = 0x0101010101010101ULL;
inline constexpr uint64_t kHighBits = 0x8080808080808080ULL;

// Nonzero exactly when some byte of `word` equals `byte`.
template <char kByte>
uint64_t HasByte(uint64_t word) {
  uint64_t diff =
      word ^
      (static_cast<uint64_t>(static_cast<unsigned char>(kByte)) * kEveryByte);
  return (diff - kEveryByte) & ~diff & kHighBits;
}

#if defined(__SSE2__)
// A mask with bit i set when byte i of the sixteen at `data` is wanted.
template <bool kNonAscii, char... kAscii>
int WantedBytes16(const char* data) {
  __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data));
  // A byte >= 0x80 has its top bit set already, which is what movemask reads.
  __m128i hits = kNonAscii ? block : _mm_setzero_si128();
  ((hits = _mm_or_si128(hits, _mm_cmpeq_epi8(block, _mm_set1_epi8(kAscii)))),
   ...);
  return _mm_movemask_epi8(hits);
}
#endif

template <bool kNonAscii, char... kAscii>
constexpr std::array<bool, 256> MakeByteTable() {
  std::array<bool, 256> table{};
  ((table[static_cast<unsigned char>(kAscii)] = true), ...);
  if (kNonAscii) {
    for (int b = 0x80; b < 256; ++b) table[b] = true;
  }
  return table;
}

}  // namespace internal

// The first offset in [pos, end) of `text` whose byte is one of `kAscii`
// or, when `kNonAscii`, any byte of a multi-byte character (>= 0x80);
// `end` when there is none. REQUIRES: pos <= end <= text.size().
template <bool kNonAscii, char... kAscii>
std::size_t FindByte(absl::string_view text, std::size_t pos, std::size_t end) {
  static constexpr std::array<bool, 256> kTable =
      internal::MakeByteTable<kNonAscii, kAscii...>();
  const char* data = text.data();
#if defined(__SSE2__)
  while (pos + 16 <= end) {
    int wanted = internal::WantedBytes16<kNonAscii, kAscii...>(data + pos);
    if (wanted != 0) return pos + __builtin_ctz(static_cast<unsigned>(wanted));
    pos += 16;
  }
#endif
  while (pos + 8 <= end) {
    uint64_t word;
    std::memcpy(&word, data + pos, 8);
    uint64_t hits = (kNonAscii ? word & internal::kHighBits : 0) |
                    (internal::HasByte<kAscii>(word) | ... | 0);
    if (hits != 0) break;  // a wanted byte is among these eight
    pos += 8;
  }
  for (; pos < end; ++pos) {
    if (kTable[static_cast<unsigned char>(data[pos])]) return pos;
  }
  return end;
}

}  // namespace marginalia::rubrics
