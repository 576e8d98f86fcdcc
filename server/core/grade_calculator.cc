#include "server/core/grade_calculator.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/str_format.h"

namespace marginalia::server {
namespace {

namespace v1 = ::marginalia::v1;

const v1::CriterionScore* EngineScore(const v1::FeedbackReport& report,
                                      const std::string& id) {
  for (const v1::CriterionScore& score : report.criteria()) {
    if (score.id() == id) return &score;
  }
  return nullptr;
}

const v1::PeerCriterionSummary* PeerScore(const v1::PeerSummary* peers,
                                          const std::string& id) {
  if (peers == nullptr) return nullptr;
  for (const v1::PeerCriterionSummary& summary : peers->criteria()) {
    if (summary.criterion_id() == id && summary.reviews() > 0) {
      return &summary;
    }
  }
  return nullptr;
}

v1::CriterionGrade GradeCriterion(const v1::Criterion& criterion,
                                  const GradeInputs& in) {
  v1::CriterionGrade grade;
  grade.set_criterion_id(criterion.id());
  grade.set_max_score(criterion.max_score());
  if (const v1::CriterionScore* engine =
          EngineScore(in.report, criterion.id())) {
    grade.set_engine_score(engine->score());
    grade.set_has_engine_score(true);
  }
  auto override_it = in.record.overrides.find(criterion.id());
  if (override_it != in.record.overrides.end()) {
    grade.set_overridden(true);
    grade.set_tutor_score(override_it->second.score);
    grade.set_reason(override_it->second.reason);
  }
  if (const v1::PeerCriterionSummary* peer =
          PeerScore(in.peers, criterion.id())) {
    grade.set_peer_score(peer->consensus_level() / TopLevel(criterion) *
                         criterion.max_score());
    grade.set_has_peer_score(true);
  }
  bool has_tutor = grade.overridden() || grade.has_engine_score();
  double tutor =
      grade.overridden() ? grade.tutor_score() : grade.engine_score();
  double effective = 0;
  if (has_tutor && grade.has_peer_score()) {
    effective =
        (1 - in.peer_weight) * tutor + in.peer_weight * grade.peer_score();
  } else if (has_tutor) {
    effective = tutor;
  } else if (grade.has_peer_score()) {
    effective = grade.peer_score();
  }
  grade.set_effective_score(effective);
  return grade;
}

}  // namespace

int TopLevel(const v1::Criterion& criterion) {
  int top = 1;
  for (const v1::Level& level : criterion.levels()) {
    top = std::max(top, level.level());
  }
  return top;
}

int ScoreToLevel(double score, const v1::Criterion& criterion) {
  if (criterion.max_score() <= 0) return 0;
  double level = score / criterion.max_score() * TopLevel(criterion);
  return std::clamp(static_cast<int>(std::lround(level)), 0,
                    TopLevel(criterion));
}

std::string GradeFormula(double peer_weight) {
  if (peer_weight <= 0) {
    return "grade = tutor score (the engine's where the tutor has not "
           "overridden it)";
  }
  return absl::StrFormat(
      "grade = %g x tutor (engine where not overridden) + %g x peer "
      "consensus, per criterion; where one part is missing the other counts "
      "fully",
      1 - peer_weight, peer_weight);
}

v1::Grade ComputeGrade(const std::string& submission_id,
                       const GradeInputs& in) {
  v1::Grade grade;
  grade.set_submission_id(submission_id);
  double total = 0;
  double max_score = 0;
  for (const v1::Criterion& criterion : in.rubric.criteria()) {
    v1::CriterionGrade criterion_grade = GradeCriterion(criterion, in);
    total += criterion_grade.effective_score();
    max_score += criterion.max_score();
    *grade.add_criteria() = std::move(criterion_grade);
  }
  if (in.record.final_grade.has_value()) {
    grade.set_has_final_score(true);
    grade.set_final_score(in.record.final_grade->score);
    grade.set_final_reason(in.record.final_grade->reason);
    total = in.record.final_grade->score;
  }
  grade.set_total(total);
  grade.set_max_score(max_score);
  grade.set_formula(GradeFormula(in.peer_weight));
  if (in.record.release_time.has_value()) {
    grade.set_released(true);
    *grade.mutable_release_time() = *in.record.release_time;
  }
  if (in.peers != nullptr) grade.set_confidence(in.peers->confidence());
  return grade;
}

}  // namespace marginalia::server
