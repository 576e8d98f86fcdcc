// Checks the outline: title, thesis, roadmap, the sections the rubric
// expects, a conclusion that answers the introduction, paragraph length and
// transitions; measures coherence and how well paragraphs sit in their
// sections.
#pragma once

#include "rubrics/analysis/analyzer.h"

namespace marginalia::rubrics {

class StructureChecker : public Analyzer {
 public:
  absl::string_view name() const override { return "structure.check"; }
  void Analyze(const AnalysisInput& input,
               AnalysisResult* result) const override;
};

// True for the roles of body paragraphs (context, body, comparison).
bool IsBodyRole(marginalia::v1::SectionRole role);

}  // namespace marginalia::rubrics
