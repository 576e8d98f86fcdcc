// Finds every in-text citation (parenthetical, narrative, numeric and
// footnote) and the reference list with its parsed entries.
#pragma once

#include "rubrics/analysis/analyzer.h"

namespace marginalia::rubrics {

class CitationFinder : public Analyzer {
 public:
  absl::string_view name() const override { return "citations.find"; }
  void Analyze(const AnalysisInput& input,
               AnalysisResult* result) const override;
};

}  // namespace marginalia::rubrics
