#include "rubrics/document/unicode.h"

#include <array>
#include <cstring>

namespace marginalia::rubrics {
namespace internal {

bool IsAlnumSlow(UChar32 c) {
  return u_isalnum(c) || u_hasBinaryProperty(c, UCHAR_ALPHABETIC);
}
bool IsLetterSlow(UChar32 c) {
  return u_hasBinaryProperty(c, UCHAR_ALPHABETIC);
}
bool IsDigitSlow(UChar32 c) { return u_isdigit(c); }
bool IsUpperSlow(UChar32 c) { return u_isUUppercase(c) || u_istitle(c); }
bool IsLowerSlow(UChar32 c) { return u_isULowercase(c); }
bool IsSpaceSlow(UChar32 c) { return u_isUWhiteSpace(c); }
bool IsDashSlow(UChar32 c) { return u_hasBinaryProperty(c, UCHAR_DASH); }

}  // namespace internal

bool IsValidUtf8(absl::string_view text, std::size_t* error_offset) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      ++pos;
      continue;
    }
    std::size_t start = pos;
    if (NextCodePoint(text, &pos) < 0) {
      if (error_offset != nullptr) *error_offset = start;
      return false;
    }
  }
  return true;
}

std::size_t CountCodePoints(absl::string_view text) {
  // Every byte that does not continue a sequence starts a code point. Eight
  // bytes at a time: a continuation byte has bit 7 set and bit 6 clear.
  std::size_t continuation = 0;
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    uint64_t marks = (word & ~(word << 1) & 0x8080808080808080ULL) >> 7;
    // Sum the eight 0/1 bytes with one multiplication.
    continuation +=
        static_cast<std::size_t>((marks * 0x0101010101010101ULL) >> 56);
  }
  for (; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++continuation;
  }
  return text.size() - continuation;
}

}  // namespace marginalia::rubrics
