// Assignments: created with a pinned rubric version, and moved to another
// version only explicitly, re-scoring every submission and recording the
// change in the audit log. Thread-safe; scoring runs outside any lock.
#pragma once

#include "absl/status/statusor.h"
#include "marginalia/v1/admin.pb.h"
#include "rubrics/control/score_limits.h"
#include "rubrics/engine/engine.h"
#include "server/auth/caller.h"
#include "server/core/rubric_catalog.h"
#include "server/storage/store.h"
#include "server/util/clock.h"
#include "server/util/id_generator.h"

namespace marginalia::server {

// Creates assignments and moves them between rubric versions.
class Assignments {
 public:
  // Every pointer must outlive this.
  Assignments(Store* store, RubricCatalog* rubrics,
              const rubrics::Engine* engine, Clock* clock, IdGenerator* ids)
      : store_(store),
        rubrics_(rubrics),
        engine_(engine),
        clock_(clock),
        ids_(ids) {}

  // Pins the rubric (its latest version when rubric_version is 0).
  // INVALID_ARGUMENT for bad settings (the message names the field);
  // NOT_FOUND for an unknown rubric; ALREADY_EXISTS for a taken id.
  absl::StatusOr<marginalia::v1::Assignment> Create(
      marginalia::v1::Assignment assignment);

  // Pins another rubric version and re-scores every submission with it (the
  // old reports are kept in the report history); one "rubric_change" audit
  // event records who, when, from what, to what and why.
  // INVALID_ARGUMENT without a reason; FAILED_PRECONDITION when that version
  // is already pinned. Re-scoring stops, and nothing changes, with
  // CANCELLED or DEADLINE_EXCEEDED once `limits` (the caller's) says so.
  absl::StatusOr<marginalia::v1::UpdateAssignmentRubricResponse> MoveRubric(
      const Access& access,
      const marginalia::v1::UpdateAssignmentRubricRequest& request,
      const rubrics::ScoreLimits& limits = {});

  // Sets when the assignment stops taking drafts; a "draft_lock" audit
  // event records who and what. NOT_FOUND for an unknown assignment.
  absl::StatusOr<marginalia::v1::Assignment> SetDraftLock(
      const Access& access, const marginalia::v1::SetDraftLockRequest& request);

  // Lets one student hand in until a time, replacing an earlier grant; an
  // "extension" audit event records it. INVALID_ARGUMENT without a time;
  // FAILED_PRECONDITION when the user is not a student of the course.
  absl::StatusOr<marginalia::v1::Extension> GrantExtension(
      const Access& access,
      const marginalia::v1::GrantExtensionRequest& request);

 private:
  Store* store_;
  RubricCatalog* rubrics_;
  const rubrics::Engine* engine_;
  Clock* clock_;
  IdGenerator* ids_;
};

}  // namespace marginalia::server
