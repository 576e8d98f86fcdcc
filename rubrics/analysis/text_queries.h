// Lookups the analysers share, each logarithmic rather than a scan, so that
// long essays stay fast: words inside a span, citations in a sentence,
// whether an offset lies inside a citation.
#pragma once

#include <utility>
#include <vector>

#include "rubrics/analysis/analysis_types.h"
#include "rubrics/document/document.h"

namespace marginalia::rubrics {

// Quotations shorter than this are terms or scare quotes ("big push"), not
// quoted evidence.
inline constexpr int kMinEvidenceQuoteWords = 4;

// A closed, top-level quotation long enough to be evidence.
bool IsEvidenceQuotation(const Document& document, const Quotation& quote);

// Number of words lying wholly inside `span`.
int WordsWithin(const Document& document, TextSpan span);

// Number of words of `paragraph` a reader reads: those inside a web address
// ("https://www.britannica.com/biography/Thucydides", a Markdown link's
// target) are left out, so a paragraph full of links is not taken for a
// long one. Linear in the paragraph's length.
int ReadWords(const Document& document, const Paragraph& paragraph);

// Index of the sentence containing byte `offset` or, between sentences, the
// last one before it; -1 before the first. Nondecreasing in `offset`.
int SentenceAt(const Document& document, uint32_t offset);

// [first, last) indices of the citations in `sentence`. REQUIRES: citations
// sorted by position with `sentence` set by SentenceAt (CitationFinder does
// both).
std::pair<std::size_t, std::size_t> CitationsInSentence(
    const std::vector<CitationRecord>& citations, int sentence);

// Whether byte `offset` lies inside a citation. REQUIRES: citations sorted
// by position.
bool InsideCitation(const std::vector<CitationRecord>& citations,
                    uint32_t offset);

}  // namespace marginalia::rubrics
