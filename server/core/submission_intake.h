// Takes essays in: checks the request, normalises the text, scores it with
// the assignment's rubric within the caller's limits, and stores submission
// and report together, single submissions in group commits
// (group_commit.h). Thread-safe; scoring runs outside any lock.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "marginalia/v1/submission.pb.h"
#include "rubrics/control/score_limits.h"
#include "rubrics/engine/engine.h"
#include "server/core/admission.h"
#include "server/core/group_commit.h"
#include "server/core/rubric_catalog.h"
#include "server/storage/store.h"
#include "server/util/clock.h"
#include "server/util/id_generator.h"

namespace marginalia::server {

struct IntakeOptions {
  // Largest essay accepted, in bytes of UTF-8. Default: 1 MiB.
  std::size_t max_essay_bytes = 1 << 20;
  // Submissions scored and waiting for their commit at once (Submit only;
  // a batch stream has its own window). Default (0): 4 per core, at least 8.
  std::size_t max_pending = 0;
  // Longest expected wait for a single submission before it is scored;
  // beyond it the call is refused with retry advice (admission.h).
  // Default: 50 ms.
  absl::Duration max_wait = absl::Milliseconds(50);
};

// INVALID_ARGUMENT naming the limit when an essay of `bytes` is too large.
absl::Status CheckEssaySize(std::size_t bytes, std::size_t limit);

class SubmissionIntake {
 public:
  // Every pointer must outlive the intake.
  SubmissionIntake(Store* store, RubricCatalog* rubrics,
                   const rubrics::Engine* engine, Clock* clock,
                   IdGenerator* ids, IntakeOptions options)
      : store_(store),
        rubrics_(rubrics),
        engine_(engine),
        clock_(clock),
        ids_(ids),
        options_(options),
        admission_(clock, AdmissionOptionsFor(options)),
        committer_(std::make_unique<GroupCommitter>(store)) {}

  // Stores one essay, scored with the rubric version its assignment pins.
  // INVALID_ARGUMENT for a missing assignment or author, empty text, invalid
  // UTF-8 or text over the limit (the message names the problem); NOT_FOUND
  // for an unknown assignment; ALREADY_EXISTS when the request_id was used
  // for a different text; FAILED_PRECONDITION when the assignment is locked
  // against new drafts (draft_lock.h); ABORTED when the assignment moved to
  // another rubric version meanwhile. `caller` sent the request (the author, or
  // staff on their behalf; request.author must be set): a request_id
  // repeated by the same caller for the same assignment and author returns
  // the first submission with created = false (idempotency.h).
  // RESOURCE_EXHAUSTED with retry advice, at once, when max_pending
  // submissions are in progress or the calls ahead would keep this one
  // waiting past max_wait or its deadline (admission.h). Scoring
  // stops with CANCELLED or DEADLINE_EXCEEDED (RESOURCE_EXHAUSTED for the
  // budget) once `limits` says so, and a caller gone before its group
  // commit has nothing stored. Concurrent calls share one transaction;
  // OK means durable.
  absl::StatusOr<CreateSubmissionResult> Submit(
      absl::string_view caller,
      const marginalia::v1::CreateSubmissionRequest& request,
      const rubrics::ScoreLimits& limits = {});

  // Checks and scores without storing: the first half of Submit, so that a
  // batch can store many prepared submissions in one transaction. A replayed
  // request_id yields `replay` set and nothing to store.
  struct Prepared {
    NewSubmission submission;
    std::optional<marginalia::v1::Submission> replay;
  };
  absl::StatusOr<Prepared> Prepare(
      absl::string_view caller,
      const marginalia::v1::CreateSubmissionRequest& request,
      const rubrics::ScoreLimits& limits = {});

  // Where prepared submissions are stored (a batch stream's own committer).
  Store* store() const { return store_; }

 private:
  absl::Status CheckRequest(
      const marginalia::v1::CreateSubmissionRequest& request) const;
  // The admission's bounds: the options', one worker per core.
  static AdmissionOptions AdmissionOptionsFor(const IntakeOptions& options);

  Store* store_;
  RubricCatalog* rubrics_;
  const rubrics::Engine* engine_;
  Clock* clock_;
  IdGenerator* ids_;
  IntakeOptions options_;
  Admission admission_;
  // Single submissions' group commits.
  std::unique_ptr<GroupCommitter> committer_;
};

}  // namespace marginalia::server
