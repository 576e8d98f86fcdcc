#include "server/core/grading.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/status_macros.h"
#include "server/core/field_limits.h"
#include "server/core/grade_calculator.h"
#include "server/core/visibility.h"
#include "server/util/time_util.h"

namespace marginalia::server {

namespace v1 = ::marginalia::v1;

namespace {

absl::Status CheckReason(const std::string& reason) {
  if (reason.empty()) {
    return absl::InvalidArgumentError(
        "reason is required: every grade change is recorded in the audit log "
        "with its reason");
  }
  RETURN_IF_ERROR(CheckLength("reason", reason, kMaxReasonBytes));
  return absl::OkStatus();
}

absl::Status CheckScore(double score, double max, absl::string_view what) {
  if (score >= 0 && score <= max) return absl::OkStatus();
  return absl::InvalidArgumentError(
      absl::StrCat("score ", score, " is outside 0 to ", max, " for ", what));
}

v1::AuditEvent Event(const Access& access, absl::Time now,
                     const v1::Submission& submission,
                     absl::string_view action) {
  v1::AuditEvent event;
  *event.mutable_time() = ToTimestamp(now);
  event.set_actor(access.caller.id());
  event.set_action(std::string(action));
  event.set_submission_id(submission.id());
  event.set_assignment_id(submission.assignment_id());
  return event;
}

}  // namespace

absl::StatusOr<v1::Rubric> Grading::RubricOf(const v1::Submission& submission) {
  ASSIGN_OR_RETURN(
      std::shared_ptr<const rubrics::CompiledRubric> rubric,
      rubrics_->Get(submission.rubric_id(), submission.rubric_version()));
  return rubric->proto();
}

absl::StatusOr<v1::Grade> Grading::Compute(const v1::Submission& submission) {
  ASSIGN_OR_RETURN(v1::FeedbackReport report,
                   store_->GetReport(submission.id()));
  ASSIGN_OR_RETURN(GradeRecord record, store_->GetGradeRecord(submission.id()));
  double peer_weight = 0;
  absl::StatusOr<v1::Assignment> assignment =
      store_->GetAssignment(submission.assignment_id());
  if (assignment.ok()) peer_weight = assignment->peer_review().peer_weight();
  std::optional<v1::PeerSummary> peers;
  if (peers_ != nullptr) {
    ASSIGN_OR_RETURN(peers, peers_->ForSubmission(submission));
  }
  return ComputeFrom(submission, report, record,
                     peers.has_value() ? &*peers : nullptr, peer_weight);
}

absl::StatusOr<v1::Grade> Grading::ComputeFrom(const v1::Submission& submission,
                                               const v1::FeedbackReport& report,
                                               const GradeRecord& record,
                                               const v1::PeerSummary* peers,
                                               double peer_weight) {
  ASSIGN_OR_RETURN(v1::Rubric rubric, RubricOf(submission));
  return ComputeGrade(submission.id(),
                      GradeInputs{rubric, report, record, peers, peer_weight});
}

absl::StatusOr<v1::Grade> Grading::Get(const Access& access,
                                       absl::string_view submission_id) {
  ASSIGN_OR_RETURN(v1::Submission submission,
                   store_->GetSubmission(submission_id, false));
  ASSIGN_OR_RETURN(v1::Grade grade, Compute(submission));
  ASSIGN_OR_RETURN(
      Visible visible,
      VisibilityPolicy(store_, access).For(submission, grade.released()));
  return visible.grade ? grade : WithheldGrade(grade);
}

absl::StatusOr<v1::Grade> Grading::SetCriterionScore(
    const Access& access, const v1::SetCriterionScoreRequest& request) {
  RETURN_IF_ERROR(CheckReason(request.reason()));
  ASSIGN_OR_RETURN(v1::Submission submission,
                   store_->GetSubmission(request.submission_id(), false));
  ASSIGN_OR_RETURN(v1::Grade before, Compute(submission));
  const v1::CriterionGrade* current = nullptr;
  std::vector<std::string> ids;
  for (const v1::CriterionGrade& criterion : before.criteria()) {
    ids.push_back(criterion.criterion_id());
    if (criterion.criterion_id() == request.criterion_id())
      current = &criterion;
  }
  if (current == nullptr) {
    return absl::InvalidArgumentError(absl::StrCat(
        "criterion '", request.criterion_id(), "' is not in rubric ",
        submission.rubric_id(), "@v", submission.rubric_version(),
        "; its criteria: ", absl::StrJoin(ids, ", ")));
  }
  RETURN_IF_ERROR(
      CheckScore(request.score(), current->max_score(),
                 absl::StrCat("criterion ", request.criterion_id())));
  absl::Time now = clock_->Now();
  v1::AuditEvent event = Event(access, now, submission, "criterion_override");
  event.set_criterion_id(request.criterion_id());
  event.set_old_value(current->has_engine_score()
                          ? absl::StrCat("engine ", current->engine_score())
                          : "none");
  event.set_new_value(absl::StrCat(request.score()));
  event.set_reason(request.reason());
  TutorScore score{request.score(), request.reason(), access.caller.id(),
                   ToTimestamp(now)};
  RETURN_IF_ERROR(store_->SetCriterionOverride(
      submission.id(), request.criterion_id(), score, std::move(event)));
  return Compute(submission);
}

absl::StatusOr<v1::Grade> Grading::SetFinalGrade(
    const Access& access, const v1::SetFinalGradeRequest& request) {
  RETURN_IF_ERROR(CheckReason(request.reason()));
  ASSIGN_OR_RETURN(v1::Submission submission,
                   store_->GetSubmission(request.submission_id(), false));
  ASSIGN_OR_RETURN(v1::Grade before, Compute(submission));
  RETURN_IF_ERROR(
      CheckScore(request.score(), before.max_score(), "the final grade"));
  absl::Time now = clock_->Now();
  v1::AuditEvent event = Event(access, now, submission, "final_grade");
  event.set_old_value(absl::StrCat("computed ", before.total()));
  event.set_new_value(absl::StrCat(request.score()));
  event.set_reason(request.reason());
  TutorScore score{request.score(), request.reason(), access.caller.id(),
                   ToTimestamp(now)};
  RETURN_IF_ERROR(
      store_->SetFinalGrade(submission.id(), score, std::move(event)));
  return Compute(submission);
}

absl::StatusOr<int> Grading::Release(
    const Access& access, const v1::ReleaseFeedbackRequest& request) {
  ReleaseScope scope{request.submission_id(), request.assignment_id()};
  return store_->Release(scope, access.caller.id(), ToTimestamp(clock_->Now()));
}

absl::StatusOr<v1::ListAuditEventsResponse> Grading::ListAuditEvents(
    const v1::ListAuditEventsRequest& request) {
  ASSIGN_OR_RETURN(
      Page<v1::AuditEvent> page,
      store_->ListAuditEvents(
          AuditFilter{request.submission_id(), request.assignment_id()},
          {request.page_size(), request.page_token()}));
  v1::ListAuditEventsResponse response;
  for (v1::AuditEvent& event : page.items) {
    *response.add_events() = std::move(event);
  }
  response.set_next_page_token(page.next_page_token);
  return response;
}

}  // namespace marginalia::server
