// Evidence: which body paragraphs support their claims with citations,
// quotations or figures; unsourced figures; over-reliance on one source;
// too few sources; too much quotation; quotations dropped in without an
// introduction; new evidence in the conclusion.
#pragma once

#include "rubrics/analysis/analyzer.h"

namespace marginalia::rubrics {

class EvidenceAnalyzer : public Analyzer {
 public:
  absl::string_view name() const override { return "evidence"; }
  void Analyze(const AnalysisInput& input,
               AnalysisResult* result) const override;
};

}  // namespace marginalia::rubrics
