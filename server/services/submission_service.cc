#include "server/services/submission_service.h"

#include "server/core/batch_pipeline.h"
#include "server/services/grpc_status.h"

namespace marginalia::server {

namespace v1 = ::marginalia::v1;

grpc::Status SubmissionServiceImpl::CreateSubmission(
    grpc::ServerContext*, const v1::CreateSubmissionRequest* request,
    v1::CreateSubmissionResponse* response) {
  absl::StatusOr<CreateSubmissionResult> result = intake_->Submit(*request);
  if (!result.ok()) return ToGrpcStatus(result.status());
  *response->mutable_submission() = std::move(result->submission);
  response->set_created(result->created);
  return grpc::Status::OK;
}

grpc::Status SubmissionServiceImpl::GetSubmission(
    grpc::ServerContext*, const v1::GetSubmissionRequest* request,
    v1::GetSubmissionResponse* response) {
  if (request->id().empty()) {
    return ToGrpcStatus(absl::InvalidArgumentError("id is required"));
  }
  absl::StatusOr<v1::Submission> submission = store_->GetSubmission(
      request->id(), request->view() == v1::SUBMISSION_VIEW_FULL);
  if (!submission.ok()) return ToGrpcStatus(submission.status());
  *response->mutable_submission() = *std::move(submission);
  return grpc::Status::OK;
}

grpc::Status SubmissionServiceImpl::ListSubmissions(
    grpc::ServerContext*, const v1::ListSubmissionsRequest* request,
    v1::ListSubmissionsResponse* response) {
  SubmissionFilter filter{request->assignment_id(), request->author()};
  absl::StatusOr<SubmissionPage> page = store_->ListSubmissions(
      filter, PageRequest{request->page_size(), request->page_token()});
  if (!page.ok()) return ToGrpcStatus(page.status());
  for (v1::Submission& submission : page->submissions) {
    *response->add_submissions() = std::move(submission);
  }
  response->set_next_page_token(page->next_page_token);
  return grpc::Status::OK;
}

grpc::Status SubmissionServiceImpl::GetFeedback(
    grpc::ServerContext*, const v1::GetFeedbackRequest* request,
    v1::GetFeedbackResponse* response) {
  if (request->submission_id().empty()) {
    return ToGrpcStatus(
        absl::InvalidArgumentError("submission_id is required"));
  }
  absl::StatusOr<v1::Submission> submission =
      store_->GetSubmission(request->submission_id(), false);
  if (!submission.ok()) return ToGrpcStatus(submission.status());
  absl::StatusOr<v1::FeedbackReport> report =
      store_->GetReport(request->submission_id());
  if (!report.ok()) return ToGrpcStatus(report.status());
  *response->mutable_submission() = *std::move(submission);
  *response->mutable_report() = *std::move(report);
  return grpc::Status::OK;
}

grpc::Status SubmissionServiceImpl::BatchCreateSubmissions(
    grpc::ServerContext*,
    grpc::ServerReaderWriter<v1::BatchCreateSubmissionsResponse,
                             v1::BatchCreateSubmissionsRequest>* stream) {
  // Reading here, scoring on the pipeline's workers, storing in group
  // commits; Add() blocks when too many items are unanswered, which stops
  // reading and so pushes back on the client.
  BatchPipeline pipeline(
      intake_, BatchPipelineOptions{},
      [stream](const std::string& client_ref,
               absl::StatusOr<CreateSubmissionResult> result) {
        v1::BatchCreateSubmissionsResponse response;
        response.set_client_ref(client_ref);
        if (result.ok()) {
          *response.mutable_submission() = std::move(result->submission);
          response.set_created(result->created);
        } else {
          *response.mutable_error() = ToItemError(result.status());
        }
        return stream->Write(response);
      });
  v1::BatchCreateSubmissionsRequest item;
  while (stream->Read(&item)) {
    pipeline.Add(std::move(*item.mutable_client_ref()),
                 std::move(*item.mutable_submission()));
    item.Clear();
  }
  pipeline.Finish();
  return grpc::Status::OK;
}

}  // namespace marginalia::server
