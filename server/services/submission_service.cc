#include "server/services/submission_service.h"

#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "server/core/batch_pipeline.h"
#include "server/core/visibility.h"
#include "server/services/call_limits.h"
#include "server/services/grpc_status.h"
#include "server/services/handler.h"
#include "server/util/log.h"

namespace marginalia::server {

namespace v1 = ::marginalia::v1;

namespace {

constexpr char kCreateSubmission[] =
    "marginalia.v1.SubmissionService/CreateSubmission";

std::string Method(absl::string_view name) {
  return absl::StrCat("marginalia.v1.SubmissionService/", name);
}

}  // namespace

absl::StatusOr<CreateSubmissionResult> SubmissionServiceImpl::Submit(
    const Access& access, v1::CreateSubmissionRequest request,
    const rubrics::ScoreLimits& limits) {
  if (request.author().empty()) request.set_author(access.caller.id());
  ASSIGN_OR_RETURN(CreateSubmissionResult result,
                   intake_->Submit(access.caller.id(), request, limits));
  if (result.created) AllocateLate(result.submission);
  RETURN_IF_ERROR(VisibilityPolicy(store_, access).Redact(&result.submission));
  return result;
}

absl::Status SubmissionServiceImpl::RedactForCaller(const Caller& caller,
                                                    v1::Submission* s) {
  // The item was authorised as a CreateSubmission; ask again for the
  // caller's relation to this one (staff, or its author).
  v1::CreateSubmissionRequest as_request;
  as_request.set_assignment_id(s->assignment_id());
  as_request.set_author(s->author());
  ASSIGN_OR_RETURN(Access access,
                   auth_->AuthorizeAs(caller, kCreateSubmission, as_request));
  return VisibilityPolicy(store_, access).Redact(s);
}

void SubmissionServiceImpl::AllocateLate(const v1::Submission& submission) {
  // The submission is stored and acknowledged whatever happens here; a
  // failed allocation is retried by the next one.
  absl::StatusOr<int> late = peers_->AllocateLate(submission);
  if (!late.ok()) {
    LogError("peer allocation after submission ", submission.id(),
             " failed: ", late.status().message());
  }
}

grpc::Status SubmissionServiceImpl::CreateSubmission(
    grpc::ServerContext* context, const v1::CreateSubmissionRequest* request,
    v1::CreateSubmissionResponse* response) {
  return Handle(
      *auth_, context, kCreateSubmission, *request,
      [&](const Access& access) -> absl::Status {
        ASSIGN_OR_RETURN(CreateSubmissionResult result,
                         Submit(access, *request, CallScoreLimits(context)));
        *response->mutable_submission() = std::move(result.submission);
        response->set_created(result.created);
        return absl::OkStatus();
      });
}

grpc::Status SubmissionServiceImpl::GetSubmission(
    grpc::ServerContext* context, const v1::GetSubmissionRequest* request,
    v1::GetSubmissionResponse* response) {
  return Handle(
      *auth_, context, Method("GetSubmission"), *request,
      [&](const Access& access) -> absl::Status {
        ASSIGN_OR_RETURN(
            *response->mutable_submission(),
            store_->GetSubmission(request->id(),
                                  request->view() == v1::SUBMISSION_VIEW_FULL));
        return VisibilityPolicy(store_, access)
            .Redact(response->mutable_submission());
      });
}

grpc::Status SubmissionServiceImpl::ListSubmissions(
    grpc::ServerContext* context, const v1::ListSubmissionsRequest* request,
    v1::ListSubmissionsResponse* response) {
  return Handle(
      *auth_, context, Method("ListSubmissions"), *request,
      [&](const Access& access) -> absl::Status {
        SubmissionFilter filter{request->assignment_id(), request->author()};
        // Students list only their own submissions.
        if (access.relation == Relation::kSelf) {
          filter.author = access.caller.id();
        }
        ASSIGN_OR_RETURN(SubmissionPage page,
                         store_->ListSubmissions(
                             filter, PageRequest{request->page_size(),
                                                 request->page_token()}));
        VisibilityPolicy visibility(store_, access);
        for (v1::Submission& submission : page.submissions) {
          RETURN_IF_ERROR(visibility.Redact(&submission));
          *response->add_submissions() = std::move(submission);
        }
        response->set_next_page_token(page.next_page_token);
        return absl::OkStatus();
      });
}

grpc::Status SubmissionServiceImpl::GetFeedback(
    grpc::ServerContext* context, const v1::GetFeedbackRequest* request,
    v1::GetFeedbackResponse* response) {
  return Handle(*auth_, context, Method("GetFeedback"), *request,
                [&](const Access& access) -> absl::Status {
                  ASSIGN_OR_RETURN(
                      *response,
                      feedback_->Get(access, request->submission_id()));
                  return absl::OkStatus();
                });
}

grpc::Status SubmissionServiceImpl::BatchCreateSubmissions(
    grpc::ServerContext* context,
    grpc::ServerReaderWriter<v1::BatchCreateSubmissionsResponse,
                             v1::BatchCreateSubmissionsRequest>* stream) {
  absl::StatusOr<Caller> caller = auth_->Authenticate(context);
  if (!caller.ok()) return ToGrpcStatus(caller.status());
  // Reading here, scoring on the pipeline's workers, storing in group
  // commits; Add() blocks when too many items are unanswered, which stops
  // reading and so pushes back on the client.
  BatchPipelineOptions options;
  options.limits = CallScoreLimits(context);
  BatchPipeline pipeline(
      intake_, std::move(options),
      [this, stream, &caller](const std::string& client_ref,
                              absl::StatusOr<CreateSubmissionResult> result,
                              v1::FeedbackReport* report) {
        v1::BatchCreateSubmissionsResponse response;
        response.set_client_ref(client_ref);
        if (result.ok()) {
          if (result->created) AllocateLate(result->submission);
          absl::Status shown = RedactForCaller(*caller, &result->submission);
          if (!shown.ok()) result = shown;
        }
        if (result.ok()) {
          *response.mutable_submission() = std::move(result->submission);
          response.set_created(result->created);
          if (report != nullptr)
            *response.mutable_report() = std::move(*report);
        } else {
          *response.mutable_error() = ToItemError(result.status());
        }
        return stream->Write(response);
      });
  v1::BatchCreateSubmissionsRequest item;
  absl::Status token = absl::OkStatus();
  while (token.ok() && stream->Read(&item)) {
    // The token is checked again for every item, so one revoked while the
    // stream is open stops it at the next item; each item is then
    // authorised as a CreateSubmission of its own.
    token = auth_->Recheck(context);
    absl::StatusOr<Access> access =
        token.ok()
            ? auth_->AuthorizeAs(*caller, kCreateSubmission, item.submission())
            : absl::StatusOr<Access>(token);
    if (!access.ok()) {
      pipeline.Reject(item.client_ref(), access.status());
      item.Clear();
      continue;
    }
    if (item.submission().author().empty()) {
      item.mutable_submission()->set_author(access->caller.id());
    }
    // Staff see every report at once; anyone else waits for GetFeedback's
    // release rules.
    bool with_report = item.include_report() && access->staff();
    pipeline.Add(std::move(*item.mutable_client_ref()), caller->id(),
                 std::move(*item.mutable_submission()), with_report);
    item.Clear();
  }
  pipeline.Finish();
  return ToGrpcStatus(token);
}

}  // namespace marginalia::server
