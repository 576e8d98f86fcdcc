// Checks the citations found by CitationFinder: matches them against the
// reference list, groups them into sources, and reports missing lists and
// entries, year and name mismatches, quotations without pages or sources,
// non-standard punctuation (with the corrected form), mixed styles, page
// formats, "et al." and "&"/"and" use.
#pragma once

#include "rubrics/analysis/analyzer.h"

namespace marginalia::rubrics {

class CitationChecker : public Analyzer {
 public:
  absl::string_view name() const override { return "citations.check"; }
  void Analyze(const AnalysisInput& input,
               AnalysisResult* result) const override;
};

// "Meisner (1986)", "Bianco and Horko (2018)", "Nguyen et al. (2020)".
std::string SourceLabel(const std::vector<std::string>& authors,
                        absl::string_view year);

}  // namespace marginalia::rubrics
