// Whether a reader can tell where a quotation comes from when the citation
// finder read no citation for it: the guard that keeps one unread citation
// form from becoming "this quotation is not attributed" ten times over.
// Built once per document; immutable and safe to share after construction.
#pragma once

#include <optional>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "rubrics/analysis/analysis_result.h"
#include "rubrics/analysis/citations/locator_marks.h"
#include "rubrics/document/document.h"

namespace marginalia::rubrics {

class QuoteAttribution {
 public:
  // `result` must hold the citations and references already found.
  QuoteAttribution(const Document& document, const AnalysisResult& result);

  // True when the quotation is attributed in a way the finder does not
  // read as a citation: a bracket holding a page, year or locator ("(49)",
  // "(pg. 19)", "(Site.com/Page, 1)"), or a footnote marker, after it in
  // its sentence or the next; or an author the essay cites (or lists) named
  // in its sentence or the one before ("As Lewis argues, ..."). A block
  // quotation also counts its lead-in paragraph and the paragraph after.
  bool LooksAttributed(const Quotation& quote) const;

  // True when the essay holds marks that look like citations but were not
  // read as any: a bracket with a page or year outside every citation, or a
  // footnote marker. Without them, an essay with no citations cites nothing.
  bool HasUnreadCitationMarks(const AnalysisResult& result) const;

  // True when `span` holds a bracket with a page, year or locator, a
  // footnote marker, or the name of an author the essay cites or lists.
  bool MentionsSource(TextSpan span) const {
    return HasLocatorBracket(span.begin, span.end) ||
           HasFootnoteMarker(span.begin, span.end) ||
           NamesKnownAuthor(span.begin, span.end);
  }

 private:
  bool HasLocatorBracket(uint32_t begin, uint32_t end) const;
  bool HasFootnoteMarker(uint32_t begin, uint32_t end) const;
  bool NamesKnownAuthor(uint32_t begin, uint32_t end) const;
  // [begin of sentence `s`, end of sentence `s + extra`) within paragraph.
  TextSpan Sentences(int first, int last) const;

  const Document& doc_;
  // Built on the first bracket looked at: many essays quote nothing.
  mutable std::optional<LocatorMarks> locators_;
  absl::flat_hash_set<std::string> authors_;
};

}  // namespace marginalia::rubrics
