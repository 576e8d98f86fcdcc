// Code-point access to UTF-8 text and the character classes the segmenter
// needs, on top of ICU's UTF-8 macros and character properties. ASCII takes a
// table fast path; everything else asks ICU.
#pragma once

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstddef>
#include <cstdint>

#include "absl/strings/string_view.h"

namespace marginalia::rubrics {

// Returns the code point starting at byte `*pos` and advances `*pos` past it.
// An ill-formed sequence yields a negative value and advances by at least one
// byte. REQUIRES: *pos < text.size() and text.size() < 2^31.
inline UChar32 NextCodePoint(absl::string_view text, std::size_t* pos) {
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

// True for letters and digits in any script (word characters).
bool IsAlnum(UChar32 c);
bool IsLetter(UChar32 c);
bool IsDigit(UChar32 c);
bool IsUpper(UChar32 c);
bool IsLower(UChar32 c);
// White space, including no-break spaces.
bool IsSpace(UChar32 c);
// Hyphens and dashes (Unicode Dash property).
bool IsDash(UChar32 c);
// ASCII-only lower-casing, which is all the English word lists need.
inline char AsciiLower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// Number of code points in `text` (ill-formed bytes count one each).
std::size_t CountCodePoints(absl::string_view text);

}  // namespace marginalia::rubrics
