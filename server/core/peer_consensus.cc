#include "server/core/peer_consensus.h"

#include <cmath>
#include <vector>

#include "common/status_macros.h"
#include "server/core/grade_calculator.h"
#include "server/review/consensus.h"

namespace marginalia::server {

namespace v1 = ::marginalia::v1;

namespace {

v1::GradeConfidence ToProto(review::GradeConfidence confidence) {
  switch (confidence) {
    case review::GradeConfidence::kHigh:
      return v1::GRADE_CONFIDENCE_HIGH;
    case review::GradeConfidence::kMedium:
      return v1::GRADE_CONFIDENCE_MEDIUM;
    case review::GradeConfidence::kLow:
      return v1::GRADE_CONFIDENCE_LOW;
  }
  return v1::GRADE_CONFIDENCE_UNSPECIFIED;
}

// Mean |reviewer level - tutor level| over the criteria the tutor overrode.
struct TutorComparison {
  double total = 0;
  int count = 0;
};

std::map<std::string, TutorComparison> CompareWithTutor(
    const std::vector<v1::Review>& reviews,
    const std::map<std::string, GradeRecord>& records,
    const std::map<std::string, const v1::Criterion*>& criteria) {
  std::map<std::string, TutorComparison> by_reviewer;
  for (const v1::Review& review : reviews) {
    auto record = records.find(review.submission_id());
    if (record == records.end()) continue;
    for (const v1::CriterionReviewScore& score : review.scores()) {
      auto tutor = record->second.overrides.find(score.criterion_id());
      auto criterion = criteria.find(score.criterion_id());
      if (tutor == record->second.overrides.end() ||
          criterion == criteria.end()) {
        continue;
      }
      int tutor_level = ScoreToLevel(tutor->second.score, *criterion->second);
      TutorComparison& comparison = by_reviewer[review.reviewer()];
      comparison.total += std::abs(score.level() - tutor_level);
      ++comparison.count;
    }
  }
  return by_reviewer;
}

}  // namespace

absl::StatusOr<std::map<std::string, v1::PeerSummary>>
PeerConsensus::ForAssignment(const v1::Assignment& assignment) {
  ASSIGN_OR_RETURN(std::vector<v1::Review> reviews,
                   store_->ListReviews(assignment.id(), ""));
  std::map<std::string, v1::PeerSummary> summaries;
  if (reviews.empty()) return summaries;
  ASSIGN_OR_RETURN(
      std::shared_ptr<const rubrics::CompiledRubric> rubric,
      rubrics_->Get(assignment.rubric_id(), assignment.rubric_version()));
  std::map<std::string, const v1::Criterion*> criteria;
  for (const v1::Criterion& c : rubric->proto().criteria())
    criteria[c.id()] = &c;
  std::vector<review::PeerScore> scores;
  for (const v1::Review& r : reviews) {
    for (const v1::CriterionReviewScore& s : r.scores()) {
      scores.push_back({r.reviewer(), r.submission_id(), s.criterion_id(),
                        static_cast<double>(s.level())});
    }
  }
  review::ConsensusResult result = review::ComputeConsensus(scores);
  for (const review::CriterionConsensus& c : result.criteria) {
    v1::PeerSummary& summary = summaries[c.submission];
    summary.set_submission_id(c.submission);
    v1::PeerCriterionSummary* out = summary.add_criteria();
    out->set_criterion_id(c.criterion);
    out->set_median_level(c.median);
    out->set_consensus_level(c.consensus);
    out->set_spread(c.spread);
    out->set_reviews(c.reviews);
    auto criterion = criteria.find(c.criterion);
    double top = criterion == criteria.end() ? 0 : TopLevel(*criterion->second);
    v1::GradeConfidence confidence =
        ToProto(review::ConfidenceFromSpread(c.spread, top));
    // Enum values rise as confidence falls: keep the lowest confidence.
    if (confidence > summary.confidence()) summary.set_confidence(confidence);
  }
  std::map<std::string, const review::ReviewerReliability*> reliability;
  for (const auto& r : result.reviewers) reliability[r.reviewer] = &r;
  ASSIGN_OR_RETURN(auto records, store_->ListGradeRecords(assignment.id()));
  auto tutor = CompareWithTutor(reviews, records, criteria);
  for (const v1::Review& r : reviews) {
    v1::PeerSummary& summary = summaries[r.submission_id()];
    summary.set_reviews(summary.reviews() + 1);
    v1::ReviewerWeight* weight = summary.add_reviewers();
    weight->set_reviewer(r.reviewer());
    weight->set_reviewer_label(r.reviewer_label());
    auto it = reliability.find(r.reviewer());
    if (it != reliability.end()) {
      weight->set_weight(it->second->weight);
      weight->set_down_weighted(it->second->down_weighted);
      weight->set_uniform_scorer(it->second->uniform_scorer);
    }
    auto compared = tutor.find(r.reviewer());
    if (compared != tutor.end() && compared->second.count > 0) {
      weight->set_has_tutor_comparison(true);
      weight->set_tutor_mad(compared->second.total / compared->second.count);
    }
  }
  return summaries;
}

absl::StatusOr<std::optional<v1::PeerSummary>> PeerConsensus::ForSubmission(
    const v1::Submission& submission) {
  absl::StatusOr<v1::Assignment> assignment =
      store_->GetAssignment(submission.assignment_id());
  if (absl::IsNotFound(assignment.status())) {
    return std::optional<v1::PeerSummary>();
  }
  RETURN_IF_ERROR(assignment.status());
  ASSIGN_OR_RETURN(auto summaries, ForAssignment(*assignment));
  auto it = summaries.find(submission.id());
  if (it == summaries.end()) return std::optional<v1::PeerSummary>();
  return std::optional<v1::PeerSummary>(std::move(it->second));
}

}  // namespace marginalia::server
