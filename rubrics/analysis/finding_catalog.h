// The catalogue of finding codes and metric names: a stable API that rubrics
// refer to and rubrics/README.md documents. Immutable; thread-safe.
#pragma once

#include <vector>

#include "absl/strings/string_view.h"
#include "marginalia/v1/common.pb.h"

namespace marginalia::rubrics {

// One kind of finding.
struct FindingKind {
  absl::string_view code;
  marginalia::v1::Severity severity;
  // How a rationale names one and several of them: "quotation without a
  // page number" / "quotations without page numbers".
  absl::string_view singular;
  absl::string_view plural;
  // The confidence of a finding of this kind when nothing lowers it: how
  // often such a finding proved right on real essays (eval/).
  double confidence = 0.9;
};

// Findings less sure than this are not raised.
inline constexpr double kMinConfidenceToRaise = 0.6;

// How a metric's value reads in a sentence.
enum class MetricUnit {
  kNumber,  // a count or a rate: "in-text citations at 3"
  kShare,   // a share from 0 to 1: "in-text citations matched at 40%"
};

// One metric the analysers produce.
struct MetricKind {
  absl::string_view name;
  absl::string_view description;
  MetricUnit unit = MetricUnit::kNumber;
};

// Every finding code, sorted by code.
const std::vector<FindingKind>& FindingKinds();
// The kind of `code`, or null for codes the engine does not produce.
const FindingKind* FindFindingKind(absl::string_view code);

// Every metric, sorted by name.
const std::vector<MetricKind>& MetricKinds();
const MetricKind* FindMetricKind(absl::string_view name);

}  // namespace marginalia::rubrics
