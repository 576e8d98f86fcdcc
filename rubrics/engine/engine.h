// The rubric engine's entry point: text and rubric in, feedback report out.
// Pure C++: no gRPC, no storage. An Engine is immutable after construction
// and safe to use from many threads at once.
#pragma once

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "marginalia/v1/report.pb.h"
#include "rubrics/document/document.h"
#include "rubrics/rubric/compiled_rubric.h"

namespace marginalia::rubrics {

// The version stamped on every report.
absl::string_view EngineVersion();

class Engine {
 public:
  Engine() = default;

  // Scores `text` (normalised with NormalizeEssayText, so that offsets match
  // what is stored) with `rubric`. The same text and rubric always give the
  // same report. INVALID_ARGUMENT when the text is too large to segment.
  absl::StatusOr<marginalia::v1::FeedbackReport> Score(
      absl::string_view text, const CompiledRubric& rubric) const;

  // Like Score(), for an already segmented document.
  marginalia::v1::FeedbackReport ScoreDocument(
      const Document& document, const CompiledRubric& rubric) const;
};

}  // namespace marginalia::rubrics
