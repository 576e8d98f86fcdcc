// TEMPORARY, until branch review-algorithms (marginalia::review_algorithms)
// is merged: the entry points that need its allocation, consensus and
// agreement answer UNIMPLEMENTED, so the rest of the workflow builds and
// runs. peer_allocation.cc, peer_consensus.cc and peer_stats.cc replace
// this file once the library is there.
#include "server/core/peer_consensus.h"
#include "server/core/peer_review.h"
#include "server/core/peer_stats.h"

namespace marginalia::server {

namespace v1 = ::marginalia::v1;

absl::StatusOr<v1::AllocatePeerReviewsResponse> PeerReview::Allocate(
    const v1::AllocatePeerReviewsRequest&) {
  return absl::UnimplementedError(
      "peer allocation needs the review_algorithms library");
}

absl::StatusOr<int> PeerReview::AllocateLate(const v1::Submission&) {
  return 0;
}

absl::StatusOr<std::map<std::string, v1::PeerSummary>>
PeerConsensus::ForAssignment(const v1::Assignment&) {
  return std::map<std::string, v1::PeerSummary>();
}

absl::StatusOr<std::optional<v1::PeerSummary>> PeerConsensus::ForSubmission(
    const v1::Submission&) {
  return std::optional<v1::PeerSummary>();
}

absl::StatusOr<v1::GetAgreementResponse> PeerStats::Agreement(
    absl::string_view) {
  return absl::UnimplementedError("agreement needs review_algorithms");
}

absl::StatusOr<v1::ListTutorQueueResponse> PeerStats::TutorQueue(
    absl::string_view) {
  return absl::UnimplementedError("the queue needs review_algorithms");
}

}  // namespace marginalia::server
