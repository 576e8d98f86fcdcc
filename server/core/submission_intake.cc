#include "server/core/submission_intake.h"

#include <algorithm>
#include <thread>

#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "rubrics/document/normalize.h"
#include "server/core/caller_waiting.h"
#include "server/core/draft_lock.h"
#include "server/core/field_limits.h"
#include "server/core/idempotency.h"
#include "server/util/time_util.h"

namespace marginalia::server {

namespace v1 = ::marginalia::v1;

absl::Status CheckEssaySize(std::size_t bytes, std::size_t limit) {
  if (bytes <= limit) return absl::OkStatus();
  return absl::InvalidArgumentError(
      absl::StrCat("text is ", bytes, " bytes, over the limit of ", limit,
                   " bytes (--max-essay-bytes)"));
}

AdmissionOptions SubmissionIntake::AdmissionOptionsFor(
    const IntakeOptions& options) {
  int cores =
      std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  std::size_t max_pending = options.max_pending;
  if (max_pending == 0) max_pending = std::max(8, 4 * cores);
  AdmissionOptions admission;
  admission.max_pending = max_pending;
  admission.workers = cores;
  admission.max_wait = options.max_wait;
  return admission;
}

absl::Status SubmissionIntake::CheckRequest(
    const v1::CreateSubmissionRequest& request) const {
  if (request.assignment_id().empty()) {
    return absl::InvalidArgumentError("assignment_id is required");
  }
  if (request.author().empty()) {
    return absl::InvalidArgumentError("author is required");
  }
  RETURN_IF_ERROR(CheckRequestId(request.request_id()));
  RETURN_IF_ERROR(
      CheckLength("file_name", request.file_name(), kMaxFileNameBytes));
  return CheckEssaySize(request.text().size(), options_.max_essay_bytes);
}

absl::StatusOr<SubmissionIntake::Prepared> SubmissionIntake::Prepare(
    absl::string_view caller, const v1::CreateSubmissionRequest& request,
    const rubrics::ScoreLimits& limits) {
  RETURN_IF_ERROR(CheckRequest(request));
  ASSIGN_OR_RETURN(std::string text,
                   rubrics::NormalizeEssayText(request.text()));
  std::string sha256 = rubrics::Sha256Hex(text);
  Prepared prepared;
  if (!request.request_id().empty()) {
    ASSIGN_OR_RETURN(prepared.replay,
                     store_->FindSubmissionByRequestKey(
                         {std::string(caller), request.assignment_id(),
                          request.author(), request.request_id()}));
    if (prepared.replay.has_value()) {
      if (prepared.replay->content_sha256() != sha256) {
        return ReusedRequestIdError(request.request_id(), "text");
      }
      return prepared;
    }
  }
  ASSIGN_OR_RETURN(v1::Assignment assignment,
                   store_->GetAssignment(request.assignment_id()));
  RETURN_IF_ERROR(CheckDraftOpen(*store_, assignment.id(), request.author(),
                                 clock_->Now()));
  ASSIGN_OR_RETURN(
      std::shared_ptr<const rubrics::CompiledRubric> rubric,
      rubrics_->Get(assignment.rubric_id(), assignment.rubric_version()));
  ASSIGN_OR_RETURN(v1::FeedbackReport report,
                   engine_->Score(text, *rubric, limits));

  v1::Submission& s = prepared.submission.submission;
  s.set_id(ids_->NewId("sub"));
  s.set_assignment_id(request.assignment_id());
  s.set_author(request.author());
  s.set_request_id(request.request_id());
  s.set_content_sha256(sha256);
  s.set_text_bytes(static_cast<int64_t>(text.size()));
  *s.mutable_create_time() = ToTimestamp(clock_->Now());
  s.set_rubric_id(rubric->id());
  s.set_rubric_version(rubric->version());
  s.set_total_score(report.total_score());
  s.set_max_score(report.max_score());
  s.set_title(report.title());
  s.set_file_name(request.file_name());
  s.set_text(std::move(text));
  prepared.submission.report = std::move(report);
  prepared.submission.submitted_by = std::string(caller);
  prepared.submission.draft_rule = DraftRuleAt(assignment.id(), clock_);
  return prepared;
}

absl::StatusOr<CreateSubmissionResult> SubmissionIntake::Submit(
    absl::string_view caller, const v1::CreateSubmissionRequest& request,
    const rubrics::ScoreLimits& limits) {
  ASSIGN_OR_RETURN(Admission::Ticket ticket, admission_.Admit(limits.deadline));
  ASSIGN_OR_RETURN(Prepared prepared, Prepare(caller, request, limits));
  if (prepared.replay.has_value()) {
    return CreateSubmissionResult{*std::move(prepared.replay), false};
  }
  return committer_->AddAndWait(std::move(prepared.submission), [&limits] {
    return CallerStillWaiting(limits);
  });
}

}  // namespace marginalia::server
