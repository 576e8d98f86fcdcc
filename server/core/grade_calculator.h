// How a submission's grade is computed from the engine's report, the
// tutor's decisions and the peers' consensus. Pure functions.
//
// Per criterion: effective = (1 - w) x T + w x P, where w is the
// assignment's peer_weight, T the tutor's override (the engine's score where
// there is none) and P the peer consensus in points (consensus level /
// top level x max_score). When T or P is missing the other counts fully;
// with neither the criterion counts 0. The total is the sum of effective
// scores, unless the tutor set a final grade, which then is the total.
#pragma once

#include <string>

#include "marginalia/v1/grade.pb.h"
#include "marginalia/v1/report.pb.h"
#include "marginalia/v1/review.pb.h"
#include "marginalia/v1/rubric.pb.h"
#include "server/storage/grade_store.h"

namespace marginalia::server {

struct GradeInputs {
  const marginalia::v1::Rubric& rubric;
  const marginalia::v1::FeedbackReport& report;
  const GradeRecord& record;
  // Null when no peer has reviewed the submission.
  const marginalia::v1::PeerSummary* peers = nullptr;
  double peer_weight = 0;
};

// The grade as it stands, criteria in rubric order.
marginalia::v1::Grade ComputeGrade(const std::string& submission_id,
                                   const GradeInputs& inputs);

// The formula shown to students, e.g.
// "grade = 0.8 x tutor (engine where not overridden) + 0.2 x peer consensus".
std::string GradeFormula(double peer_weight);

// The top level of a criterion's scale (at least 1).
int TopLevel(const marginalia::v1::Criterion& criterion);

// A score in points as a level on the criterion's scale, rounded.
int ScoreToLevel(double score, const marginalia::v1::Criterion& criterion);

}  // namespace marginalia::server
