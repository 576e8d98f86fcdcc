// Peer review: allocating reviewers (through the review_algorithms
// library), review tasks, submitting reviews and reading them back with
// anonymity both ways. Thread-safe; allocations of one server are
// serialised so that labels ("Reviewer 2", "Essay 3") stay consistent.
#pragma once

#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "marginalia/v1/review.pb.h"
#include "server/auth/caller.h"
#include "server/core/comments.h"
#include "server/core/rubric_catalog.h"
#include "server/storage/store.h"
#include "server/util/clock.h"
#include "server/util/id_generator.h"

namespace marginalia::server {

// Allocation, tasks and reviews of peer review. Thread-safe.
class PeerReview {
 public:
  // Every pointer must outlive this.
  PeerReview(Store* store, RubricCatalog* rubrics, Comments* comments,
             Clock* clock, IdGenerator* ids)
      : store_(store),
        rubrics_(rubrics),
        comments_(comments),
        clock_(clock),
        ids_(ids) {}

  // Gives every author's latest submission k reviewers and every author k
  // tasks, adding to (never changing) the tasks given before. The first
  // allocation fixes k and the seed. FAILED_PRECONDITION when peer review is
  // off, k differs from the fixed one, or there are too few students.
  // (peer_allocation.cc)
  absl::StatusOr<marginalia::v1::AllocatePeerReviewsResponse> Allocate(
      const marginalia::v1::AllocatePeerReviewsRequest& request);

  // After a submission: when the assignment's allocation has begun and the
  // author has no reviewers yet, allocates them (and their tasks) at once,
  // so a late submitter neither waits nor is forgotten. Returns how many
  // tasks were created. (peer_allocation.cc)
  absl::StatusOr<int> AllocateLate(
      const marginalia::v1::Submission& submission);

  absl::StatusOr<marginalia::v1::ListReviewTasksResponse> ListTasks(
      const Access& access,
      const marginalia::v1::ListReviewTasksRequest& request);
  // The task with the essay's text, without its author.
  absl::StatusOr<marginalia::v1::GetReviewTaskResponse> GetTask(
      const Access& access,
      const marginalia::v1::GetReviewTaskRequest& request);
  // INVALID_ARGUMENT unless there is one score per rubric criterion, each a
  // level of that criterion's scale; FAILED_PRECONDITION when the task was
  // already reviewed. A request_id the reviewer already used for this task
  // returns that review, or ALREADY_EXISTS for another request.
  absl::StatusOr<marginalia::v1::Review> Submit(
      const Access& access, const marginalia::v1::SubmitReviewRequest& request);
  // Staff see reviewers; the author sees "Reviewer N", and nothing before
  // release.
  absl::StatusOr<marginalia::v1::ListReviewsResponse> ListReviews(
      const Access& access, const marginalia::v1::ListReviewsRequest& request);

 private:
  absl::StatusOr<marginalia::v1::AllocatePeerReviewsResponse> AllocateLocked(
      const marginalia::v1::Assignment& assignment, int requested_k,
      uint64_t requested_seed) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_);

  Store* store_;
  RubricCatalog* rubrics_;
  Comments* comments_;
  Clock* clock_;
  IdGenerator* ids_;
  absl::Mutex mutex_;
};

}  // namespace marginalia::server
