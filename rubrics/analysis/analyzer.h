// The analysers' common interface and what they all read.
#pragma once

#include <vector>

#include "absl/strings/string_view.h"
#include "marginalia/v1/rubric.pb.h"
#include "rubrics/analysis/analysis_result.h"
#include "rubrics/analysis/lexicon.h"
#include "rubrics/analysis/structure/phrase_set.h"
#include "rubrics/control/score_guard.h"
#include "rubrics/document/document.h"

namespace marginalia::rubrics {

// A rubric's AnalysisOptions with every default filled in.
struct AnalysisSettings {
  int max_paragraph_words = 300;
  int min_sources = 3;
  double max_source_share = 0.4;
  double max_quoted_share = 0.3;
  marginalia::v1::CitationStyle required_style =
      marginalia::v1::CITATION_STYLE_UNSPECIFIED;
  bool reference_list_required = true;
  std::vector<marginalia::v1::SectionRole> expected_sections = {
      marginalia::v1::SECTION_ROLE_INTRODUCTION,
      marginalia::v1::SECTION_ROLE_CONCLUSION};

  static AnalysisSettings From(const marginalia::v1::AnalysisOptions& options);
  bool Expects(marginalia::v1::SectionRole role) const;
};

// Everything an analyser reads about the essay being scored.
struct AnalysisInput {
  const Document& document;
  const Lexicon& lexicon;
  const AnalysisSettings& settings;
  // Where marker phrases match, filled in as analysers ask (a cache owned
  // by the analysis of this one document).
  MarkerIndex* markers;
  // The call's limits: long loops Poll() it and stop early once it says
  // so (the engine then discards the result). Owned by the scoring call.
  ScoreGuard* guard;
};

// One analyser: a stable name, and a pass over the input that adds
// findings, metrics and shared records to the result. Implementations are
// immutable and thread-safe; they may read what earlier analysers wrote.
class Analyzer {
 public:
  virtual ~Analyzer() = default;
  virtual absl::string_view name() const = 0;
  virtual void Analyze(const AnalysisInput& input,
                       AnalysisResult* result) const = 0;
};

}  // namespace marginalia::rubrics
