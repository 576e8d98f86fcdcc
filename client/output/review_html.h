// The tutor's and peers' parts of the offline feedback page (report_html.h):
// the grade with overrides and reasons, the changes since the previous
// draft and the peers' verdict, as HTML sections. Pure; thread-safe.
#pragma once

#include <string>

#include "marginalia/v1/submission.pb.h"

namespace marginalia::client {

// The sections for what `feedback` carries besides the engine's report, in
// reading order (grade, changes since the last draft, peer review); empty
// when it carries none of them. Every string is escaped.
std::string ReviewSectionsHtml(
    const marginalia::v1::GetFeedbackResponse& feedback);

// Whether `feedback` has a grade with criterion scores: the page then shows
// that grade rather than the engine's total.
bool HasGradeScores(const marginalia::v1::GetFeedbackResponse& feedback);

}  // namespace marginalia::client
