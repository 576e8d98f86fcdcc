#include "server/core/assignments.h"

#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "rubrics/rubric/rubric_registry.h"
#include "server/core/caller_waiting.h"
#include "server/core/directory.h"
#include "server/core/field_limits.h"
#include "server/core/submission_sets.h"
#include "server/util/time_util.h"

namespace marginalia::server {
namespace {

namespace v1 = ::marginalia::v1;

// Most reviews per submission an assignment may ask for.
constexpr int kMaxReviewsPerSubmission = 10;

absl::Status CheckPeerSettings(const v1::PeerReviewSettings& peer) {
  if (peer.reviews_per_submission() < 0 ||
      peer.reviews_per_submission() > kMaxReviewsPerSubmission) {
    return absl::InvalidArgumentError(absl::StrCat(
        "peer_review.reviews_per_submission must be 0 (no peer review) to ",
        kMaxReviewsPerSubmission, " (got ", peer.reviews_per_submission(),
        ")"));
  }
  if (!(peer.peer_weight() >= 0 && peer.peer_weight() <= 1)) {
    return absl::InvalidArgumentError(
        absl::StrCat("peer_review.peer_weight must be between 0 and 1 (got ",
                     peer.peer_weight(), ")"));
  }
  return absl::OkStatus();
}

std::string RubricName(absl::string_view id, int version) {
  return absl::StrCat(id, "@v", version);
}

}  // namespace

absl::StatusOr<v1::Assignment> Assignments::Create(v1::Assignment assignment) {
  if (assignment.id().empty()) assignment.set_id(ids_->NewId("asg"));
  RETURN_IF_ERROR(CheckId("assignment.id", assignment.id()));
  RETURN_IF_ERROR(
      CheckLength("assignment.title", assignment.title(), kMaxTitleBytes));
  RETURN_IF_ERROR(CheckPeerSettings(assignment.peer_review()));
  if (!assignment.peer_review().has_anonymous()) {
    assignment.mutable_peer_review()->set_anonymous(true);
  }
  if (assignment.rubric_id().empty()) {
    assignment.set_rubric_id(std::string(rubrics::kDefaultRubricId));
  }
  ASSIGN_OR_RETURN(
      std::shared_ptr<const rubrics::CompiledRubric> rubric,
      rubrics_->GetForCourse(assignment.course_id(), assignment.rubric_id(),
                             assignment.rubric_version()));
  assignment.set_rubric_id(rubric->id());
  assignment.set_rubric_version(rubric->version());
  *assignment.mutable_create_time() = ToTimestamp(clock_->Now());
  RETURN_IF_ERROR(store_->CreateAssignment(assignment));
  return assignment;
}

absl::StatusOr<v1::UpdateAssignmentRubricResponse> Assignments::MoveRubric(
    const Access& access, const v1::UpdateAssignmentRubricRequest& request,
    const rubrics::ScoreLimits& limits) {
  if (request.reason().empty()) {
    return absl::InvalidArgumentError(
        "reason is required: it is recorded in the audit log");
  }
  RETURN_IF_ERROR(CheckLength("reason", request.reason(), kMaxReasonBytes));
  ASSIGN_OR_RETURN(v1::Assignment assignment,
                   store_->GetAssignment(request.assignment_id()));
  std::string rubric_id = request.rubric_id().empty() ? assignment.rubric_id()
                                                      : request.rubric_id();
  ASSIGN_OR_RETURN(std::shared_ptr<const rubrics::CompiledRubric> rubric,
                   rubrics_->GetForCourse(assignment.course_id(), rubric_id,
                                          request.rubric_version()));
  std::string old_name =
      RubricName(assignment.rubric_id(), assignment.rubric_version());
  std::string new_name = RubricName(rubric->id(), rubric->version());
  if (old_name == new_name) {
    return absl::FailedPreconditionError(absl::StrCat(
        "assignment '", assignment.id(), "' already uses ", new_name));
  }
  ASSIGN_OR_RETURN(std::vector<v1::Submission> submissions,
                   AllSubmissions(*store_, assignment.id()));
  std::vector<RescoredReport> reports;
  for (const v1::Submission& s : submissions) {
    ASSIGN_OR_RETURN(v1::Submission full, store_->GetSubmission(s.id(), true));
    ASSIGN_OR_RETURN(v1::FeedbackReport report,
                     engine_->Score(full.text(), *rubric, limits));
    reports.push_back({s.id(), std::move(report)});
  }
  assignment.set_rubric_id(rubric->id());
  assignment.set_rubric_version(rubric->version());
  v1::AuditEvent event;
  *event.mutable_time() = ToTimestamp(clock_->Now());
  event.set_actor(access.caller.id());
  event.set_action("rubric_change");
  event.set_assignment_id(assignment.id());
  event.set_old_value(old_name);
  event.set_new_value(
      absl::StrCat(new_name, " (", reports.size(), " submissions re-scored)"));
  event.set_reason(request.reason());
  RETURN_IF_ERROR(CallerStillWaiting(limits));
  RETURN_IF_ERROR(store_->MoveAssignmentRubric(assignment, reports, event));
  v1::UpdateAssignmentRubricResponse response;
  *response.mutable_assignment() = std::move(assignment);
  response.set_rescored(static_cast<int32_t>(reports.size()));
  return response;
}

namespace {

std::string LockName(const v1::DraftLock& lock) {
  if (lock.after_due() && lock.after_release()) {
    return "after due time or release";
  }
  if (lock.after_due()) return "after due time";
  if (lock.after_release()) return "after release";
  return "open";
}

v1::AuditEvent AssignmentEvent(const Access& access, absl::Time now,
                               absl::string_view action,
                               absl::string_view assignment_id) {
  v1::AuditEvent event;
  *event.mutable_time() = ToTimestamp(now);
  event.set_actor(access.caller.id());
  event.set_action(std::string(action));
  event.set_assignment_id(std::string(assignment_id));
  return event;
}

}  // namespace

absl::StatusOr<v1::Assignment> Assignments::SetDraftLock(
    const Access& access, const v1::SetDraftLockRequest& request) {
  ASSIGN_OR_RETURN(v1::Assignment assignment,
                   store_->GetAssignment(request.assignment_id()));
  v1::AuditEvent event =
      AssignmentEvent(access, clock_->Now(), "draft_lock", assignment.id());
  event.set_old_value(LockName(assignment.draft_lock()));
  event.set_new_value(LockName(request.draft_lock()));
  RETURN_IF_ERROR(
      store_->SetDraftLock(assignment.id(), request.draft_lock(), event));
  *assignment.mutable_draft_lock() = request.draft_lock();
  return assignment;
}

absl::StatusOr<v1::Extension> Assignments::GrantExtension(
    const Access& access, const v1::GrantExtensionRequest& request) {
  if (request.student().empty()) {
    return absl::InvalidArgumentError("student is required");
  }
  if (!request.has_until()) {
    return absl::InvalidArgumentError("until is required");
  }
  ASSIGN_OR_RETURN(v1::Assignment assignment,
                   store_->GetAssignment(request.assignment_id()));
  ASSIGN_OR_RETURN(v1::CourseRole role,
                   store_->GetRole(assignment.course_id(), request.student()));
  if (role != v1::COURSE_ROLE_STUDENT) {
    return absl::FailedPreconditionError(
        "an extension is for a student of the assignment's course");
  }
  v1::Extension extension;
  extension.set_assignment_id(assignment.id());
  extension.set_student(request.student());
  *extension.mutable_until() = request.until();
  extension.set_granted_by(access.caller.id());
  v1::AuditEvent event =
      AssignmentEvent(access, clock_->Now(), "extension", assignment.id());
  event.set_new_value(absl::StrCat(
      request.student(), " until ",
      absl::FormatTime(absl::RFC3339_sec,
                       absl::FromUnixSeconds(request.until().seconds()),
                       absl::UTCTimeZone())));
  RETURN_IF_ERROR(store_->PutExtension(extension, event));
  return extension;
}

}  // namespace marginalia::server
