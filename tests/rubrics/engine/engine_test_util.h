// Helpers for engine tests: score text with a built-in rubric and query the
// report.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "marginalia/v1/report.pb.h"
#include "rubrics/rubric/compiled_rubric.h"

namespace marginalia::rubrics::testing {

// Normalises and scores `text` with built-in rubric `rubric_id`; fails the
// calling test (via gtest ADD_FAILURE) and returns an empty report on error.
marginalia::v1::FeedbackReport Score(
    const std::string& text, const std::string& rubric_id = "history-essay");

// The finding code of the tutor's pattern WithProbePattern() adds.
inline constexpr char kProbeCode[] = "style.probe";

// The default built-in rubric with one tutor's pattern check, `regex`,
// coded kProbeCode and validated as an upload is; fails the calling test
// and returns null when it does not validate.
std::shared_ptr<const CompiledRubric> WithProbePattern(
    const std::string& regex);

// Findings with `code`.
std::vector<marginalia::v1::Finding> FindingsOf(
    const marginalia::v1::FeedbackReport& report, const std::string& code);

// How many findings of each code.
std::map<std::string, int> CodeCounts(
    const marginalia::v1::FeedbackReport& report);

double CriterionScore(const marginalia::v1::FeedbackReport& report,
                      const std::string& id);
double Metric(const marginalia::v1::FeedbackReport& report,
              const std::string& name);

// The text a span covers.
std::string SpanText(const std::string& text, const marginalia::v1::Span& span);

}  // namespace marginalia::rubrics::testing
