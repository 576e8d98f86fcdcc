// The feedback of one essay as a self-contained HTML page: the essay with
// each finding's passage highlighted and its message in the margin, tutor
// comments, and the criterion scores with their rationale. Inline CSS, no
// scripts, nothing fetched from the network. Pure; thread-safe.
#pragma once

#include <string>

#include "absl/strings/string_view.h"
#include "marginalia/v1/submission.pb.h"

namespace marginalia::client {

struct EssayPageOptions {
  // When set, a link back to the cohort page (e.g. "index.html").
  std::string back_link;
};

// The page for `feedback` (submission, report, comments as the server
// returned them) over `text`, the stored text the report's byte offsets
// refer to. Offsets outside the text are clamped; every string is escaped.
std::string RenderEssayHtml(const marginalia::v1::GetFeedbackResponse& feedback,
                            absl::string_view text,
                            const EssayPageOptions& options = {});

// The CSS every page shares.
absl::string_view PageStyle();

}  // namespace marginalia::client
