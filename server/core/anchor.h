// Where a comment points, checked against the submission's stored text.
#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "marginalia/v1/report.pb.h"
#include "marginalia/v1/review.pb.h"

namespace marginalia::server {

// Longest quoted_text kept on a comment, in bytes (cut on a character).
inline constexpr std::size_t kMaxQuotedBytes = 1000;

// The passage an anchor covers, for Comment.quoted_text.
struct ResolvedAnchor {
  marginalia::v1::Anchor anchor;
  std::string quoted_text;
};

// Checks `anchor` against `text` (the stored, normalised essay) and the
// report's paragraph outline. INVALID_ARGUMENT, saying what is wrong, when
// no target is set, a span is empty, lies outside the text or splits a
// UTF-8 character, or a paragraph index is out of range.
absl::StatusOr<ResolvedAnchor> ResolveAnchor(
    const marginalia::v1::Anchor& anchor, absl::string_view text,
    const marginalia::v1::FeedbackReport& report);

}  // namespace marginalia::server
