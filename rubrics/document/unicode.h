// Code-point access to UTF-8 text and the character classes the segmenter
// needs, on top of ICU's UTF-8 macros and character properties. ASCII takes a
// table fast path; everything else asks ICU.
#pragma once

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>
#include <cstddef>
#include <cstdint>

#include "absl/strings/string_view.h"

namespace marginalia::rubrics {

// Returns the code point starting at byte `*pos` and advances `*pos` past it.
// An ill-formed sequence yields a negative value and advances by at least one
// byte. REQUIRES: *pos < text.size() and text.size() < 2^31.
inline UChar32 NextCodePoint(absl::string_view text, std::size_t* pos) {
  unsigned char first = static_cast<unsigned char>(text[*pos]);
  if (first < 0x80) {
    ++*pos;
    return first;
  }
  int32_t i = static_cast<int32_t>(*pos);
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i,
          static_cast<int32_t>(text.size()), c);
  *pos = static_cast<std::size_t>(i);
  return c;
}

// Returns the code point ending just before byte `*pos` and moves `*pos` to
// its first byte. REQUIRES: *pos > 0.
inline UChar32 PrevCodePoint(absl::string_view text, std::size_t* pos) {
  unsigned char last = static_cast<unsigned char>(text[*pos - 1]);
  if (last < 0x80) {
    --*pos;
    return last;
  }
  int32_t i = static_cast<int32_t>(*pos);
  UChar32 c;
  U8_PREV(reinterpret_cast<const uint8_t*>(text.data()), 0, i, c);
  *pos = static_cast<std::size_t>(i);
  return c;
}

// The code point at `pos` without advancing; -1 at the end of the text.
inline UChar32 CodePointAt(absl::string_view text, std::size_t pos) {
  if (pos >= text.size()) return -1;
  return NextCodePoint(text, &pos);
}

// The code point before `pos`; -1 at the start of the text.
inline UChar32 CodePointBefore(absl::string_view text, std::size_t pos) {
  if (pos == 0) return -1;
  return PrevCodePoint(text, &pos);
}

// True when `text` is well-formed UTF-8. On failure, `*error_offset` (when
// given) is the byte offset of the first ill-formed sequence.
bool IsValidUtf8(absl::string_view text, std::size_t* error_offset = nullptr);

namespace internal {
// Classes of ASCII characters, for the inline fast paths below.
enum AsciiClass : uint8_t {
  kLetter = 1,
  kDigit = 2,
  kUpper = 4,
  kLower = 8,
  kSpace = 16,
};
constexpr std::array<uint8_t, 128> MakeAsciiClasses() {
  std::array<uint8_t, 128> table{};
  for (int c = 'a'; c <= 'z'; ++c) table[c] = kLetter | kLower;
  for (int c = 'A'; c <= 'Z'; ++c) table[c] = kLetter | kUpper;
  for (int c = '0'; c <= '9'; ++c) table[c] = kDigit;
  for (char c : {' ', '\t', '\n', '\r', '\f', '\v'}) table[c] = kSpace;
  return table;
}
inline constexpr std::array<uint8_t, 128> kAsciiClasses = MakeAsciiClasses();
inline bool Ascii(UChar32 c, uint8_t bits) {
  return (kAsciiClasses[c] & bits) != 0;
}
// ICU lookups for code points beyond ASCII.
bool IsAlnumSlow(UChar32 c);
bool IsLetterSlow(UChar32 c);
bool IsDigitSlow(UChar32 c);
bool IsUpperSlow(UChar32 c);
bool IsLowerSlow(UChar32 c);
bool IsSpaceSlow(UChar32 c);
bool IsDashSlow(UChar32 c);
}  // namespace internal

// Character classes of a code point; negative values (ill-formed input) are
// in none. ASCII is answered inline, everything else by ICU.
// Letters and digits in any script (word characters).
inline bool IsAlnum(UChar32 c) {
  if (c >= 0 && c < 128)
    return internal::Ascii(c, internal::kLetter | internal::kDigit);
  return c >= 128 && internal::IsAlnumSlow(c);
}
inline bool IsLetter(UChar32 c) {
  if (c >= 0 && c < 128) return internal::Ascii(c, internal::kLetter);
  return c >= 128 && internal::IsLetterSlow(c);
}
inline bool IsDigit(UChar32 c) {
  if (c >= 0 && c < 128) return internal::Ascii(c, internal::kDigit);
  return c >= 128 && internal::IsDigitSlow(c);
}
inline bool IsUpper(UChar32 c) {
  if (c >= 0 && c < 128) return internal::Ascii(c, internal::kUpper);
  return c >= 128 && internal::IsUpperSlow(c);
}
inline bool IsLower(UChar32 c) {
  if (c >= 0 && c < 128) return internal::Ascii(c, internal::kLower);
  return c >= 128 && internal::IsLowerSlow(c);
}
// White space, including no-break spaces.
inline bool IsSpace(UChar32 c) {
  if (c >= 0 && c < 128) return internal::Ascii(c, internal::kSpace);
  return c >= 128 && internal::IsSpaceSlow(c);
}
// Hyphens and dashes (Unicode Dash property).
inline bool IsDash(UChar32 c) {
  if (c >= 0 && c < 128) return c == '-';
  return c >= 128 && internal::IsDashSlow(c);
}
// The value of a superscript digit (¹, ², ³, ⁰, ⁴-⁹), as footnote markers
// are written, or -1.
inline int SuperscriptDigit(UChar32 c) {
  if (c == 0xB9) return 1;
  if (c == 0xB2) return 2;
  if (c == 0xB3) return 3;
  if (c >= 0x2070 && c <= 0x2079) return c - 0x2070;
  return -1;
}
// ASCII-only lower-casing, which is all the English word lists need.
inline char AsciiLower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// Number of code points in `text` (ill-formed bytes count one each).
std::size_t CountCodePoints(absl::string_view text);

}  // namespace marginalia::rubrics
