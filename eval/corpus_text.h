// Reads a corpus essay as the engine sees it.
#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace marginalia::eval {

// The text of the corpus file at `corpora_dir`/`path`, normalised as a
// submission is (NormalizeEssayText); a MICUSP TEI file (.xml) is first
// rendered to Markdown by RenderTeiText. NOT_FOUND when the file is missing,
// INVALID_ARGUMENT when it cannot be read as an essay.
absl::StatusOr<std::string> LoadEssayText(absl::string_view corpora_dir,
                                          absl::string_view path);

// The whole file, or NOT_FOUND naming it.
absl::StatusOr<std::string> ReadWholeFile(const std::string& path);

}  // namespace marginalia::eval
