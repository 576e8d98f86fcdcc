// Reads in-text citations out of the text inside a pair of brackets, as
// students really write them: APA "(Smith, 2019, p. 4)", Harvard
// "(Smith 2019: 4)", Chicago "(Smith 2019, 4)", MLA "(Smith 45)", several in
// one bracket "(A, 2001; B & C, 2002)", "et al.", corporate authors, "2018a",
// "n.d.", and malformed ones such as "(Meisner., 1986)". Pure functions.
#pragma once

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "marginalia/v1/report.pb.h"

namespace marginalia::rubrics {

// One citation read from a bracket.
struct ParsedCitation {
  std::vector<std::string> authors;  // family names (or a corporate name)
  bool et_al = false;
  std::string year;     // "2019", "2018a", "n.d."; empty for MLA
  std::string locator;  // as written, trimmed: "p.169", "45", "ch. 3"
  bool uses_and = false;
  bool uses_ampersand = false;
  // "(1986)" or "(1986, p. 4)": the bracket of a narrative citation, whose
  // author stands before it in the sentence.
  bool year_only = false;
  // "(p. 45)": a page for the source just cited.
  bool locator_only = false;
  marginalia::v1::CitationStyle style =
      marginalia::v1::CITATION_STYLE_UNSPECIFIED;
  // "(Smith 2019)" fits Harvard and Chicago author-date alike.
  bool chicago_compatible = false;
  // Why the punctuation fits no style, as the end of a sentence starting
  // "This citation ...": "puts a full stop after the author's name".
  std::string format_problem;
  // The page is written irregularly ("p.169", "pg 4", a bare "45" in APA).
  bool irregular_page = false;
};

// The citations in `inner` (the text between the brackets), or none when it
// is not a citation: "(CPC)", "(1949-1953)", "(see below)".
std::vector<ParsedCitation> ParseBracketCitations(absl::string_view inner);

// The numbers of a numeric citation "[3]", "[1-3, 5]", "[3, p. 5]"; empty
// when `inner` is not one.
std::vector<int> ParseNumericCitation(absl::string_view inner);

// The position [*begin, *end) of the first publication year in `text`
// ("1986", "2018a", "n.d.", "in press"); false when there is none.
bool FindYear(absl::string_view text, std::size_t* begin, std::size_t* end);

// A page locator in canonical form ("p.169" -> "p. 169", "pp 4-5" ->
// "pp. 4–5", "pg. 3" -> "p. 3"); other locators ("ch. 3") unchanged.
// `*irregular` says whether the written form differed from the canonical.
// `bare_number_is_page`: a bare "45" means page 45 (APA, Harvard).
std::string NormalizeLocator(absl::string_view locator,
                             bool bare_number_is_page, bool* irregular);

// The citation written in `style` (APA, Harvard, Chicago or MLA), e.g.
// "(Bianco & Horko, 2018, p. 169)". An empty locator with
// `page_placeholder` set writes "p. __" where the page should go; an empty
// year is written "n.d." (no date).
std::string FormatCitation(const std::vector<std::string>& authors, bool et_al,
                           absl::string_view year, absl::string_view locator,
                           marginalia::v1::CitationStyle style,
                           bool page_placeholder = false);

// "APA", "Harvard", "Chicago author-date", "MLA", "numeric".
absl::string_view StyleName(marginalia::v1::CitationStyle style);

}  // namespace marginalia::rubrics
