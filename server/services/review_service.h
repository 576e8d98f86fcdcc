// gRPC adapter of ReviewService: comments and peer review. Every handler
// goes through the access policy first.
#pragma once

#include "marginalia/v1/review.grpc.pb.h"
#include "server/core/comments.h"
#include "server/core/peer_consensus.h"
#include "server/core/peer_review.h"
#include "server/services/call_auth.h"
#include "server/storage/store.h"

namespace marginalia::server {

#define MARGINALIA_RPC(Method)                                        \
  grpc::Status Method(grpc::ServerContext* context,                   \
                      const marginalia::v1::Method##Request* request, \
                      marginalia::v1::Method##Response* response) override

// ReviewService over Comments, PeerReview and PeerConsensus.
class ReviewServiceImpl final : public marginalia::v1::ReviewService::Service {
 public:
  // Every pointer must outlive the service.
  ReviewServiceImpl(CallAuth* auth, Comments* comments, PeerReview* peers,
                    PeerConsensus* consensus, Store* store)
      : auth_(auth),
        comments_(comments),
        peers_(peers),
        consensus_(consensus),
        store_(store) {}

  MARGINALIA_RPC(CreateComment);
  MARGINALIA_RPC(ListComments);
  MARGINALIA_RPC(ResolveComment);
  MARGINALIA_RPC(ReopenComment);
  MARGINALIA_RPC(AllocatePeerReviews);
  MARGINALIA_RPC(ListReviewTasks);
  MARGINALIA_RPC(GetReviewTask);
  MARGINALIA_RPC(SubmitReview);
  MARGINALIA_RPC(ListReviews);
  MARGINALIA_RPC(GetPeerSummary);

 private:
  CallAuth* auth_;
  Comments* comments_;
  PeerReview* peers_;
  PeerConsensus* consensus_;
  Store* store_;
};

#undef MARGINALIA_RPC

}  // namespace marginalia::server
