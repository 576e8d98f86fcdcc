// Per-assignment statistics for tutors: how well the engine and the peers
// agree with the tutor (quadratic weighted kappa, Pearson, mean absolute
// difference, on criterion levels), and the queue of submissions whose peer
// grade is too uncertain to trust. Thread-safe.
#pragma once

#include "absl/status/statusor.h"
#include "marginalia/v1/grade.pb.h"
#include "server/core/peer_consensus.h"
#include "server/core/rubric_catalog.h"
#include "server/storage/store.h"

namespace marginalia::server {

// Agreement statistics and the tutor's queue. Stateless.
class PeerStats {
 public:
  // Every pointer must outlive this.
  PeerStats(Store* store, RubricCatalog* rubrics, PeerConsensus* consensus)
      : store_(store), rubrics_(rubrics), consensus_(consensus) {}

  // Pairs are (submission, criterion) where the tutor overrode the score:
  // the engine's level (or the peers' consensus level) against the tutor's
  // score converted to a level of the criterion's scale.
  absl::StatusOr<marginalia::v1::GetAgreementResponse> Agreement(
      absl::string_view assignment_id);

  // Latest drafts whose peer grade has LOW confidence, with the criterion
  // the peers disagree on most.
  absl::StatusOr<marginalia::v1::ListTutorQueueResponse> TutorQueue(
      absl::string_view assignment_id);

 private:
  Store* store_;
  RubricCatalog* rubrics_;
  PeerConsensus* consensus_;
};

}  // namespace marginalia::server
