// Turns submitted text into the canonical form every offset refers to.
#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace marginalia::rubrics {

// Validates and normalises an essay: the text must be well-formed UTF-8 and
// contain something other than white space. The result has CRLF and lone CR
// turned into LF, leading byte-order marks removed, and Unicode NFC applied,
// so the same essay typed on any system has the same bytes and hash; it is
// its own normal form (normalising it again returns it unchanged).
// Returns INVALID_ARGUMENT naming the problem (and the byte offset of
// ill-formed UTF-8).
absl::StatusOr<std::string> NormalizeEssayText(absl::string_view text);

// Lower-case hex SHA-256 of `bytes` (the content hash of a stored essay).
std::string Sha256Hex(absl::string_view bytes);

}  // namespace marginalia::rubrics
