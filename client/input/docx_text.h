// The text of a Word (.docx) document: word/document.xml read from the zip
// container with libzip and parsed with Expat. Stateless; thread-safe.
#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace marginalia::client {

// The body text of the .docx at `path`: one paragraph per w:p (headings
// included), separated by blank lines, with w:tab as a tab and w:br / w:cr
// as a line break; empty paragraphs are dropped. Deleted text of tracked
// changes is left out. INVALID_ARGUMENT naming the problem when the file is
// not a zip, is encrypted, has no word/document.xml, or holds malformed XML.
absl::StatusOr<std::string> ReadDocxText(const std::string& path);

// Like ReadDocxText, for a .docx already in memory (uploads, fuzzing).
absl::StatusOr<std::string> ReadDocxBytes(absl::string_view bytes);

}  // namespace marginalia::client
