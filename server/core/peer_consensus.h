// The peers' verdict on an assignment's submissions: per criterion the
// median and the reliability-weighted consensus (computed by the
// review_algorithms library; server/review/README.md documents the method),
// a confidence from the peers' spread, and each reviewer's weight, flags and
// accuracy against the tutor. Recomputed from the stored reviews on every
// call, so it always reflects the latest reviews and overrides. Thread-safe.
#pragma once

#include <map>
#include <string>

#include "absl/status/statusor.h"
#include "marginalia/v1/admin.pb.h"
#include "marginalia/v1/review.pb.h"
#include "server/core/peer_summaries.h"
#include "server/core/rubric_catalog.h"
#include "server/storage/store.h"

namespace marginalia::server {

// PeerSummaries computed with review::ComputeConsensus. Stateless.
class PeerConsensus : public PeerSummaries {
 public:
  // Both must outlive this.
  PeerConsensus(Store* store, RubricCatalog* rubrics)
      : store_(store), rubrics_(rubrics) {}

  absl::StatusOr<std::optional<marginalia::v1::PeerSummary>> ForSubmission(
      const marginalia::v1::Submission& submission) override;

  // Every reviewed submission's summary, by submission id. A submission's
  // confidence is the lowest over its criteria.
  absl::StatusOr<std::map<std::string, marginalia::v1::PeerSummary>>
  ForAssignment(const marginalia::v1::Assignment& assignment);

 private:
  Store* store_;
  RubricCatalog* rubrics_;
};

}  // namespace marginalia::server
