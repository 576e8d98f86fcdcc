// Recognises reference-list headings and entries and reads an entry's
// authors, year and title in APA, Harvard, MLA, Chicago and numbered forms.
// Pure functions.
#pragma once

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "marginalia/v1/report.pb.h"

namespace marginalia::rubrics {

// An entry of a reference list, as read from its text.
struct ParsedReference {
  std::vector<std::string> authors;  // family names, or a corporate name
  std::string year;                  // "1986", "2018a", "n.d."; may be empty
  std::string title;
  int number = 0;  // "[3] ..." or "3. ..."
  marginalia::v1::CitationStyle style =
      marginalia::v1::CITATION_STYLE_UNSPECIFIED;
};

// "References", "Bibliography", "Works Cited", "Sources", ... (any case,
// Markdown emphasis and a trailing colon allowed).
bool IsReferenceHeading(absl::string_view heading);

// A heading for a list of exactly the works cited ("References", "Works
// Cited"), as opposed to a bibliography of works consulted.
bool IsCitedWorksHeading(absl::string_view heading);

// True when `text` reads like one reference entry: it starts with an
// author ("Meisner, M.", "World Health Organization.") or a number ("[3]",
// "3."), and holds a year or "n.d.".
bool LooksLikeReferenceEntry(absl::string_view text);

ParsedReference ParseReferenceEntry(absl::string_view text);

// The family names in an author segment: "Bianco, L., & Horko, S." ->
// {Bianco, Horko}; "Meisner, Maurice, and John Smith" -> {Meisner, Smith}.
std::vector<std::string> ReferenceFamilyNames(absl::string_view authors);

}  // namespace marginalia::rubrics
