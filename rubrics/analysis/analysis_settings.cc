#include <algorithm>

#include "rubrics/analysis/analyzer.h"

namespace marginalia::rubrics {

namespace v1 = ::marginalia::v1;

AnalysisSettings AnalysisSettings::From(const v1::AnalysisOptions& options) {
  AnalysisSettings settings;
  if (options.max_paragraph_words() > 0) {
    settings.max_paragraph_words = options.max_paragraph_words();
  }
  if (options.min_sources() > 0) settings.min_sources = options.min_sources();
  if (options.max_source_share() > 0) {
    settings.max_source_share = options.max_source_share();
  }
  if (options.max_quoted_share() > 0) {
    settings.max_quoted_share = options.max_quoted_share();
  }
  settings.required_style = options.required_style();
  settings.reference_list_required =
      options.reference_list() != v1::REFERENCE_LIST_POLICY_OPTIONAL;
  if (!options.expected_sections().empty()) {
    settings.expected_sections.clear();
    for (int role : options.expected_sections()) {
      settings.expected_sections.push_back(static_cast<v1::SectionRole>(role));
    }
  }
  return settings;
}

bool AnalysisSettings::Expects(v1::SectionRole role) const {
  return std::find(expected_sections.begin(), expected_sections.end(), role) !=
         expected_sections.end();
}

}  // namespace marginalia::rubrics
