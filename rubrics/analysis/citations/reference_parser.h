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
  int number = 0;     // "[3] ..." or "3. ..."
  std::string label;  // "White1" of "[^White1]: ..."
  marginalia::v1::CitationStyle style =
      marginalia::v1::CITATION_STYLE_UNSPECIFIED;
  // A note ("3 Joan Scott, Gender ... , 44.") of a Notes section, rather
  // than an entry of a reference list; "Ibid." refers to the note before.
  bool note = false;
  bool ibid = false;
};

// "References", "Bibliography", "Works Cited", "Sources", ... (any case,
// Markdown emphasis and a trailing colon allowed).
bool IsReferenceHeading(absl::string_view heading);

// "Notes", "Endnotes", "Footnotes": the notes that footnote markers point
// to, in Chicago's notes-and-bibliography style.
bool IsNotesHeading(absl::string_view heading);

// A heading for a list of exactly the works cited ("References", "Works
// Cited"), as opposed to a bibliography of works consulted.
bool IsCitedWorksHeading(absl::string_view heading);

// True when `text` reads like one reference entry: it starts with an
// author ("Meisner, M.", "World Health Organization.") or a number ("[3]",
// "3."), and holds a year or "n.d.".
bool LooksLikeReferenceEntry(absl::string_view text);

ParsedReference ParseReferenceEntry(absl::string_view text);

// The note number at the start of a line of a Notes section ("3 ", "3.",
// "[3]", "³"), or 0 when the line starts no note.
int NoteNumber(absl::string_view line);

// A note: its number, whether it is "Ibid.", and the first author's family
// name and the year of a full note ("3 Joan Scott, Gender and the Politics
// of History (New York: Columbia UP, 1988), 44.") or a short one ("7 Scott,
// Gender, 50.").
ParsedReference ParseNoteEntry(absl::string_view text);

// The family names in an author segment: "Bianco, L., & Horko, S." ->
// {Bianco, Horko}; "Meisner, Maurice, and John Smith" -> {Meisner, Smith}.
std::vector<std::string> ReferenceFamilyNames(absl::string_view authors);

}  // namespace marginalia::rubrics
