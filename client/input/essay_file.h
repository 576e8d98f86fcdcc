// Reading essays from files for submission and offline scoring.
#pragma once

#include <cstddef>
#include <string>

#include "absl/status/statusor.h"

namespace marginalia::client {

// Files larger than this are refused before reading (the server's own limit,
// 1 MiB by default, is smaller still).
inline constexpr std::size_t kMaxEssayFileBytes = 64 << 20;

// True for the file types an essay may come in: .txt, .md and .docx (any
// letter case).
bool IsEssayFileName(const std::string& path);

// The text of the essay in the file at `path`: the bytes of a .txt or .md
// file, the body text of a .docx. NOT_FOUND when the file cannot be read;
// INVALID_ARGUMENT for a file over kMaxEssayFileBytes or a broken .docx.
absl::StatusOr<std::string> ReadEssayFile(const std::string& path);

// The file name without its folders ("essays/ada.txt" -> "ada.txt").
std::string BaseName(const std::string& path);

// The file name without folders and extension ("essays/ada.txt" -> "ada").
std::string FileStem(const std::string& path);

}  // namespace marginalia::client
