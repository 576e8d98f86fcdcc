// Note and entry numbers read digit by digit ("[^12]:", superscript "¹²"):
// a number with more digits than any essay numbers its notes with
// saturates at kMaxNoteNumber instead of overflowing int. Stateless.
#pragma once

namespace marginalia::rubrics {

inline constexpr int kMaxNoteNumber = 999999999;

// `number` followed by decimal `digit` (0-9), or kMaxNoteNumber when that
// would pass it.
inline int AppendNoteDigit(int number, int digit) {
  return number > (kMaxNoteNumber - digit) / 10 ? kMaxNoteNumber
                                                : number * 10 + digit;
}

}  // namespace marginalia::rubrics
