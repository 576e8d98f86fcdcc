// Works out the essay's outline: the role of every paragraph (title,
// introduction, context, body, comparison, conclusion, references) with a
// confidence, the sections they form, and the thesis and roadmap sentences.
#pragma once

#include "rubrics/analysis/analyzer.h"

namespace marginalia::rubrics {

class OutlineAnalyzer : public Analyzer {
 public:
  absl::string_view name() const override { return "structure.outline"; }
  void Analyze(const AnalysisInput& input,
               AnalysisResult* result) const override;
};

// Comparison markers per 100 words in words [range.begin, range.end).
double ComparisonDensity(const AnalysisInput& input, IndexRange range);

}  // namespace marginalia::rubrics
