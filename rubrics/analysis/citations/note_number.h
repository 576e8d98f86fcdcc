// Note and entry numbers read digit by digit ("[^12]:", superscript "¹²"):
// a number with more digits than any essay numbers its notes with
// saturates at kMaxNoteNumber instead of overflowing int. Stateless.
#pragma once

#include <cstddef>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "rubrics/analysis/citations/name_utils.h"

namespace marginalia::rubrics {

inline constexpr int kMaxNoteNumber = 999999999;

// The longest note label read ("[^White1]", "[^3]:"): longer bracketed text
// is prose or a link, not a note.
inline constexpr std::size_t kMaxNoteLabel = 40;

// `number` followed by decimal `digit` (0-9), or kMaxNoteNumber when that
// would pass it.
inline int AppendNoteDigit(int number, int digit) {
  return number > (kMaxNoteNumber - digit) / 10 ? kMaxNoteNumber
                                                : number * 10 + digit;
}

// The note number of an HTML superscript at the start of `text`,
// "<sup>12</sup>" in any letter case (Markdown essays exported from web
// pages mark notes so), with its length in `*length`; 0 when `text` does not
// start with one.
inline int HtmlSuperscriptNumber(absl::string_view text, std::size_t* length) {
  constexpr absl::string_view kOpen = "<sup>", kClose = "</sup>";
  constexpr std::size_t kMaxDigits = 4;
  if (!absl::StartsWithIgnoreCase(text, kOpen)) return 0;
  std::size_t at = kOpen.size();
  int number = 0;
  while (at < text.size() && at - kOpen.size() < kMaxDigits &&
         absl::ascii_isdigit(text[at])) {
    number = AppendNoteDigit(number, text[at] - '0');
    ++at;
  }
  if (at == kOpen.size() ||
      !absl::StartsWithIgnoreCase(text.substr(at), kClose)) {
    return 0;
  }
  *length = at + kClose.size();
  return number;
}

// Strips an HTML superscript note number ("<sup>3</sup> ") and the white
// space after it from the start of `*text` and returns it; 0, with `*text`
// unchanged, when there is none.
inline int StripHtmlSuperscript(absl::string_view* text) {
  std::size_t length = 0;
  int number = HtmlSuperscriptNumber(*text, &length);
  if (number == 0) return 0;
  *text = TrimSpace(text->substr(length));
  return number;
}

}  // namespace marginalia::rubrics
