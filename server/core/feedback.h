// Everything a reader may see about one submission, in one response: the
// engine's report, tutor comments, the grade, the peers' verdict and the
// change since the author's previous draft. Before release the author sees
// none of the tutor's or peers' feedback, and the engine's report only when
// the assignment shows it at once. Thread-safe.
#pragma once

#include "absl/status/statusor.h"
#include "marginalia/v1/submission.pb.h"
#include "server/auth/caller.h"
#include "server/core/comments.h"
#include "server/core/grading.h"
#include "server/core/peer_summaries.h"
#include "server/core/visibility.h"
#include "server/storage/store.h"

namespace marginalia::server {

// Assembles GetFeedback for the caller's relation. Thread-safe.
class FeedbackReader {
 public:
  // Every pointer must outlive this; `peers` may be null.
  FeedbackReader(Store* store, Comments* comments, Grading* grading,
                 PeerSummaries* peers)
      : store_(store), comments_(comments), grading_(grading), peers_(peers) {}

  absl::StatusOr<marginalia::v1::GetFeedbackResponse> Get(
      const Access& access, absl::string_view submission_id);

 private:
  // Fills previous_submission_id, and the per-criterion deltas when the
  // reader may see the previous draft's report.
  absl::Status AddDeltas(const marginalia::v1::Submission& submission,
                         const marginalia::v1::FeedbackReport& report,
                         VisibilityPolicy& visibility,
                         marginalia::v1::GetFeedbackResponse* response);

  Store* store_;
  Comments* comments_;
  Grading* grading_;
  PeerSummaries* peers_;
};

}  // namespace marginalia::server
