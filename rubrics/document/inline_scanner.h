// Finds the words, quotations and bracketed spans of one block in a single
// pass over its code points.
#pragma once

#include <vector>

#include "absl/strings/string_view.h"
#include "rubrics/document/document.h"

namespace marginalia::rubrics {

// What one block holds inline. Quotations and parentheticals are sorted by
// start offset (outer before inner).
struct InlineContent {
  std::vector<Word> words;
  std::vector<Quotation> quotations;
  std::vector<Parenthetical> parentheticals;
  std::vector<StrayBracket> stray_brackets;
};

// Scans text[span) of paragraph `paragraph`, appending to `out`.
void ScanInline(absl::string_view text, TextSpan span, uint32_t paragraph,
                InlineContent* out);

// English syllables of a word, by vowel groups (at least 1).
uint8_t CountSyllables(absl::string_view word);

}  // namespace marginalia::rubrics
