// Small text helpers for author names and citation fragments.
#pragma once

#include <string>
#include <vector>

#include "absl/container/inlined_vector.h"
#include "absl/strings/string_view.h"

namespace marginalia::rubrics {

// Lower-case ASCII, accents removed from Latin letters (ICU), apostrophes
// and hyphens kept: the form names are compared in. "Ädel" -> "adel".
std::string FoldName(absl::string_view name);

// FoldName of a word in running text without its possessive ending:
// "Kelly's" and "Kelly’s" fold as "kelly".
std::string FoldNameInText(absl::string_view word);

// Levenshtein distance between two short strings (bytes).
int EditDistance(absl::string_view a, absl::string_view b);

// True when two folded names differ by a plausible misspelling: at most one
// edit for short names, two for names of 8+ letters, and not identical.
bool IsNearMissName(absl::string_view a, absl::string_view b);

// Name particles written in lower case inside family names ("van", "de").
bool IsNameParticle(absl::string_view word);

// A title's leading article ("The", "A", "An"): what follows names a
// work, not who wrote it.
bool IsLeadingArticle(absl::string_view word);

// A word that marks a body rather than a person: "Department", "Centers",
// "Library", "University".
bool IsCorporateWord(absl::string_view word);

// Whether an author segment names one body whose name may contain "and" or
// "&" ("Centers for Disease Control and Prevention", "The Harry S. Truman
// Library and Museum", "Department of Health and Human Services"): in its
// leading name words (up to a title's quotation, or through a comma, colon
// or a full stop after a word rather than an initial), at most ten, it opens
// with "The", has a corporate word after the first, or a lower-case "of" or
// "for" between capitalised words. Such an "and" is part of the name, not a
// joiner of two authors ("Green and Troup").
bool IsCorporateName(absl::string_view text);

// The first letter is upper case (any script).
bool StartsUpper(absl::string_view word);

// Whether `name` reads as a person's or a body's name ("Kelley", "van
// Gogh", "U.S. Census Bureau") rather than a title, an address or a page
// ("Traditions p. 12", "https://...", "[24]"): at most six words (ten for
// a body's name, see IsCorporateName), starting with a capital or a name
// particle, without digits, quotation marks, brackets, slashes, colons or
// Markdown emphasis.
bool LooksLikeAuthorName(absl::string_view name);

// Trims white space (ASCII and Unicode) from both ends.
absl::string_view TrimSpace(absl::string_view text);

// Words split on white space. Citation fragments hold a handful of words,
// kept inline rather than on the heap.
using WordList = absl::InlinedVector<absl::string_view, 8>;

// Splits on white space.
WordList SplitWords(absl::string_view text);

}  // namespace marginalia::rubrics
