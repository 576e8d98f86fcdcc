// The longest value each stored free-text field may have, in bytes of
// UTF-8, and the check that enforces it. One table, so that the checks, the
// proto comments that document them and the tests agree. Request ids are
// limited in idempotency.h, essays by IntakeOptions, comment bodies in
// comments.cc. Pure; thread-safe.
#pragma once

#include <cstddef>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace marginalia::server {

inline constexpr std::size_t kMaxFileNameBytes = 255;
inline constexpr std::size_t kMaxDisplayNameBytes = 200;
inline constexpr std::size_t kMaxEmailBytes = 254;
inline constexpr std::size_t kMaxTokenLabelBytes = 100;
inline constexpr std::size_t kMaxTitleBytes = 200;    // course and assignment
inline constexpr std::size_t kMaxReasonBytes = 2000;  // grade and rubric moves

// INVALID_ARGUMENT "<field> is N bytes; the limit is L" when `value` is
// longer than `limit`. Names the field, never echoes the value.
absl::Status CheckLength(absl::string_view field, absl::string_view value,
                         std::size_t limit);

}  // namespace marginalia::server
