// The rubric engine's entry point: text and rubric in, feedback report out.
// Pure C++: no gRPC, no storage. An Engine is immutable after construction
// and safe to use from many threads at once.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "marginalia/v1/report.pb.h"
#include "marginalia/v1/rubric.pb.h"
#include "rubrics/analysis/analyzer.h"
#include "rubrics/control/score_limits.h"
#include "rubrics/document/document.h"
#include "rubrics/rubric/compiled_rubric.h"

namespace marginalia::rubrics {

// The version stamped on every report.
absl::string_view EngineVersion();

class Engine {
 public:
  // The engine with the built-in confused-word list.
  Engine();
  // The engine with another confused-word list (tests, custom installs).
  explicit Engine(const marginalia::v1::ConfusedWordList& confused_words);
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // Scores `text` (normalised with NormalizeEssayText, so that offsets match
  // what is stored) with `rubric`. The same text and rubric always give the
  // same report. INVALID_ARGUMENT when the text is too large to segment.
  absl::StatusOr<marginalia::v1::FeedbackReport> Score(
      absl::string_view text, const CompiledRubric& rubric) const;

  // Like Score(), within `limits`: the deadline, budget and cancellation
  // are checked between passes and in the long loops, and when one is
  // passed scoring stops and returns DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED
  // or CANCELLED (the message says which limit and where), with no report.
  absl::StatusOr<marginalia::v1::FeedbackReport> Score(
      absl::string_view text, const CompiledRubric& rubric,
      const ScoreLimits& limits) const;

  // Like Score(), for an already segmented document.
  marginalia::v1::FeedbackReport ScoreDocument(
      const Document& document, const CompiledRubric& rubric) const;

  // The analysers' stable names, in the order they run.
  std::vector<absl::string_view> AnalyzerNames() const;

 private:
  // The analysers and pattern checks, stopping early when `guard` says so
  // (the result is then incomplete and guard->status() says why).
  absl::StatusOr<marginalia::v1::FeedbackReport> ScoreWithin(
      const Document& document, const CompiledRubric& rubric,
      ScoreGuard* guard) const;

  std::vector<std::unique_ptr<const Analyzer>> analyzers_;
  // Set when the built-in data could not be loaded; reported in notes.
  std::string data_problem_;
};

}  // namespace marginalia::rubrics
