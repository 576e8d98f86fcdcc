// Splits a prose block into sentences without being fooled by abbreviations
// ("p.", "e.g.", "et al."), initials ("J. M. Swales"), decimals ("3.5") or
// full stops inside citations ("(Meisner., 1986)").
#pragma once

#include <vector>

#include "absl/strings/string_view.h"
#include "rubrics/document/document.h"

namespace marginalia::rubrics {

// Appends the sentences of text[span) to `out`. `parentheticals` are the
// block's bracketed spans, sorted by start; a full stop inside a closed one
// does not end a sentence unless the bracket closes right after it.
void SplitSentences(absl::string_view text, TextSpan span, uint32_t paragraph,
                    const Parenthetical* parentheticals,
                    std::size_t parenthetical_count,
                    std::vector<Sentence>* out);

// True when `token` (the letters before a full stop, e.g. "al", "e.g", "Dr")
// is an abbreviation that does not end a sentence.
bool IsNonTerminalAbbreviation(absl::string_view token);

}  // namespace marginalia::rubrics
