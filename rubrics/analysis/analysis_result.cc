#include "rubrics/analysis/analysis_result.h"

#include <algorithm>

#include "rubrics/analysis/finding_catalog.h"

namespace marginalia::rubrics {

namespace v1 = ::marginalia::v1;

void AnalysisResult::AddFinding(absl::string_view code, TextSpan span,
                                int paragraph, std::string message,
                                std::string suggestion, v1::Severity severity) {
  // Look up before inserting: most codes are already counted, and a key
  // string costs an allocation.
  auto it = per_code_.find(code);
  if (it == per_code_.end()) it = per_code_.emplace(std::string(code), 0).first;
  last_dropped_ = ++it->second > kMaxFindingsPerCode;
  if (last_dropped_) {
    ++dropped_[std::string(code)];
    scratch_.Clear();
    return;
  }
  v1::Finding& finding = *findings_.Add();
  finding.set_code(std::string(code));
  const FindingKind* kind = FindFindingKind(code);
  if (severity == v1::SEVERITY_UNSPECIFIED) {
    severity = kind != nullptr ? kind->severity : v1::SEVERITY_WARNING;
  }
  finding.set_severity(severity);
  // A rubric's own pattern checks are literal matches: sure by design.
  finding.set_confidence(kind != nullptr ? kind->confidence : 1.0);
  finding.set_message(std::move(message));
  finding.set_suggestion(std::move(suggestion));
  finding.mutable_span()->set_begin(span.begin);
  finding.mutable_span()->set_end(span.end);
  finding.set_paragraph(paragraph);
}

void AnalysisResult::AddQuestion(std::string question) {
  if (std::find(questions_.begin(), questions_.end(), question) ==
      questions_.end()) {
    questions_.push_back(std::move(question));
  }
}

namespace {

// The first metric not named before `name`.
template <typename Metrics>
auto LowerBound(Metrics& metrics, absl::string_view name) {
  return std::lower_bound(
      metrics.begin(), metrics.end(), name,
      [](const auto& metric, absl::string_view n) { return metric.first < n; });
}

}  // namespace

void AnalysisResult::SetMetric(absl::string_view name, double value) {
  auto it = LowerBound(metrics_, name);
  if (it != metrics_.end() && it->first == name) {
    it->second = value;
  } else {
    metrics_.emplace(it, name, value);
  }
}

double AnalysisResult::Metric(absl::string_view name, double fallback) const {
  const double* value = FindMetric(name);
  return value == nullptr ? fallback : *value;
}

const double* AnalysisResult::FindMetric(absl::string_view name) const {
  auto it = LowerBound(metrics_, name);
  return it != metrics_.end() && it->first == name ? &it->second : nullptr;
}

}  // namespace marginalia::rubrics
