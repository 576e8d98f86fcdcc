#include "server/core/peer_stats.h"

#include <algorithm>
#include <vector>

#include "absl/strings/str_format.h"
#include "common/status_macros.h"
#include "server/core/grade_calculator.h"
#include "server/core/submission_sets.h"
#include "server/review/agreement.h"

namespace marginalia::server {

namespace v1 = ::marginalia::v1;

namespace {

v1::Agreement ToProto(const review::Agreement& agreement) {
  v1::Agreement out;
  out.set_pairs(agreement.pairs);
  out.set_qwk(agreement.qwk);
  out.set_pearson(agreement.pearson);
  out.set_mean_absolute_difference(agreement.mean_absolute_difference);
  return out;
}

// Paired levels of two raters.
struct Pairs {
  std::vector<double> a, b;
};

}  // namespace

absl::StatusOr<v1::GetAgreementResponse> PeerStats::Agreement(
    absl::string_view assignment_id) {
  ASSIGN_OR_RETURN(v1::Assignment assignment,
                   store_->GetAssignment(assignment_id));
  ASSIGN_OR_RETURN(
      std::shared_ptr<const rubrics::CompiledRubric> rubric,
      rubrics_->Get(assignment.rubric_id(), assignment.rubric_version()));
  ASSIGN_OR_RETURN(auto records, store_->ListGradeRecords(assignment_id));
  ASSIGN_OR_RETURN(auto summaries, consensus_->ForAssignment(assignment));
  ASSIGN_OR_RETURN(std::vector<v1::Submission> all,
                   AllSubmissions(*store_, assignment_id));
  Pairs engine, peers;
  int top = 1;
  for (const v1::Criterion& c : rubric->proto().criteria()) {
    top = std::max(top, TopLevel(c));
  }
  for (const v1::Submission& s : LatestDrafts(all)) {
    const GradeRecord& record = records[s.id()];
    if (record.overrides.empty()) continue;
    ASSIGN_OR_RETURN(v1::FeedbackReport report, store_->GetReport(s.id()));
    for (const v1::Criterion& c : rubric->proto().criteria()) {
      auto tutor = record.overrides.find(c.id());
      if (tutor == record.overrides.end()) continue;
      double tutor_level = ScoreToLevel(tutor->second.score, c);
      for (const v1::CriterionScore& e : report.criteria()) {
        if (e.id() != c.id()) continue;
        engine.a.push_back(e.level());
        engine.b.push_back(tutor_level);
      }
      auto summary = summaries.find(s.id());
      if (summary == summaries.end()) continue;
      for (const v1::PeerCriterionSummary& p : summary->second.criteria()) {
        if (p.criterion_id() != c.id()) continue;
        peers.a.push_back(p.consensus_level());
        peers.b.push_back(tutor_level);
      }
    }
  }
  v1::GetAgreementResponse response;
  *response.mutable_engine_vs_tutor() =
      ToProto(review::ComputeAgreement(engine.a, engine.b, 0, top));
  *response.mutable_peers_vs_tutor() =
      ToProto(review::ComputeAgreement(peers.a, peers.b, 0, top));
  return response;
}

absl::StatusOr<v1::ListTutorQueueResponse> PeerStats::TutorQueue(
    absl::string_view assignment_id) {
  ASSIGN_OR_RETURN(v1::Assignment assignment,
                   store_->GetAssignment(assignment_id));
  ASSIGN_OR_RETURN(auto summaries, consensus_->ForAssignment(assignment));
  ASSIGN_OR_RETURN(std::vector<v1::Submission> all,
                   AllSubmissions(*store_, assignment_id));
  v1::ListTutorQueueResponse response;
  for (const v1::Submission& s : LatestDrafts(all)) {
    auto summary = summaries.find(s.id());
    if (summary == summaries.end() ||
        summary->second.confidence() != v1::GRADE_CONFIDENCE_LOW) {
      continue;
    }
    const v1::PeerCriterionSummary* worst = nullptr;
    for (const v1::PeerCriterionSummary& c : summary->second.criteria()) {
      if (worst == nullptr || c.spread() > worst->spread()) worst = &c;
    }
    v1::QueueEntry* entry = response.add_entries();
    entry->set_submission_id(s.id());
    entry->set_author(s.author());
    entry->set_confidence(v1::GRADE_CONFIDENCE_LOW);
    entry->set_reason(absl::StrFormat(
        "peers disagree on %s: their levels span %g levels across %d reviews",
        worst->criterion_id(), worst->spread(), worst->reviews()));
  }
  return response;
}

}  // namespace marginalia::server
