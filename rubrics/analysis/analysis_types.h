// What the analysers find and pass to one another: citations, reference
// entries, sources and the roles of paragraphs. Plain data.
#pragma once

#include <string>
#include <vector>

#include "marginalia/v1/report.pb.h"
#include "rubrics/document/document.h"

namespace marginalia::rubrics {

// One in-text citation of one source.
struct CitationRecord {
  TextSpan span;  // the bracket, or the narrative name and its bracket
  marginalia::v1::CitationKind kind = marginalia::v1::CITATION_KIND_UNSPECIFIED;
  marginalia::v1::CitationStyle style =
      marginalia::v1::CITATION_STYLE_UNSPECIFIED;
  std::vector<std::string> authors;  // family names as written
  bool et_al = false;
  std::string year;          // "1986", "2018a", "n.d."; empty for MLA
  std::string locator;       // "p.169", "45", "ch. 3"; empty when none
  std::vector<int> numbers;  // numeric citations
  // A Markdown footnote marker with a name: "White1" of "[^White1]".
  std::string label;
  int paragraph = -1;
  int sentence = -1;
  int source = -1;  // index into AnalysisResult::sources
  // The citation rewritten in the expected style when it needs fixing.
  std::string corrected;
  // Why the punctuation matches no style ("a full stop after the name").
  std::string format_problem;
  // The page locator is written irregularly ("p.169", "pg 4").
  bool irregular_page = false;
  // Authors joined with "and" / "&" inside the citation.
  bool uses_and = false;
  bool uses_ampersand = false;
  // "(Smith 2019)" fits Harvard and Chicago author-date alike.
  bool chicago_compatible = false;
};

// One entry of the reference list.
struct ReferenceRecord {
  TextSpan span;
  int paragraph = -1;
  std::vector<std::string> authors;  // family names
  std::string year;
  std::string title;
  int number = 0;     // [3] or "3." lists
  std::string label;  // "White1" of a "[^White1]: ..." definition
  marginalia::v1::CitationStyle style =
      marginalia::v1::CITATION_STYLE_UNSPECIFIED;
  int cited = 0;
  bool note = false;  // a note of a Notes section, not a reference entry
  bool ibid = false;  // "Ibid.": the work of the note before
};

// A work the essay draws on.
struct SourceRecord {
  std::string key;
  std::vector<std::string> authors;
  std::string year;
  std::string title;
  int citations = 0;
  int reference = -1;  // index into references, or -1
  std::vector<int> citation_indices;
};

// The role of one paragraph (block) of the document.
struct ParagraphRole {
  marginalia::v1::SectionRole role = marginalia::v1::SECTION_ROLE_UNSPECIFIED;
  double confidence = 0;
};

// A run of paragraphs with one role.
struct SectionRecord {
  marginalia::v1::SectionRole role = marginalia::v1::SECTION_ROLE_UNSPECIFIED;
  int heading = -1;  // paragraph index of its heading, or -1
  int first = 0;     // first and last paragraph, inclusive
  int last = 0;
  double confidence = 0;
};

}  // namespace marginalia::rubrics
