#include "rubrics/document/unicode.h"

#include <array>

namespace marginalia::rubrics {
namespace {

enum AsciiClass : uint8_t {
  kLetter = 1,
  kDigit = 2,
  kUpper = 4,
  kLower = 8,
  kSpace = 16,
};

constexpr std::array<uint8_t, 128> MakeAsciiTable() {
  std::array<uint8_t, 128> table{};
  for (int c = 'a'; c <= 'z'; ++c) table[c] = kLetter | kLower;
  for (int c = 'A'; c <= 'Z'; ++c) table[c] = kLetter | kUpper;
  for (int c = '0'; c <= '9'; ++c) table[c] = kDigit;
  for (char c : {' ', '\t', '\n', '\r', '\f', '\v'}) table[c] = kSpace;
  return table;
}

constexpr std::array<uint8_t, 128> kAscii = MakeAsciiTable();

inline bool AsciiHas(UChar32 c, uint8_t bits) { return kAscii[c] & bits; }

}  // namespace

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

bool IsAlnum(UChar32 c) {
  if (c < 0) return false;
  if (c < 128) return AsciiHas(c, kLetter | kDigit);
  return u_isalnum(c) || u_hasBinaryProperty(c, UCHAR_ALPHABETIC);
}

bool IsLetter(UChar32 c) {
  if (c < 0) return false;
  if (c < 128) return AsciiHas(c, kLetter);
  return u_hasBinaryProperty(c, UCHAR_ALPHABETIC);
}

bool IsDigit(UChar32 c) {
  if (c < 0) return false;
  if (c < 128) return AsciiHas(c, kDigit);
  return u_isdigit(c);
}

bool IsUpper(UChar32 c) {
  if (c < 0) return false;
  if (c < 128) return AsciiHas(c, kUpper);
  return u_isUUppercase(c) || u_istitle(c);
}

bool IsLower(UChar32 c) {
  if (c < 0) return false;
  if (c < 128) return AsciiHas(c, kLower);
  return u_isULowercase(c);
}

bool IsSpace(UChar32 c) {
  if (c < 0) return false;
  if (c < 128) return AsciiHas(c, kSpace);
  return u_isUWhiteSpace(c);
}

bool IsDash(UChar32 c) {
  if (c < 0) return false;
  if (c < 128) return c == '-';
  return u_hasBinaryProperty(c, UCHAR_DASH);
}

std::size_t CountCodePoints(absl::string_view text) {
  std::size_t count = 0;
  for (char ch : text) {
    // Count every byte that does not continue a sequence.
    if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) ++count;
  }
  return count;
}

}  // namespace marginalia::rubrics
