#include "rubrics/analysis/analysis_result.h"

#include <algorithm>

#include "rubrics/analysis/finding_catalog.h"

namespace marginalia::rubrics {

namespace v1 = ::marginalia::v1;

void AnalysisResult::AddFinding(FindingCode code, TextSpan span, int paragraph,
                                std::string message, std::string suggestion) {
  const FindingKind* kind = FindFindingKind(code.str());
  Add(code.str(), span, paragraph, std::move(message), std::move(suggestion),
      kind != nullptr ? kind->severity : v1::SEVERITY_WARNING,
      kind != nullptr ? kind->confidence : 1.0);
}

void AnalysisResult::AddRubricFinding(absl::string_view code, TextSpan span,
                                      int paragraph, std::string message,
                                      std::string suggestion,
                                      v1::Severity severity) {
  Add(code, span, paragraph, std::move(message), std::move(suggestion),
      severity, 1.0);
}

void AnalysisResult::Add(absl::string_view code, TextSpan span, int paragraph,
                         std::string message, std::string suggestion,
                         v1::Severity severity, double confidence) {
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
  finding.set_severity(severity);
  finding.set_confidence(confidence);
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
