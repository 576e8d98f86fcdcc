#include "server/core/feedback.h"

#include <map>

#include "common/status_macros.h"
#include "server/core/visibility.h"

namespace marginalia::server {

namespace v1 = ::marginalia::v1;

absl::Status FeedbackReader::AddDeltas(const v1::Submission& submission,
                                       const v1::FeedbackReport& report,
                                       VisibilityPolicy& visibility,
                                       v1::GetFeedbackResponse* response) {
  if (submission.draft() <= 1) return absl::OkStatus();
  ASSIGN_OR_RETURN(
      std::optional<v1::Submission> previous,
      store_->FindDraft(submission.assignment_id(), submission.author(),
                        submission.draft() - 1));
  if (!previous.has_value()) return absl::OkStatus();
  response->set_previous_submission_id(previous->id());
  // The deltas carry the previous draft's scores: only for a reader who
  // may see them.
  ASSIGN_OR_RETURN(Visible earlier, visibility.For(*previous));
  if (!earlier.report) return absl::OkStatus();
  ASSIGN_OR_RETURN(v1::FeedbackReport before,
                   store_->GetReport(previous->id()));
  std::map<std::string, double> scores;
  for (const v1::CriterionScore& c : before.criteria())
    scores[c.id()] = c.score();
  for (const v1::CriterionScore& c : report.criteria()) {
    auto it = scores.find(c.id());
    if (it == scores.end()) continue;
    v1::CriterionDelta* delta = response->add_deltas();
    delta->set_criterion_id(c.id());
    delta->set_previous_score(it->second);
    delta->set_score(c.score());
  }
  return absl::OkStatus();
}

absl::StatusOr<v1::GetFeedbackResponse> FeedbackReader::Get(
    const Access& access, absl::string_view submission_id) {
  ASSIGN_OR_RETURN(v1::Submission submission,
                   store_->GetSubmission(submission_id, false));
  ASSIGN_OR_RETURN(GradeRecord record, store_->GetGradeRecord(submission_id));
  double peer_weight = 0;
  absl::StatusOr<v1::Assignment> assignment =
      store_->GetAssignment(submission.assignment_id());
  if (assignment.ok()) peer_weight = assignment->peer_review().peer_weight();
  bool released = record.release_time.has_value();
  VisibilityPolicy visibility(store_, access);
  ASSIGN_OR_RETURN(Visible visible, visibility.For(submission, released));
  v1::GetFeedbackResponse response;
  response.set_released(released);
  if (visible.report) {
    ASSIGN_OR_RETURN(*response.mutable_report(),
                     store_->GetReport(submission_id));
    RETURN_IF_ERROR(
        AddDeltas(submission, response.report(), visibility, &response));
  } else {
    response.set_report_withheld(true);
  }
  if (visible.comments) {
    v1::ListCommentsRequest list;
    list.set_submission_id(std::string(submission_id));
    list.set_include_resolved(true);
    list.set_page_size(1000);
    ASSIGN_OR_RETURN(v1::ListCommentsResponse comments,
                     comments_->List(access, list));
    *response.mutable_comments() = std::move(*comments.mutable_comments());
  }
  if (visible.grade || visible.peer_reviews) {
    std::optional<v1::PeerSummary> peers;
    if (peers_ != nullptr) {
      ASSIGN_OR_RETURN(peers, peers_->ForSubmission(submission));
    }
    if (visible.grade) {  // implies visible.report: the report is read
      ASSIGN_OR_RETURN(*response.mutable_grade(),
                       grading_->ComputeFrom(
                           submission, response.report(), record,
                           peers.has_value() ? &*peers : nullptr, peer_weight));
    }
    if (peers.has_value() && visible.peer_reviews) {
      if (!visible.reviewer_identities) peers->clear_reviewers();
      *response.mutable_peer_summary() = *std::move(peers);
    }
  }
  RedactSubmission(visible, &submission);
  *response.mutable_submission() = std::move(submission);
  return response;
}

}  // namespace marginalia::server
