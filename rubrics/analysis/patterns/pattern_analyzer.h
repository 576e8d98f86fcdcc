// The rubric's own checks: every match of a tutor's RE2 pattern in a prose
// paragraph becomes a finding with the tutor's code, message and criterion.
#pragma once

#include "absl/strings/string_view.h"
#include "rubrics/analysis/analyzer.h"
#include "rubrics/rubric/compiled_rubric.h"

namespace marginalia::rubrics {

// The stable name of the pattern checks, as listed by the engine.
absl::string_view PatternAnalyzerName();

// Stops early, with the findings so far, once input.guard says so.
void RunPatternChecks(const AnalysisInput& input, const CompiledRubric& rubric,
                      AnalysisResult* result);

}  // namespace marginalia::rubrics
