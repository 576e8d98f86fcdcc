// The reference parser on anystyle's hand-labelled reference strings
// (corpora/anystyle_refs/parser/*.xml, BSD-2): real entries in every style.
#pragma once

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "eval/tally.h"

namespace marginalia::eval {

// One labelled reference: the fields joined in order, and the labels the
// evaluation compares with.
struct LabelledReference {
  std::string text;
  std::string author;  // the first <author> field
  std::string date;    // the first <date> field
};

// The <sequence>s of an anystyle parser file.
std::vector<LabelledReference> ReadLabelledReferences(absl::string_view xml);

// The first author's family name by the labels: the first author's words
// without initials; of several words, the first when the list is inverted
// ("Family, G.") and the last when it is natural ("Given Family").
std::string LabelledFirstFamily(absl::string_view author);

// Parses every labelled string of the anystyle files (core, gold, good,
// bad, ugly) and counts references.first_author, references.year and
// references.first_author_year (also per file, e.g.
// references.first_author_year.gold) over the strings whose labels have an
// author (respectively a year). NOT_FOUND when the files are missing.
absl::Status EvaluateReferenceStrings(absl::string_view corpora_dir,
                                      Tally* tally);

}  // namespace marginalia::eval
