// Tutor grading: per-criterion overrides with reasons, final grades,
// release of feedback, and the audit log every change lands in. The grade
// itself is computed by grade_calculator.h. Thread-safe.
#pragma once

#include "absl/status/statusor.h"
#include "marginalia/v1/grade.pb.h"
#include "marginalia/v1/submission.pb.h"
#include "server/auth/caller.h"
#include "server/core/peer_summaries.h"
#include "server/core/rubric_catalog.h"
#include "server/storage/store.h"
#include "server/util/clock.h"

namespace marginalia::server {

// Computes grades and records tutor decisions with audit events.
class Grading {
 public:
  // Every pointer must outlive this; `peers` may be null (no peer review).
  Grading(Store* store, RubricCatalog* rubrics, PeerSummaries* peers,
          Clock* clock)
      : store_(store), rubrics_(rubrics), peers_(peers), clock_(clock) {}

  // The grade as staff see it.
  absl::StatusOr<marginalia::v1::Grade> Compute(
      const marginalia::v1::Submission& submission);
  // The same from parts already read (GetFeedback reads them anyway), so
  // that they are not read twice. `peers` may be null.
  absl::StatusOr<marginalia::v1::Grade> ComputeFrom(
      const marginalia::v1::Submission& submission,
      const marginalia::v1::FeedbackReport& report, const GradeRecord& record,
      const marginalia::v1::PeerSummary* peers, double peer_weight);

  // The grade as `access` may see it: before release the author gets only
  // the formula and released = false.
  absl::StatusOr<marginalia::v1::Grade> Get(const Access& access,
                                            absl::string_view submission_id);

  // INVALID_ARGUMENT without a reason, for a criterion not in the rubric or
  // a score outside 0..max_score.
  absl::StatusOr<marginalia::v1::Grade> SetCriterionScore(
      const Access& access,
      const marginalia::v1::SetCriterionScoreRequest& request);
  absl::StatusOr<marginalia::v1::Grade> SetFinalGrade(
      const Access& access,
      const marginalia::v1::SetFinalGradeRequest& request);

  // Releases one submission or a whole assignment; returns how many were
  // newly released.
  absl::StatusOr<int> Release(
      const Access& access,
      const marginalia::v1::ReleaseFeedbackRequest& request);

  absl::StatusOr<marginalia::v1::ListAuditEventsResponse> ListAuditEvents(
      const marginalia::v1::ListAuditEventsRequest& request);

 private:
  absl::StatusOr<marginalia::v1::Rubric> RubricOf(
      const marginalia::v1::Submission& submission);

  Store* store_;
  RubricCatalog* rubrics_;
  PeerSummaries* peers_;
  Clock* clock_;
};

}  // namespace marginalia::server
