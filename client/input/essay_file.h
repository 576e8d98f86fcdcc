// Reading essays from files for submission and offline scoring.
#pragma once

#include <string>

#include "absl/status/statusor.h"

namespace marginalia::client {

// The text of the essay in the file at `path`. NOT_FOUND when the file
// cannot be read.
absl::StatusOr<std::string> ReadEssayFile(const std::string& path);

// The file name without its folders ("essays/ada.txt" -> "ada.txt").
std::string BaseName(const std::string& path);

}  // namespace marginalia::client
