// Turns findings and metrics into criterion scores, following the rubric's
// rules, and says why: each score carries a one-sentence rationale, the
// passages behind it and the finding codes that lowered it.
#pragma once

#include <google/protobuf/repeated_ptr_field.h>

#include "marginalia/v1/report.pb.h"
#include "rubrics/analysis/analysis_result.h"
#include "rubrics/rubric/compiled_rubric.h"

namespace marginalia::rubrics {

// Scores every criterion of `rubric` into `report` (criteria, total and
// max score) and sets each finding's criterion_id to the first criterion
// whose rules count it (unless it already names one).
void ScoreCriteria(
    const CompiledRubric& rubric, const AnalysisResult& result,
    google::protobuf::RepeatedPtrField<marginalia::v1::Finding>* findings,
    marginalia::v1::FeedbackReport* report);

// Whether a rule's code ("citation.quote_without_page" or "mechanics.*")
// matches a finding code.
bool CodeMatches(absl::string_view pattern, absl::string_view code);

}  // namespace marginalia::rubrics
