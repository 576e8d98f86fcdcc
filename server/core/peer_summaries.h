// The peers' verdict on a submission, as grading and feedback need it. An
// interface so that grading does not depend on how consensus is reached.
#pragma once

#include <optional>

#include "absl/status/statusor.h"
#include "marginalia/v1/review.pb.h"
#include "marginalia/v1/submission.pb.h"

namespace marginalia::server {

// Source of a submission's peer verdict. Implementations are thread-safe.
class PeerSummaries {
 public:
  virtual ~PeerSummaries() = default;
  // Median, consensus and spread per criterion, the confidence, and every
  // reviewer's weight; nullopt when no peer has reviewed the submission.
  virtual absl::StatusOr<std::optional<marginalia::v1::PeerSummary>>
  ForSubmission(const marginalia::v1::Submission& submission) = 0;
};

}  // namespace marginalia::server
