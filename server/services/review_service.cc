#include "server/services/review_service.h"

#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "server/core/visibility.h"
#include "server/services/handler.h"

namespace marginalia::server {
namespace {

namespace v1 = ::marginalia::v1;

std::string Method(absl::string_view name) {
  return absl::StrCat("marginalia.v1.ReviewService/", name);
}

}  // namespace

grpc::Status ReviewServiceImpl::CreateComment(
    grpc::ServerContext* context, const v1::CreateCommentRequest* request,
    v1::CreateCommentResponse* response) {
  return Handle(*auth_, context, Method("CreateComment"), *request,
                [&](const Access& access) -> absl::Status {
                  v1::CreateCommentRequest checked = *request;
                  // Students may not hide their replies from themselves.
                  if (!access.staff()) checked.clear_visibility();
                  ASSIGN_OR_RETURN(*response->mutable_comment(),
                                   comments_->Create(access, checked));
                  return absl::OkStatus();
                });
}

grpc::Status ReviewServiceImpl::ListComments(
    grpc::ServerContext* context, const v1::ListCommentsRequest* request,
    v1::ListCommentsResponse* response) {
  return Handle(*auth_, context, Method("ListComments"), *request,
                [&](const Access& access) -> absl::Status {
                  ASSIGN_OR_RETURN(*response,
                                   comments_->List(access, *request));
                  return absl::OkStatus();
                });
}

grpc::Status ReviewServiceImpl::ResolveComment(
    grpc::ServerContext* context, const v1::ResolveCommentRequest* request,
    v1::ResolveCommentResponse* response) {
  return Handle(*auth_, context, Method("ResolveComment"), *request,
                [&](const Access&) -> absl::Status {
                  ASSIGN_OR_RETURN(
                      *response->mutable_comment(),
                      comments_->SetResolved(request->comment_id(), true));
                  return absl::OkStatus();
                });
}

grpc::Status ReviewServiceImpl::ReopenComment(
    grpc::ServerContext* context, const v1::ReopenCommentRequest* request,
    v1::ReopenCommentResponse* response) {
  return Handle(*auth_, context, Method("ReopenComment"), *request,
                [&](const Access&) -> absl::Status {
                  ASSIGN_OR_RETURN(
                      *response->mutable_comment(),
                      comments_->SetResolved(request->comment_id(), false));
                  return absl::OkStatus();
                });
}

grpc::Status ReviewServiceImpl::AllocatePeerReviews(
    grpc::ServerContext* context, const v1::AllocatePeerReviewsRequest* request,
    v1::AllocatePeerReviewsResponse* response) {
  return Handle(*auth_, context, Method("AllocatePeerReviews"), *request,
                [&](const Access&) -> absl::Status {
                  ASSIGN_OR_RETURN(*response, peers_->Allocate(*request));
                  return absl::OkStatus();
                });
}

grpc::Status ReviewServiceImpl::ListReviewTasks(
    grpc::ServerContext* context, const v1::ListReviewTasksRequest* request,
    v1::ListReviewTasksResponse* response) {
  return Handle(*auth_, context, Method("ListReviewTasks"), *request,
                [&](const Access& access) -> absl::Status {
                  ASSIGN_OR_RETURN(*response,
                                   peers_->ListTasks(access, *request));
                  return absl::OkStatus();
                });
}

grpc::Status ReviewServiceImpl::GetReviewTask(
    grpc::ServerContext* context, const v1::GetReviewTaskRequest* request,
    v1::GetReviewTaskResponse* response) {
  return Handle(*auth_, context, Method("GetReviewTask"), *request,
                [&](const Access& access) -> absl::Status {
                  ASSIGN_OR_RETURN(*response,
                                   peers_->GetTask(access, *request));
                  return absl::OkStatus();
                });
}

grpc::Status ReviewServiceImpl::SubmitReview(
    grpc::ServerContext* context, const v1::SubmitReviewRequest* request,
    v1::SubmitReviewResponse* response) {
  return Handle(*auth_, context, Method("SubmitReview"), *request,
                [&](const Access& access) -> absl::Status {
                  ASSIGN_OR_RETURN(*response->mutable_review(),
                                   peers_->Submit(access, *request));
                  return absl::OkStatus();
                });
}

grpc::Status ReviewServiceImpl::ListReviews(
    grpc::ServerContext* context, const v1::ListReviewsRequest* request,
    v1::ListReviewsResponse* response) {
  return Handle(*auth_, context, Method("ListReviews"), *request,
                [&](const Access& access) -> absl::Status {
                  ASSIGN_OR_RETURN(*response,
                                   peers_->ListReviews(access, *request));
                  return absl::OkStatus();
                });
}

grpc::Status ReviewServiceImpl::GetPeerSummary(
    grpc::ServerContext* context, const v1::GetPeerSummaryRequest* request,
    v1::GetPeerSummaryResponse* response) {
  return Handle(
      *auth_, context, Method("GetPeerSummary"), *request,
      [&](const Access& access) -> absl::Status {
        ASSIGN_OR_RETURN(
            v1::Submission submission,
            store_->GetSubmission(request->submission_id(), false));
        response->mutable_summary()->set_submission_id(submission.id());
        ASSIGN_OR_RETURN(Visible visible,
                         VisibilityPolicy(store_, access).For(submission));
        ASSIGN_OR_RETURN(std::optional<v1::PeerSummary> summary,
                         consensus_->ForSubmission(submission));
        if (!summary.has_value()) return absl::OkStatus();
        if (!visible.peer_reviews) {
          // The author learns that reviews exist, not their verdict.
          response->set_withheld_reviews(summary->reviews());
          return absl::OkStatus();
        }
        if (!visible.reviewer_identities) summary->clear_reviewers();
        *response->mutable_summary() = *std::move(summary);
        return absl::OkStatus();
      });
}

}  // namespace marginalia::server
