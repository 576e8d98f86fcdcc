#include "rubrics/analysis/analysis_result.h"

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
  if (severity == v1::SEVERITY_UNSPECIFIED) {
    const FindingKind* kind = FindFindingKind(code);
    severity = kind != nullptr ? kind->severity : v1::SEVERITY_WARNING;
  }
  finding.set_severity(severity);
  finding.set_message(std::move(message));
  finding.set_suggestion(std::move(suggestion));
  finding.mutable_span()->set_begin(span.begin);
  finding.mutable_span()->set_end(span.end);
  finding.set_paragraph(paragraph);
}

void AnalysisResult::SetMetric(absl::string_view name, double value) {
  metrics_.insert_or_assign(name, value);
}

double AnalysisResult::Metric(absl::string_view name, double fallback) const {
  auto it = metrics_.find(name);
  return it == metrics_.end() ? fallback : it->second;
}

}  // namespace marginalia::rubrics
