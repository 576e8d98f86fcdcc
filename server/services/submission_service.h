// gRPC adapter of SubmissionService: authorises, validates, converts, calls
// the intake and the store, converts back. No SQL and no scoring here.
#pragma once

#include "marginalia/v1/submission.grpc.pb.h"
#include "server/core/feedback.h"
#include "server/core/peer_review.h"
#include "server/core/submission_intake.h"
#include "server/services/call_auth.h"
#include "server/storage/store.h"

namespace marginalia::server {

class SubmissionServiceImpl final
    : public marginalia::v1::SubmissionService::Service {
 public:
  // Every pointer must outlive the service.
  SubmissionServiceImpl(CallAuth* auth, SubmissionIntake* intake, Store* store,
                        FeedbackReader* feedback, PeerReview* peers)
      : auth_(auth),
        intake_(intake),
        store_(store),
        feedback_(feedback),
        peers_(peers) {}

  grpc::Status CreateSubmission(
      grpc::ServerContext* context,
      const marginalia::v1::CreateSubmissionRequest* request,
      marginalia::v1::CreateSubmissionResponse* response) override;
  grpc::Status GetSubmission(
      grpc::ServerContext* context,
      const marginalia::v1::GetSubmissionRequest* request,
      marginalia::v1::GetSubmissionResponse* response) override;
  grpc::Status ListSubmissions(
      grpc::ServerContext* context,
      const marginalia::v1::ListSubmissionsRequest* request,
      marginalia::v1::ListSubmissionsResponse* response) override;
  grpc::Status GetFeedback(
      grpc::ServerContext* context,
      const marginalia::v1::GetFeedbackRequest* request,
      marginalia::v1::GetFeedbackResponse* response) override;
  grpc::Status BatchCreateSubmissions(
      grpc::ServerContext* context,
      grpc::ServerReaderWriter<marginalia::v1::BatchCreateSubmissionsResponse,
                               marginalia::v1::BatchCreateSubmissionsRequest>*
          stream) override;

 private:
  // Gives a new submission its peer-review tasks when the assignment's
  // reviews were already allocated (late arrivals wait for nobody).
  void AllocateLate(const marginalia::v1::Submission& submission);
  // Stores one essay for an authorised caller (author defaults to them),
  // scored within `limits`, and gives a late submitter their peer
  // reviewers.
  absl::StatusOr<CreateSubmissionResult> Submit(
      const Access& access, marginalia::v1::CreateSubmissionRequest request,
      const rubrics::ScoreLimits& limits);
  // Withholds from a batch answer what `caller` may not see yet
  // (visibility.h).
  absl::Status RedactForCaller(const Caller& caller,
                               marginalia::v1::Submission* submission);

  CallAuth* auth_;
  SubmissionIntake* intake_;
  Store* store_;
  FeedbackReader* feedback_;
  PeerReview* peers_;
};

}  // namespace marginalia::server
