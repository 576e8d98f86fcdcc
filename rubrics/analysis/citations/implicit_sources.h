// The citations MLA leaves implicit: a bracket with only a page ("(49)")
// whose source is named in its sentence, was cited just before, or is the
// essay's only listed work; and a bracket naming only an author the
// reference list has ("(Ritchie)"). Built once per document after the
// reference list is parsed; immutable afterwards.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "rubrics/analysis/analysis_result.h"
#include "rubrics/document/document.h"

namespace marginalia::rubrics {

class ImplicitSources {
 public:
  ImplicitSources(const Document& document, const AnalysisResult& result);

  // Whether `inner` is a bare locator: digits with '-', '.', ',' or an en
  // dash between them.
  static bool IsBareLocator(absl::string_view inner);

  // The authors of the work a page-only `bracket` refers to: an author of
  // the reference list named earlier in its sentence, else the work of the
  // last citation in its paragraph (`so_far` in text order), else the only
  // work listed. Empty when none is clear.
  std::vector<std::string> ForPage(
      const Parenthetical& bracket,
      const std::vector<CitationRecord>& so_far) const;

  // For a bracket holding only a number or range ("(49)", "(62-3)",
  // "(1.1.36-38)"): the work as ForPage() finds it when the bracket follows
  // a quotation, else only an author named earlier in its sentence. A bare
  // number elsewhere is as often a list marker. Empty when none is clear.
  std::vector<std::string> ForBareLocator(
      const Parenthetical& bracket,
      const std::vector<CitationRecord>& so_far) const;

  // Whether `bracket` closes on a quotation: '"...." (49)', or ends one:
  // '"... to our law (1.1.41-44)"'. A page there is a citation even when
  // its source is not clear.
  bool FollowsQuotation(const Parenthetical& bracket) const;

  // Whether a bare page `bracket` is a citation although no quotation
  // closes there: it ends a sentence ("... charge fees (85).") in an essay
  // that cites pages after its quotations in the same bare form.
  bool IsPageOfParaphrase(const Parenthetical& bracket) const;

  // Whether `inner` is a life span, "1711-1776", rather than pages.
  static bool IsLifeSpan(absl::string_view inner);

  // For a bracket after a quotation that holds only a name or a short
  // title ("(Kelley)", "(Gibbs, Critique)", "(The Prince)"): the name, as
  // the source's, or no name for a title (a citation of a work we cannot
  // name). Nullopt when the bracket is not such a citation, e.g. after a
  // quoted term rather than a quotation: 'the "Volksgemeinschaft" (People's
  // Community)' translates.
  std::optional<std::vector<std::string>> NameAfterQuotation(
      const Parenthetical& bracket) const;

  // The authors of the listed work whose first author is all `inner` says
  // ("Ritchie", "Ritchie et al."), or empty.
  std::vector<std::string> ForAuthorOnly(absl::string_view inner) const;

 private:
  std::vector<std::string> NamedInSentence(const Parenthetical& bracket) const;
  // Whether the quotation just before `bracket` runs to several words.
  bool FollowsLongQuotation(const Parenthetical& bracket) const;

  const Document& doc_;
  // Folded family name of an entry's first author -> the entry's authors.
  absl::flat_hash_map<std::string, std::vector<std::string>> by_family_;
  // The authors of the only listed work, when exactly one is listed.
  std::vector<std::string> only_work_;
  // Bare pages that follow a quotation: the essay's way of citing.
  int quoted_bare_pages_ = 0;
};

}  // namespace marginalia::rubrics
